// The pick-instance-type tests' failure messages in every language of the course; the test file picks one with
// inLanguage(messages). `satisfies Messages` keeps the three tables' keys and values the same.
import type { Localized } from '../../_kit/lang.ts';

type Type = { type: string };
type Needs = { vcpus: number; memory: number };

const en = {
  unknownType: ({ value }: { value: string }) => `"${value}" is not an instance type EC2 offers.`,
  tooFewVCpus: ({ type, vcpus }: Type & { vcpus: number }) => `${type} has too few vCPUs: at least ${vcpus} were needed.`,
  tooLittleMemory: ({ type, memory }: Type & { memory: number }) => `${type} has too little memory: at least ${memory} MiB were needed.`,
  notSmallest: ({ vcpus, memory, best, chosen }: Needs & { best: string; chosen: string }) => `For ${vcpus} vCPUs and ${memory} MiB the smallest fit is ${best}; you picked ${chosen}. Sort by memory, then vCPUs, then name.`,
  ties: ({ best }: { best: string }) => `Several types have exactly 2048 MiB; with the fewest vCPUs first, the answer is ${best}.`,
  arm64: ({ best, chosen }: { best: string; chosen: string }) => `Software built for arm64 needs an arm64 (Graviton) type: ${best}. You picked ${chosen}.`,
  neverAsked: 'Your code never called describeInstanceTypes: ask EC2 what it offers instead of writing names into your code.',
  askFirst: 'Ask EC2 about its instance types first: this test checks that asking changed nothing.',
  launched: 'Choosing a type should not launch instances.',
  typeInfo: ({ type, vcpus, memory, architectures }: Type & { vcpus?: number; memory?: number; architectures: string }) => `${type} (${vcpus} vCPUs, ${memory} MiB, ${architectures})`,
  unknown: 'an unknown type',
};

type Messages = typeof en;

const ptBr = {
  unknownType: ({ value }) => `"${value}" não é um tipo de instância que o EC2 oferece.`,
  tooFewVCpus: ({ type, vcpus }) => `${type} tem vCPUs de menos: eram necessárias pelo menos ${vcpus}.`,
  tooLittleMemory: ({ type, memory }) => `${type} tem memória de menos: eram necessários pelo menos ${memory} MiB.`,
  notSmallest: ({ vcpus, memory, best, chosen }) => `Para ${vcpus} vCPUs e ${memory} MiB, o menor tipo que atende é ${best}; você escolheu ${chosen}. Ordene pela memória, depois pelas vCPUs, depois pelo nome.`,
  ties: ({ best }) => `Vários tipos têm exatamente 2048 MiB; com o menor número de vCPUs primeiro, a resposta é ${best}.`,
  arm64: ({ best, chosen }) => `Software feito para arm64 precisa de um tipo arm64 (Graviton): ${best}. Você escolheu ${chosen}.`,
  neverAsked: 'Seu código nunca chamou describeInstanceTypes: pergunte ao EC2 o que ele oferece em vez de escrever nomes no seu código.',
  askFirst: 'Primeiro pergunte ao EC2 sobre os tipos de instância: este teste confere que perguntar não mudou nada.',
  launched: 'Escolher um tipo não deveria executar instâncias.',
  typeInfo: ({ type, vcpus, memory, architectures }) => `${type} (${vcpus} vCPUs, ${memory} MiB, ${architectures})`,
  unknown: 'um tipo desconhecido',
} satisfies Messages;

const es = {
  unknownType: ({ value }) => `"${value}" no es un tipo de instancia que EC2 ofrezca.`,
  tooFewVCpus: ({ type, vcpus }) => `${type} tiene muy pocas vCPU: se necesitaban al menos ${vcpus}.`,
  tooLittleMemory: ({ type, memory }) => `${type} tiene muy poca memoria: se necesitaban al menos ${memory} MiB.`,
  notSmallest: ({ vcpus, memory, best, chosen }) => `Para ${vcpus} vCPU y ${memory} MiB, el tipo más pequeño que alcanza es ${best}; elegiste ${chosen}. Ordena por memoria, luego por vCPU y luego por nombre.`,
  ties: ({ best }) => `Varios tipos tienen exactamente 2048 MiB; con la menor cantidad de vCPU primero, la respuesta es ${best}.`,
  arm64: ({ best, chosen }) => `El software hecho para arm64 necesita un tipo arm64 (Graviton): ${best}. Elegiste ${chosen}.`,
  neverAsked: 'Tu código nunca llamó a describeInstanceTypes: pregúntale a EC2 qué ofrece en lugar de escribir nombres en tu código.',
  askFirst: 'Primero pregúntale a EC2 por sus tipos de instancia: esta prueba comprueba que preguntar no cambió nada.',
  launched: 'Elegir un tipo no debería lanzar instancias.',
  typeInfo: ({ type, vcpus, memory, architectures }) => `${type} (${vcpus} vCPU, ${memory} MiB, ${architectures})`,
  unknown: 'un tipo desconocido',
} satisfies Messages;

export const messages: Localized<Messages> = { en, 'pt-br': ptBr, es };
