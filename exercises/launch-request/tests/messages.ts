// The launch-request tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

const en = {
  refused: ({ error }: { error?: string }) => `EC2 refused your request: ${error}`,
  imageAndType: 'The request needs ImageId and InstanceType from the spec, and MinCount = MaxCount = 1.',
  keyName: "Set KeyName to the spec's key pair.",
  groupId: ({ name, id }: { name: string; id: string }) => `SecurityGroupIds needs the ID of the group named ${name} (${id}), found with describeSecurityGroups.`,
  groupOnly: 'The launched instance should be in the cat-photos-web group only.',
  subnet: ({ zone, subnet }: { zone: string; subnet: string }) => `SubnetId should be the default subnet of ${zone} (${subnet}); without it EC2 picks a zone for you.`,
  wrongZone: 'The launched instance is in the wrong zone.',
  rootMapping: ({ device }: { device: string }) => `BlockDeviceMappings needs an entry for the image's root device ${device} (see the image's RootDeviceName).`,
  rootSize: ({ size }: { size: number }) => `The launched instance's root volume should be ${size} GiB (Ebs.VolumeSize).`,
  returnFirst: 'Return the request object first: this test checks that building it launched nothing.',
  launched: 'Your function launched instances; it should only build the request and return it.',
};

type Messages = typeof en;

const ptBr = {
  refused: ({ error }) => `O EC2 recusou seu pedido: ${error}`,
  imageAndType: 'O pedido precisa de ImageId e InstanceType da especificação, e MinCount = MaxCount = 1.',
  keyName: 'Coloque em KeyName o par de chaves da especificação.',
  groupId: ({ name, id }) => `SecurityGroupIds precisa do ID do grupo chamado ${name} (${id}), que você encontra com describeSecurityGroups.`,
  groupOnly: 'A instância executada deveria estar só no grupo cat-photos-web.',
  subnet: ({ zone, subnet }) => `SubnetId deveria ser a sub-rede padrão de ${zone} (${subnet}); sem ela, o EC2 escolhe uma zona por você.`,
  wrongZone: 'A instância executada está na zona errada.',
  rootMapping: ({ device }) => `BlockDeviceMappings precisa de uma entrada para o dispositivo raiz da imagem, ${device} (veja o RootDeviceName da imagem).`,
  rootSize: ({ size }) => `O volume raiz da instância executada deveria ter ${size} GiB (Ebs.VolumeSize).`,
  returnFirst: 'Primeiro devolva o objeto do pedido: este teste confere que montá-lo não executou nada.',
  launched: 'Sua função executou instâncias; ela só deveria montar o pedido e devolvê-lo.',
} satisfies Messages;

const es = {
  refused: ({ error }) => `EC2 rechazó tu solicitud: ${error}`,
  imageAndType: 'La solicitud necesita ImageId e InstanceType de la especificación, y MinCount = MaxCount = 1.',
  keyName: 'Pon en KeyName el par de claves de la especificación.',
  groupId: ({ name, id }) => `SecurityGroupIds necesita el ID del grupo llamado ${name} (${id}), que encuentras con describeSecurityGroups.`,
  groupOnly: 'La instancia lanzada debería estar solo en el grupo cat-photos-web.',
  subnet: ({ zone, subnet }) => `SubnetId debería ser la subred predeterminada de ${zone} (${subnet}); sin ella, EC2 elige una zona por ti.`,
  wrongZone: 'La instancia lanzada está en la zona equivocada.',
  rootMapping: ({ device }) => `BlockDeviceMappings necesita una entrada para el dispositivo raíz de la imagen, ${device} (mira el RootDeviceName de la imagen).`,
  rootSize: ({ size }) => `El volumen raíz de la instancia lanzada debería tener ${size} GiB (Ebs.VolumeSize).`,
  returnFirst: 'Primero devuelve el objeto de la solicitud: esta prueba comprueba que armarlo no lanzó nada.',
  launched: 'Tu función lanzó instancias; solo debería armar la solicitud y devolverla.',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
