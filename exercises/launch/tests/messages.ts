// The launch tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

type Id = { id?: string };

const en = {
  count: ({ expected, found }: { expected: number; found: string }) => `Expected ${expected} instances after your launch, found ${found}. Use MinCount and MaxCount.`,
  noInstances: 'No instances were launched.',
  wrongAmi: ({ id, imageId, planned }: Id & { imageId?: string; planned: string }) => `${id} was launched from ${imageId}, not from plan.imageId (${planned}).`,
  wrongType: ({ id, type, planned }: Id & { type?: string; planned: string }) => `${id} has type ${type}; the plan asked for ${planned} (InstanceType).`,
  wrongKey: ({ id, key, planned }: Id & { key?: string; planned: string }) => `${id} has key pair ${key ?? '(none)'}; the plan asked for ${planned} (KeyName).`,
  wrongGroups: ({ id, groups, planned }: Id & { groups: string; planned: string }) => `${id} is in security groups [${groups}]; the plan asked for ${planned} (SecurityGroupIds).`,
  missingTag: ({ id, key, value }: Id & { key: string; value: string }) => `${id} lacks the tag ${key}=${value}. Tag at launch with TagSpecifications (ResourceType 'instance').`,
  notRunning: ({ list }: { list: string }) => `When your function returned, ${list} were not running yet. Wait with waitUntilInstanceRunning.`,
  returnIds: 'Return the list of instance IDs (InstanceId) of the servers you launched.',
  otherPlan: 'With a plan of 2 t3.small servers, expected 2 running t3.small instances: read the values from the plan instead of writing them in your code.',
};

type Messages = typeof en;

const ptBr = {
  count: ({ expected, found }) => `Esperava ${expected} instâncias depois da sua execução; encontrei: ${found}. Use MinCount e MaxCount.`,
  noInstances: 'Nenhuma instância foi executada.',
  wrongAmi: ({ id, imageId, planned }) => `${id} foi executada a partir de ${imageId}, não de plan.imageId (${planned}).`,
  wrongType: ({ id, type, planned }) => `${id} tem o tipo ${type}; o plano pedia ${planned} (InstanceType).`,
  wrongKey: ({ id, key, planned }) => `${id} tem o par de chaves ${key ?? '(nenhum)'}; o plano pedia ${planned} (KeyName).`,
  wrongGroups: ({ id, groups, planned }) => `${id} está nos grupos de segurança [${groups}]; o plano pedia ${planned} (SecurityGroupIds).`,
  missingTag: ({ id, key, value }) => `${id} não tem a tag ${key}=${value}. Coloque as tags na execução com TagSpecifications (ResourceType 'instance').`,
  notRunning: ({ list }) => `Quando sua função retornou, ${list} ainda não estavam em running. Espere com waitUntilInstanceRunning.`,
  returnIds: 'Devolva a lista de IDs de instância (InstanceId) dos servidores que você executou.',
  otherPlan: 'Com um plano de 2 servidores t3.small, esperava 2 instâncias t3.small em running: leia os valores do plano em vez de escrevê-los no seu código.',
} satisfies Messages;

const es = {
  count: ({ expected, found }) => `Se esperaban ${expected} instancias después de tu lanzamiento; se encontró: ${found}. Usa MinCount y MaxCount.`,
  noInstances: 'No se lanzó ninguna instancia.',
  wrongAmi: ({ id, imageId, planned }) => `${id} se lanzó desde ${imageId}, no desde plan.imageId (${planned}).`,
  wrongType: ({ id, type, planned }) => `${id} tiene el tipo ${type}; el plan pedía ${planned} (InstanceType).`,
  wrongKey: ({ id, key, planned }) => `${id} tiene el par de claves ${key ?? '(ninguno)'}; el plan pedía ${planned} (KeyName).`,
  wrongGroups: ({ id, groups, planned }) => `${id} está en los grupos de seguridad [${groups}]; el plan pedía ${planned} (SecurityGroupIds).`,
  missingTag: ({ id, key, value }) => `A ${id} le falta la etiqueta ${key}=${value}. Etiqueta al lanzar con TagSpecifications (ResourceType 'instance').`,
  notRunning: ({ list }) => `Cuando tu función devolvió su valor, ${list} todavía no estaban en running. Espera con waitUntilInstanceRunning.`,
  returnIds: 'Devuelve la lista de ID de instancia (InstanceId) de los servidores que lanzaste.',
  otherPlan: 'Con un plan de 2 servidores t3.small, se esperaban 2 instancias t3.small en running: lee los valores del plan en lugar de escribirlos en tu código.',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
