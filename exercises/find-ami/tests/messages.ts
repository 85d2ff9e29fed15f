// The find-ami tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

const en = {
  returnString: 'Return the image ID as a string, like "ami-0abc...".',
  notAnImage: ({ value }: { value: string }) => `"${value}" is not an image ID that exists in us-east-1.`,
  notAl2023: ({ name }: { name?: string }) => `You picked "${name}", which is not an Amazon Linux 2023 image (names start with al2023-ami-2023).`,
  wrongArch: ({ architecture }: { architecture?: string }) => `You picked an ${architecture} image; x86_64 was asked for.`,
  noImage: 'No existing image was returned.',
  notAmazon: ({ name, owner }: { name?: string; owner?: string }) => `"${name}" belongs to account ${owner}, not to Amazon: anyone can publish an image with that name. Ask only for Owners: ['amazon'].`,
  notNewest: ({ best, bestDate, chosen, chosenDate }: { best?: string; bestDate?: string; chosen: string; chosenDate: string }) => `Amazon's newest x86_64 release is ${best} (${bestDate}); you returned ${chosen} (${chosenDate}). Sort by CreationDate.`,
  arm64: ({ id, name }: { id?: string; name?: string }) => `For arm64 the answer is ${id} (${name}). Filter on the architecture you are given.`,
  region: ({ id }: { id?: string }) => `The same image has another ID in eu-west-1 (${id}). Ask the client you are given; never write an AMI ID into your code.`,
  findFirst: 'Find an image first: this test checks that finding it changed nothing.',
  launched: 'Finding an image should not launch instances.',
  created: 'Finding an image should not create images.',
};

type Messages = typeof en;

const ptBr = {
  returnString: 'Devolva o ID da imagem como uma string, como "ami-0abc...".',
  notAnImage: ({ value }) => `"${value}" não é o ID de uma imagem que existe em us-east-1.`,
  notAl2023: ({ name }) => `Você escolheu "${name}", que não é uma imagem Amazon Linux 2023 (os nomes começam com al2023-ami-2023).`,
  wrongArch: ({ architecture }) => `Você escolheu uma imagem ${architecture}; o pedido era x86_64.`,
  noImage: 'Nenhuma imagem existente foi devolvida.',
  notAmazon: ({ name, owner }) => `"${name}" pertence à conta ${owner}, não à Amazon: qualquer um pode publicar uma imagem com esse nome. Peça só Owners: ['amazon'].`,
  notNewest: ({ best, bestDate, chosen, chosenDate }) => `A versão x86_64 mais nova da Amazon é ${best} (${bestDate}); você devolveu ${chosen} (${chosenDate}). Ordene por CreationDate.`,
  arm64: ({ id, name }) => `Para arm64 a resposta é ${id} (${name}). Filtre pela arquitetura que você recebe.`,
  region: ({ id }) => `A mesma imagem tem outro ID em eu-west-1 (${id}). Pergunte ao cliente que você recebe; nunca escreva um ID de AMI no seu código.`,
  findFirst: 'Primeiro encontre uma imagem: este teste confere que encontrá-la não mudou nada.',
  launched: 'Encontrar uma imagem não deveria executar instâncias.',
  created: 'Encontrar uma imagem não deveria criar imagens.',
} satisfies Messages;

const es = {
  returnString: 'Devuelve el ID de la imagen como una cadena de caracteres, como "ami-0abc...".',
  notAnImage: ({ value }) => `"${value}" no es el ID de una imagen que exista en us-east-1.`,
  notAl2023: ({ name }) => `Elegiste "${name}", que no es una imagen de Amazon Linux 2023 (los nombres empiezan con al2023-ami-2023).`,
  wrongArch: ({ architecture }) => `Elegiste una imagen ${architecture}; se pidió x86_64.`,
  noImage: 'No se devolvió ninguna imagen existente.',
  notAmazon: ({ name, owner }) => `"${name}" pertenece a la cuenta ${owner}, no a Amazon: cualquiera puede publicar una imagen con ese nombre. Pide solo Owners: ['amazon'].`,
  notNewest: ({ best, bestDate, chosen, chosenDate }) => `La versión x86_64 más reciente de Amazon es ${best} (${bestDate}); devolviste ${chosen} (${chosenDate}). Ordena por CreationDate.`,
  arm64: ({ id, name }) => `Para arm64 la respuesta es ${id} (${name}). Filtra por la arquitectura que recibes.`,
  region: ({ id }) => `La misma imagen tiene otro ID en eu-west-1 (${id}). Pregúntale al cliente que recibes; nunca escribas un ID de AMI en tu código.`,
  findFirst: 'Primero encuentra una imagen: esta prueba comprueba que encontrarla no cambió nada.',
  launched: 'Encontrar una imagen no debería lanzar instancias.',
  created: 'Encontrar una imagen no debería crear imágenes.',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
