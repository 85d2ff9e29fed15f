// The words of the kit and the runners for the learner, in every language of the course (lang.ts picks one):
// what happened to a run of the learner's function (harness.ts, learner-process.ts, compile.ts), how a list
// of instances reads (ec2-read.ts), and why a run gave no result for a test: the CLI grader
// (src/grader/grade.ts), the page runner (src/page-runner/) and the result builder (src/results/) read them
// here, the one room all three may import. The run's language picks the table (`kitMessages[lang]`, or
// inLanguage() inside a test file). The three tables must have the same keys: `satisfies KitMessages`
// fails the type check otherwise.
import type { Language, Localized } from './lang.ts';

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
  missingFile: ({ file }: { file: string }) => `${file} is missing: the submission has no file named ${file}.`,
  outsideFiles: ({ path }: { path: string }) => `'${path}' is outside your files: import only your own files, 'mini-ec2' and Node built-ins.`,
  unavailablePackage: ({ name, builtins }: { name: string; builtins: boolean }) =>
    `The package '${name}' is not available here: import only 'mini-ec2'${builtins ? ', Node built-ins' : ''} and your own files.`,
  nonErrorThrown: ({ value }: { value: string }) => `a value that is not an Error was thrown: ${value}`,
  notCloneable: 'your function returned a value that cannot be copied (a function, a class instance with methods...). Return plain data.',
  unsendableArgs: ({ method }: { method: string }) => `the arguments of ${method}() cannot be sent to EC2: pass plain data (no functions).`,
  outputCut: ({ bytes }: { bytes: number }) => `[... ${bytes} more bytes of output were cut]`,
  // Why a run gave no result for a test (the CLI grader, the page runner, the result builder).
  timeLimit: ({ seconds }: { seconds: number }) => `The tests did not finish within the time limit (${seconds} s per submission) and were stopped.`,
  processEnded: "The process running this submission's tests ended unexpectedly before they finished: code that kills or crashes the process that runs it ends up here.",
  runEnded: 'The test run ended before the tests finished.',
  kitChanged: "The grader's test kit or model changed during the run, so no result of this batch can be trusted.",
  testsChanged: "The course's test files were changed while this submission ran; its result is void.",
  forgedResults: 'More results than test files came back for this submission (a forged results line?); its result is void.',
  notRun: 'This test did not run.',
  fileNotRun: ({ error }: { error: string }) => `The test file could not run: ${error}`,
  skipped: 'This test was skipped.',
  unfinished: 'This test did not finish.',
  runnerStopped: ({ reason }: { reason: string }) => `The test runner in this page stopped: ${reason}`,
  runnerNotLoaded: 'its code could not be loaded.',
  runnerMissing: ({ status }: { status: number }) => `The test runner for this page could not be loaded (HTTP ${status}). Reload the page; if it keeps happening, the site was published without it.`,
  noTestsHere: ({ exercise }: { exercise: string }) => `This page's test runner has no tests for the exercise ${exercise}. Reload the page; if it keeps happening, the site was published without them.`,
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
  missingFile: ({ file }) => `${file} está faltando: a entrega não tem nenhum arquivo chamado ${file}.`,
  outsideFiles: ({ path }) => `'${path}' está fora dos seus arquivos: importe só os seus próprios arquivos, 'mini-ec2' e os módulos nativos do Node.`,
  unavailablePackage: ({ name, builtins }) =>
    `O pacote '${name}' não está disponível aqui: importe só 'mini-ec2'${builtins ? ', os módulos nativos do Node' : ''} e os seus próprios arquivos.`,
  nonErrorThrown: ({ value }) => `o código gerou com throw um valor que não é um Error: ${value}`,
  notCloneable: 'sua função devolveu um valor que não pode ser copiado (uma função, uma instância de classe com métodos...). Devolva dados simples.',
  unsendableArgs: ({ method }) => `os argumentos de ${method}() não podem ser enviados ao EC2: passe dados simples (sem funções).`,
  outputCut: ({ bytes }) => `[... mais ${bytes} bytes de saída foram cortados]`,
  timeLimit: ({ seconds }) => `Os testes não terminaram dentro do tempo limite (${seconds} s por entrega) e foram interrompidos.`,
  processEnded: 'O processo que rodava os testes desta entrega terminou de repente, antes de os testes acabarem: um código que mata ou derruba o processo que o executa cai aqui.',
  runEnded: 'A execução dos testes terminou antes de os testes acabarem.',
  kitChanged: 'O kit de testes ou o modelo do corretor mudou durante a execução; nenhum resultado deste lote é confiável.',
  testsChanged: 'Os arquivos de teste do curso foram alterados enquanto esta entrega rodava; o resultado dela foi anulado.',
  forgedResults: 'Voltaram mais resultados do que arquivos de teste para esta entrega (uma linha de resultado forjada?); o resultado dela foi anulado.',
  notRun: 'Este teste não rodou.',
  fileNotRun: ({ error }) => `O arquivo de teste não pôde rodar: ${error}`,
  skipped: 'Este teste foi pulado.',
  unfinished: 'Este teste não terminou.',
  runnerStopped: ({ reason }) => `O executor de testes desta página parou: ${reason}`,
  runnerNotLoaded: 'o código dele não pôde ser carregado.',
  runnerMissing: ({ status }) => `Não foi possível carregar o executor de testes desta página (HTTP ${status}). Recarregue a página; se continuar acontecendo, o site foi publicado sem ele.`,
  noTestsHere: ({ exercise }) => `O executor de testes desta página não tem os testes do exercício ${exercise}. Recarregue a página; se continuar acontecendo, o site foi publicado sem eles.`,
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
  missingFile: ({ file }) => `Falta ${file}: la entrega no tiene ningún archivo llamado ${file}.`,
  outsideFiles: ({ path }) => `'${path}' está fuera de tus archivos: importa solo tus propios archivos, 'mini-ec2' y los módulos integrados de Node.`,
  unavailablePackage: ({ name, builtins }) =>
    `El paquete '${name}' no está disponible aquí: importa solo 'mini-ec2'${builtins ? ', los módulos integrados de Node' : ''} y tus propios archivos.`,
  nonErrorThrown: ({ value }) => `se lanzó (throw) un valor que no es un Error: ${value}`,
  notCloneable: 'tu función devolvió un valor que no se puede copiar (una función, una instancia de clase con métodos...). Devuelve datos simples.',
  unsendableArgs: ({ method }) => `los argumentos de ${method}() no se pueden enviar a EC2: pasa datos simples (sin funciones).`,
  outputCut: ({ bytes }) => `[... se cortaron ${bytes} bytes más de salida]`,
  timeLimit: ({ seconds }) => `Las pruebas no terminaron dentro del tiempo límite (${seconds} s por entrega) y se detuvieron.`,
  processEnded: 'El proceso que ejecutaba las pruebas de esta entrega terminó de forma inesperada antes de que acabaran: el código que mata o hace fallar el proceso que lo ejecuta termina aquí.',
  runEnded: 'La ejecución de las pruebas terminó antes de que las pruebas acabaran.',
  kitChanged: 'El kit de pruebas o el modelo del calificador cambió durante la ejecución; ningún resultado de este lote es confiable.',
  testsChanged: 'Los archivos de prueba del curso se modificaron mientras se ejecutaba esta entrega; su resultado se anuló.',
  forgedResults: 'Llegaron más resultados que archivos de prueba para esta entrega (¿una línea de resultados falsificada?); su resultado se anuló.',
  notRun: 'Esta prueba no se ejecutó.',
  fileNotRun: ({ error }) => `El archivo de prueba no se pudo ejecutar: ${error}`,
  skipped: 'Esta prueba se omitió.',
  unfinished: 'Esta prueba no terminó.',
  runnerStopped: ({ reason }) => `El ejecutor de pruebas de esta página se detuvo: ${reason}`,
  runnerNotLoaded: 'no se pudo cargar su código.',
  runnerMissing: ({ status }) => `No se pudo cargar el ejecutor de pruebas de esta página (HTTP ${status}). Vuelve a cargar la página; si sigue ocurriendo, el sitio se publicó sin él.`,
  noTestsHere: ({ exercise }) => `El ejecutor de pruebas de esta página no tiene las pruebas del ejercicio ${exercise}. Vuelve a cargar la página; si sigue ocurriendo, el sitio se publicó sin ellas.`,
  noInstances: 'ninguna instancia',
  instances: { one: '1 instancia', other: '{count} instancias' },
} satisfies KitMessages;

export const kitMessages: Localized<KitMessages> = { en, 'pt-br': ptBr, es };

/**
 * The few words the learner's side (child-runner.mjs, the page's learner worker) writes itself, with
 * `{method}` and `{value}` left for it to fill: it loads no table, so each run's start message carries them.
 */
export interface LearnerWords {
  notCloneable: string;
  unsendableArgs: string; // with {method}
  nonErrorThrown: string; // with {value}
}

export function learnerWords(language: Language): LearnerWords {
  const m = kitMessages[language];
  return { notCloneable: m.notCloneable, unsendableArgs: m.unsendableArgs({ method: '{method}' }), nonErrorThrown: m.nonErrorThrown({ value: '{value}' }) };
}
