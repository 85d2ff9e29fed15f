// The inspect-ami tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

type Image = { name?: string };

const en = {
  architecture: ({ name, architecture }: Image & { architecture?: string }) => `${name} is built for ${architecture} (the image's Architecture).`,
  rootDevice: ({ device }: { device?: string }) => `The image boots from ${device} (RootDeviceName).`,
  volumeSize: ({ device, size }: { device?: string; size?: number }) => `The block device mapping for ${device} has VolumeSize ${size}.`,
  volumeType: ({ device, type }: { device?: string; type?: string }) => `The block device mapping for ${device} has VolumeType ${type}.`,
  firstArm: ({ candidates }: { candidates: string }) => `From ${candidates}, the first type that runs arm64 images is t4g.micro.`,
  refused: ({ name, type }: Image & { type?: string }) => `EC2 refused to launch ${name} on ${type}.`,
  windows: ({ name }: Image) => `${name} is a Windows image (its Platform is 'windows'); images without Platform are Linux.`,
  linux: ({ name }: Image) => `${name} is a Linux image.`,
  x86: ({ name, device }: Image & { device?: string }) => `For ${name}: x86_64, root ${device}, and t3.small is the first x86_64 type of the list.`,
  shouldThrow: ({ what }: { what: string }) => `Asking about an image that does not exist should fail with EC2's error (InvalidAMIID.NotFound); your function ${what}.`,
  returnedNormally: 'returned normally',
  wrongError: ({ name, message }: { name?: string; message?: string }) => `Expected EC2's InvalidAMIID.NotFound error, got ${name}: ${message}`,
  readFirst: 'Read the image from EC2 first: this test checks that reading changed nothing.',
  launched: 'Reading an image should not launch instances.',
};

type Messages = typeof en;

const ptBr = {
  architecture: ({ name, architecture }) => `${name} foi feita para ${architecture} (o Architecture da imagem).`,
  rootDevice: ({ device }) => `A imagem inicializa a partir de ${device} (RootDeviceName).`,
  volumeSize: ({ device, size }) => `O mapeamento de dispositivos de blocos de ${device} tem VolumeSize ${size}.`,
  volumeType: ({ device, type }) => `O mapeamento de dispositivos de blocos de ${device} tem VolumeType ${type}.`,
  firstArm: ({ candidates }) => `Entre ${candidates}, o primeiro tipo que roda imagens arm64 é t4g.micro.`,
  refused: ({ name, type }) => `O EC2 se recusou a executar ${name} em ${type}.`,
  windows: ({ name }) => `${name} é uma imagem Windows (o Platform dela é 'windows'); imagens sem Platform são Linux.`,
  linux: ({ name }) => `${name} é uma imagem Linux.`,
  x86: ({ name, device }) => `Para ${name}: x86_64, raiz ${device}, e t3.small é o primeiro tipo x86_64 da lista.`,
  shouldThrow: ({ what }) => `Perguntar por uma imagem que não existe deveria falhar com o erro do EC2 (InvalidAMIID.NotFound); sua função: ${what}.`,
  returnedNormally: 'terminou normalmente',
  wrongError: ({ name, message }) => `Esperava o erro InvalidAMIID.NotFound do EC2, veio ${name}: ${message}`,
  readFirst: 'Primeiro leia a imagem do EC2: este teste confere que ler não mudou nada.',
  launched: 'Ler uma imagem não deveria executar instâncias.',
} satisfies Messages;

const es = {
  architecture: ({ name, architecture }) => `${name} se creó para ${architecture} (el Architecture de la imagen).`,
  rootDevice: ({ device }) => `La imagen arranca desde ${device} (RootDeviceName).`,
  volumeSize: ({ device, size }) => `La asignación de dispositivos de bloques de ${device} tiene VolumeSize ${size}.`,
  volumeType: ({ device, type }) => `La asignación de dispositivos de bloques de ${device} tiene VolumeType ${type}.`,
  firstArm: ({ candidates }) => `De ${candidates}, el primer tipo que ejecuta imágenes arm64 es t4g.micro.`,
  refused: ({ name, type }) => `EC2 se negó a lanzar ${name} en ${type}.`,
  windows: ({ name }) => `${name} es una imagen de Windows (su Platform es 'windows'); las imágenes sin Platform son Linux.`,
  linux: ({ name }) => `${name} es una imagen de Linux.`,
  x86: ({ name, device }) => `Para ${name}: x86_64, raíz ${device}, y t3.small es el primer tipo x86_64 de la lista.`,
  shouldThrow: ({ what }) => `Preguntar por una imagen que no existe debería fallar con el error de EC2 (InvalidAMIID.NotFound); tu función: ${what}.`,
  returnedNormally: 'terminó normalmente',
  wrongError: ({ name, message }) => `Se esperaba el error InvalidAMIID.NotFound de EC2, llegó ${name}: ${message}`,
  readFirst: 'Primero lee la imagen desde EC2: esta prueba comprueba que leer no cambió nada.',
  launched: 'Leer una imagen no debería lanzar instancias.',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
