// The kit's own words for the learner, in every language of the course (lang.ts picks one): what happened
// to a run of the learner's function (harness.ts) and how a list of instances reads (ec2-read.ts).
// The three tables must have the same keys: `satisfies KitMessages` fails the type check otherwise.
import type { Localized } from './lang.ts';

type Fn = { fn: string };
type FileFn = { file: string; fn: string };
type Failure = { name: string; message: string };

const en = {
  returned: ({ fn }: Fn) => `${fn} returned normally.`,
  accessDenied: ({ message }: { message: string }) => `Your code tried something the grader does not allow (writing files, starting processes or workers) and was refused: ${message}`,
  uncaught: ({ fn, name, message }: Fn & Failure) => `An error escaped ${fn} after it had started (a promise nobody awaited?): ${name}: ${message}`,
  threw: ({ fn, name, message }: Fn & Failure) => `${fn} threw ${name}: ${message}. Catch the errors you expect, or fix the call that failed.`,
  importFailed: ({ file, fn, name, message }: FileFn & Failure) => `${file} threw an error as soon as it was loaded, before ${fn} could run: ${name}: ${message}`,
  missingExport: ({ file, exportName, available }: { file: string; exportName: string; available: string[] }) =>
    `${file} does not export a function named ${exportName} (${available.length ? `it exports: ${available.join(', ')}` : 'it exports nothing'}). Write \`export async function ${exportName}(...)\`.`,
  timeoutRunning: ({ fn, seconds }: Fn & { seconds: string }) =>
    `${fn} was still running after ${seconds} and was stopped: an endless loop, or waiting for something that never happens? Waiters such as waitUntilInstanceRunning move the model's clock; setTimeout does not.`,
  timeoutEarlier: ({ fn, seconds }: Fn & { seconds: string }) =>
    `${fn} was not run again: earlier in this test file it was still running after ${seconds} and was stopped (an endless loop?). Fix that first.`,
  timeoutLoading: ({ file, seconds }: { file: string; seconds: string }) => `${file} was still loading after ${seconds} and was stopped: an endless loop at the top level of the file?`,
  exited: ({ file, fn, signal, code, loaded }: FileFn & { signal?: string; code: number | null; loaded: boolean }) =>
    `The process running your code ${signal ? `was killed (${signal})` : `ended with exit code ${code}`} ${loaded ? `before ${fn} returned` : `while ${file} was loading`}. Does your code call process.exit()? Return a value (or throw an error) instead.`,
  outOfMemory: ({ limitMb }: { limitMb: number }) => `Your code used more memory than allowed (about ${limitMb} MB) and was stopped: a list or string that grows without end?`,
  tooManyCalls: ({ limit }: { limit: number }) => `Your code made more than ${limit} calls to EC2 and was stopped: a loop that never ends?`,
  compileError: ({ message }: { message: string }) => `Your code does not compile:\n${message}`,
  noInstances: 'no instances',
  instances: { one: '1 instance', other: '{count} instances' },
};

export type KitMessages = typeof en;

