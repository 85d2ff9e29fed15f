// The create-image tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

type Failure = { name?: string; message: string };

const en = {
  stillPending: ({ message }: Failure) => `CreateImage refused the instance because it was still starting (pending): ${message}. Wait until it is running first (waitUntilInstanceRunning).`,
  badName: ({ name, message }: Failure) => `EC2 refused the image name: ${name}: ${message}`,
  notYourImage: ({ value }: { value: string }) => `Return the new image's ID (ImageId); "${value}" is not one of your images.`,
  wrongSource: ({ source, instance }: { source?: string; instance: string }) => `The image was made from ${source}, not from the instance you were given (${instance}).`,
  noImage: 'No image was created.',
  invalidName: ({ name }: { name: string }) => `"${name}" is not a valid AMI name: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _`,
  recognisable: ({ name }: { name: string }) => `Keep the team's name recognisable: "${name}" should start with "cat-photos web".`,
  notAvailable: ({ state }: { state?: string }) => `When your function returned, the image was ${state ?? 'missing'}. New images start pending: wait with waitUntilImageAvailable.`,
  plainHasHttpd: 'A plain instance of the base AMI should not have httpd.',
  cloneLacksHttpd: 'An instance launched from your image should have httpd: image the instance after its setup ran (wait until it is running).',
  cloneStartsHttpd: 'httpd should start at boot on the clone, as it does on the builder.',
  ownSettings: "An AMI holds disks: the clone's type, key pair, tags and user data come from its own launch, none from the builder.",
  sameName: ({ base, names }: { base: string; names: string }) => `Two images with the base name "${base}" need two different names; your account has: ${names}`,
  originalStopped: 'The original instance should keep running after it was imaged.',
};

type Messages = typeof en;

const ptBr = {
  stillPending: ({ message }) => `CreateImage recusou a instância porque ela ainda estava iniciando (pending): ${message}. Espere primeiro até ela estar running (waitUntilInstanceRunning).`,
  badName: ({ name, message }) => `O EC2 recusou o nome da imagem: ${name}: ${message}`,
  notYourImage: ({ value }) => `Devolva o ID da nova imagem (ImageId); "${value}" não é uma das suas imagens.`,
  wrongSource: ({ source, instance }) => `A imagem foi feita a partir de ${source}, não da instância que você recebeu (${instance}).`,
  noImage: 'Nenhuma imagem foi criada.',
  invalidName: ({ name }) => `"${name}" não é um nome de AMI válido: de 3 a 128 letras, dígitos, espaços e ( ) [ ] . / - ' @ _`,
  recognisable: ({ name }) => `Mantenha reconhecível o nome da equipe: "${name}" deveria começar com "cat-photos web".`,
  notAvailable: ({ state }) => `Quando sua função retornou, a imagem estava ${state ?? 'ausente'}. Imagens novas começam em pending: espere com waitUntilImageAvailable.`,
  plainHasHttpd: 'Uma instância comum da AMI base não deveria ter o httpd.',
  cloneLacksHttpd: 'Uma instância executada a partir da sua imagem deveria ter o httpd: crie a imagem da instância depois que a configuração rodou (espere até ela estar running).',
  cloneStartsHttpd: 'O httpd deveria iniciar no boot do clone, como na instância construtora.',
  ownSettings: 'Uma AMI guarda discos: o tipo, o par de chaves, as tags e os dados do usuário do clone vêm da execução dele, nenhum da instância construtora.',
  sameName: ({ base, names }) => `Duas imagens com o nome base "${base}" precisam de dois nomes diferentes; sua conta tem: ${names}`,
  originalStopped: 'A instância original deveria continuar em running depois de virar imagem.',
} satisfies Messages;

const es = {
  stillPending: ({ message }) => `CreateImage rechazó la instancia porque todavía estaba iniciando (pending): ${message}. Primero espera a que esté en running (waitUntilInstanceRunning).`,
  badName: ({ name, message }) => `EC2 rechazó el nombre de la imagen: ${name}: ${message}`,
  notYourImage: ({ value }) => `Devuelve el ID de la nueva imagen (ImageId); "${value}" no es una de tus imágenes.`,
  wrongSource: ({ source, instance }) => `La imagen se creó desde ${source}, no desde la instancia que recibiste (${instance}).`,
  noImage: 'No se creó ninguna imagen.',
  invalidName: ({ name }) => `"${name}" no es un nombre de AMI válido: de 3 a 128 letras, dígitos, espacios y ( ) [ ] . / - ' @ _`,
  recognisable: ({ name }) => `Mantén reconocible el nombre del equipo: "${name}" debería empezar con "cat-photos web".`,
  notAvailable: ({ state }) => `Cuando tu función devolvió su valor, la imagen estaba ${state ?? 'ausente'}. Las imágenes nuevas empiezan en pending: espera con waitUntilImageAvailable.`,
  plainHasHttpd: 'Una instancia común de la AMI base no debería tener httpd.',
  cloneLacksHttpd: 'Una instancia lanzada desde tu imagen debería tener httpd: crea la imagen de la instancia después de que se ejecutó su configuración (espera a que esté en running).',
  cloneStartsHttpd: 'httpd debería iniciarse al arrancar el clon, como en la instancia constructora.',
  ownSettings: 'Una AMI guarda discos: el tipo, el par de claves, las etiquetas y los datos de usuario del clon vienen de su propio lanzamiento, nada de la instancia constructora.',
  sameName: ({ base, names }) => `Dos imágenes con el nombre base "${base}" necesitan dos nombres distintos; tu cuenta tiene: ${names}`,
  originalStopped: 'La instancia original debería seguir en running después de crear su imagen.',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
