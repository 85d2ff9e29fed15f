// The copy-image tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

type Regions = { destination: string; source: string };

const en = {
  wrongRegion: ({ destination, source, name, message }: Regions & { name: string; message: string }) =>
    `EC2 in ${destination} answered ${name}: ${message}. That ID belongs to ${source}; an AMI lives in one region. Copy it with ec2.copyImage({ SourceRegion, SourceImageId, Name }) and use the new ID it gets here.`,
  notACopy: ({ value, destination }: { value: string; destination: string }) => `Return { imageId, instanceId } with the copy's ID; "${value}" is not an image in ${destination}.`,
  wrongSource: ({ image }: { image: string }) => `The image you returned was not copied from ${image}.`,
  wrongSourceRegion: ({ source }: { source: string }) => `The copy should come from ${source}.`,
  wrongName: ({ name }: { name: string }) => `Give the copy the name you were asked for (${name}).`,
  noCopy: 'No copy was made.',
  sameId: 'A copy in another region always gets a new ID.',
  oldIdKnown: ({ image, destination }: { image: string; destination: string }) => `${image} should be unknown in ${destination}`,
  notAvailable: ({ state }: { state?: string }) => `When your function returned, the copy was ${state ?? 'missing'}. A new copy starts pending: wait with waitUntilImageAvailable.`,
  oneServer: ({ destination, found }: { destination: string; found: string }) => `Expected one instance launched from the copy in ${destination}, found ${found}.`,
  serverRunning: 'Wait until the new server is running (waitUntilInstanceRunning).',
  serverType: 'Launch the web server as a t3.micro.',
  returnInstance: "Return the new instance's ID as instanceId.",
  noServer: ({ destination }: { destination: string }) => `No instance was launched from the copy in ${destination}.`,
  noHttpd: 'The server launched from the copy should have httpd, installed on the original builder.',
  sourceChanged: ({ source }: { source: string }) => `The image in ${source} should still be available: copying never moves or changes it.`,
  copyOnce: ({ destination }: { destination: string }) => `Copy the image once: ${destination} should hold exactly one copy.`,
};

type Messages = typeof en;

const ptBr = {
  wrongRegion: ({ destination, source, name, message }) =>
    `O EC2 em ${destination} respondeu ${name}: ${message}. Esse ID pertence a ${source}; uma AMI vive em uma única região. Copie-a com ec2.copyImage({ SourceRegion, SourceImageId, Name }) e use o ID novo que ela recebe aqui.`,
  notACopy: ({ value, destination }) => `Devolva { imageId, instanceId } com o ID da cópia; "${value}" não é uma imagem em ${destination}.`,
  wrongSource: ({ image }) => `A imagem que você devolveu não foi copiada de ${image}.`,
  wrongSourceRegion: ({ source }) => `A cópia deveria vir de ${source}.`,
  wrongName: ({ name }) => `Dê à cópia o nome pedido (${name}).`,
  noCopy: 'Nenhuma cópia foi feita.',
  sameId: 'Uma cópia em outra região sempre recebe um ID novo.',
  oldIdKnown: ({ image, destination }) => `${image} deveria ser desconhecido em ${destination}`,
  notAvailable: ({ state }) => `Quando sua função retornou, a cópia estava ${state ?? 'ausente'}. Uma cópia nova começa em pending: espere com waitUntilImageAvailable.`,
  oneServer: ({ destination, found }) => `Esperava uma instância executada a partir da cópia em ${destination}; encontrei: ${found}.`,
  serverRunning: 'Espere até o novo servidor estar running (waitUntilInstanceRunning).',
  serverType: 'Execute o servidor web como t3.micro.',
  returnInstance: 'Devolva o ID da nova instância como instanceId.',
  noServer: ({ destination }) => `Nenhuma instância foi executada a partir da cópia em ${destination}.`,
  noHttpd: 'O servidor executado a partir da cópia deveria ter o httpd, instalado na instância construtora original.',
  sourceChanged: ({ source }) => `A imagem em ${source} deveria continuar available: copiar nunca move nem altera a original.`,
  copyOnce: ({ destination }) => `Copie a imagem uma vez só: ${destination} deveria ter exatamente uma cópia.`,
} satisfies Messages;

const es = {
  wrongRegion: ({ destination, source, name, message }) =>
    `EC2 en ${destination} respondió ${name}: ${message}. Ese ID pertenece a ${source}; una AMI vive en una sola región. Cópiala con ec2.copyImage({ SourceRegion, SourceImageId, Name }) y usa el ID nuevo que recibe aquí.`,
  notACopy: ({ value, destination }) => `Devuelve { imageId, instanceId } con el ID de la copia; "${value}" no es una imagen en ${destination}.`,
  wrongSource: ({ image }) => `La imagen que devolviste no se copió desde ${image}.`,
  wrongSourceRegion: ({ source }) => `La copia debería venir de ${source}.`,
  wrongName: ({ name }) => `Dale a la copia el nombre pedido (${name}).`,
  noCopy: 'No se hizo ninguna copia.',
  sameId: 'Una copia en otra región siempre recibe un ID nuevo.',
  oldIdKnown: ({ image, destination }) => `${image} debería ser desconocido en ${destination}`,
  notAvailable: ({ state }) => `Cuando tu función devolvió su valor, la copia estaba ${state ?? 'ausente'}. Una copia nueva empieza en pending: espera con waitUntilImageAvailable.`,
  oneServer: ({ destination, found }) => `Se esperaba una instancia lanzada desde la copia en ${destination}; se encontró: ${found}.`,
  serverRunning: 'Espera a que el nuevo servidor esté en running (waitUntilInstanceRunning).',
  serverType: 'Lanza el servidor web como t3.micro.',
  returnInstance: 'Devuelve el ID de la nueva instancia como instanceId.',
  noServer: ({ destination }) => `No se lanzó ninguna instancia desde la copia en ${destination}.`,
  noHttpd: 'El servidor lanzado desde la copia debería tener httpd, instalado en la instancia constructora original.',
  sourceChanged: ({ source }) => `La imagen en ${source} debería seguir en available: copiar nunca la mueve ni la cambia.`,
  copyOnce: ({ destination }) => `Copia la imagen una sola vez: ${destination} debería tener exactamente una copia.`,
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