const ptBr = {
  returned: ({ fn }) => `${fn} terminou normalmente.`,
  accessDenied: ({ message }) => `Seu código tentou algo que o corretor não permite (gravar arquivos, iniciar processos ou workers) e foi bloqueado: ${message}`,
  uncaught: ({ fn, name, message }) => `Um erro escapou de ${fn} depois que ela começou (uma promise que ninguém esperou com await?): ${name}: ${message}`,
  threw: ({ fn, name, message }) => `${fn} gerou o erro ${name}: ${message}. Trate (catch) os erros que você espera, ou corrija a chamada que falhou.`,
  importFailed: ({ file, fn, name, message }) => `${file} deu erro assim que foi carregado, antes que ${fn} pudesse rodar: ${name}: ${message}`,
  missingExport: ({ file, exportName, available }) =>
    `${file} não exporta uma função chamada ${exportName} (${available.length ? `ele exporta: ${available.join(', ')}` : 'ele não exporta nada'}). Escreva \`export async function ${exportName}(...)\`.`,
  timeoutRunning: ({ fn, seconds }) =>
    `${fn} ainda estava rodando depois de ${seconds} e foi interrompida: um loop sem fim, ou esperando algo que nunca acontece? Waiters como waitUntilInstanceRunning avançam o relógio do modelo; setTimeout não.`,
  timeoutEarlier: ({ fn, seconds }) =>
    `${fn} não foi executada de novo: antes, neste arquivo de testes, ela ainda estava rodando depois de ${seconds} e foi interrompida (um loop sem fim?). Corrija isso primeiro.`,
  timeoutLoading: ({ file, seconds }) => `${file} ainda estava carregando depois de ${seconds} e foi interrompido: um loop sem fim no nível de cima do arquivo?`,
  exited: ({ file, fn, signal, code, loaded }) =>
    `O processo que rodava seu código ${signal ? `foi morto (${signal})` : `terminou com o código de saída ${code}`} ${loaded ? `antes que ${fn} retornasse` : `enquanto ${file} carregava`}. Seu código chama process.exit()? Devolva um valor (ou gere um erro com throw) em vez disso.`,
  outOfMemory: ({ limitMb }) => `Seu código usou mais memória do que o permitido (cerca de ${limitMb} MB) e foi interrompido: uma lista ou string que cresce sem fim?`,
  tooManyCalls: ({ limit }) => `Seu código fez mais de ${limit} chamadas ao EC2 e foi interrompido: um loop que nunca termina?`,
  compileError: ({ message }) => `Seu código não compila:\n${message}`,
  noInstances: 'nenhuma instância',
  instances: { one: '1 instância', other: '{count} instâncias' },
} satisfies KitMessages;

const es = {
  returned: ({ fn }) => `${fn} terminó normalmente.`,
  accessDenied: ({ message }) => `Tu código intentó algo que el calificador no permite (escribir archivos, iniciar procesos o workers) y fue rechazado: ${message}`,
  uncaught: ({ fn, name, message }) => `Un error escapó de ${fn} después de que empezó (¿una promesa que nadie esperó con await?): ${name}: ${message}`,
  threw: ({ fn, name, message }) => `${fn} lanzó el error ${name}: ${message}. Captura (catch) los errores que esperas, o corrige la llamada que falló.`,
  importFailed: ({ file, fn, name, message }) => `${file} lanzó un error apenas se cargó, antes de que ${fn} pudiera ejecutarse: ${name}: ${message}`,
  missingExport: ({ file, exportName, available }) =>
    `${file} no exporta una función llamada ${exportName} (${available.length ? `exporta: ${available.join(', ')}` : 'no exporta nada'}). Escribe \`export async function ${exportName}(...)\`.`,
  timeoutRunning: ({ fn, seconds }) =>
    `${fn} seguía ejecutándose después de ${seconds} y se detuvo: ¿un bucle sin fin, o esperando algo que nunca ocurre? Los waiters como waitUntilInstanceRunning avanzan el reloj del modelo; setTimeout no.`,
  timeoutEarlier: ({ fn, seconds }) =>
    `${fn} no se ejecutó de nuevo: antes, en este archivo de pruebas, seguía ejecutándose después de ${seconds} y se detuvo (¿un bucle sin fin?). Corrige eso primero.`,
  timeoutLoading: ({ file, seconds }) => `${file} seguía cargándose después de ${seconds} y se detuvo: ¿un bucle sin fin en el nivel superior del archivo?`,
  exited: ({ file, fn, signal, code, loaded }) =>
    `El proceso que ejecutaba tu código ${signal ? `fue terminado a la fuerza (${signal})` : `terminó con el código de salida ${code}`} ${loaded ? `antes de que ${fn} devolviera un valor` : `mientras ${file} se cargaba`}. ¿Tu código llama a process.exit()? Devuelve un valor (o lanza un error) en su lugar.`,
  outOfMemory: ({ limitMb }) => `Tu código usó más memoria de la permitida (unos ${limitMb} MB) y se detuvo: ¿una lista o cadena de caracteres que crece sin fin?`,
  tooManyCalls: ({ limit }) => `Tu código hizo más de ${limit} llamadas a EC2 y se detuvo: ¿un bucle que nunca termina?`,
  compileError: ({ message }) => `Tu código no compila:\n${message}`,
  noInstances: 'ninguna instancia',
  instances: { one: '1 instancia', other: '{count} instancias' },
} satisfies KitMessages;

export const kitMessages: Localized<KitMessages> = { en, 'pt-br': ptBr, es };
