// The README of a student's assignment folder, in the language the teacher chose.
import type { ExerciseManifest, Locale } from './exercise.ts';

const text: Record<Locale, {
  title: string; intro: string; setupTitle: string; setup: string[]; workTitle: string; work: string[];
  returnTitle: string; returnText: string; exerciseFile: string; hintsTitle: string; noteTitle: string; note: string;
}> = {
  en: {
    title: 'EC2 & AMI Lab: assignment',
    intro: 'Your code talks to mini-EC2, an in-memory model of Amazon EC2, so everything runs on your computer: no AWS account, no cost, no network after the first install.',
    setupTitle: 'Set up (once)',
    setup: ['Install Node.js 20 or newer.', 'In this folder, run `npm install` (this is the only step that needs the internet).'],
    workTitle: 'Work',
    work: ['Open the exercise file named below and write your code where the comments say.', 'Run `npm test`: the tests run, and the last lines print your score.', 'Read the failing tests\' messages: they say what was expected and what your code did.', 'Repeat until you are happy with your score.'],
    returnTitle: 'Hand it in',
    returnText: 'Give your teacher this whole folder (for example as a zip), without the `node_modules` folder. Your teacher grades it with the same tests.',
    exerciseFile: 'Your file',
    hintsTitle: 'Hints (open one at a time)',
    noteTitle: 'Note',
    note: 'The tests are here so you can read them, but editing them does not change your grade: your teacher uses the original tests.',
  },
  'pt-br': {
    title: 'EC2 & AMI Lab: atividade',
    intro: 'Seu código conversa com o mini-EC2, um modelo do Amazon EC2 que roda na memória. Tudo acontece no seu computador: sem conta na AWS, sem custo e sem internet depois da primeira instalação.',
    setupTitle: 'Preparação (uma vez só)',
    setup: ['Instale o Node.js 20 ou mais recente.', 'Nesta pasta, rode `npm install` (é o único passo que precisa de internet).'],
    workTitle: 'Como trabalhar',
    work: ['Abra o arquivo do exercício indicado abaixo e escreva seu código onde os comentários pedem.', 'Rode `npm test`: os testes rodam e as últimas linhas mostram sua nota.', 'Leia as mensagens dos testes que falharem: elas dizem o que era esperado e o que o seu código fez.', 'Repita até ficar satisfeito com a nota.'],
    returnTitle: 'Entrega',
    returnText: 'Entregue esta pasta inteira ao seu professor (por exemplo, em um zip), sem a pasta `node_modules`. O professor corrige com os mesmos testes.',
    exerciseFile: 'Seu arquivo',
    hintsTitle: 'Dicas (abra uma de cada vez)',
    noteTitle: 'Observação',
    note: 'Os testes estão aqui para você ler, mas editá-los não muda sua nota: o professor usa os testes originais.',
  },
  es: {
    title: 'EC2 & AMI Lab: tarea',
    intro: 'Tu código habla con mini-EC2, un modelo de Amazon EC2 que vive en memoria. Todo se ejecuta en tu computadora: sin cuenta de AWS, sin costo y sin red después de la primera instalación.',
    setupTitle: 'Preparación (una sola vez)',
    setup: ['Instala Node.js 20 o más reciente.', 'En esta carpeta, ejecuta `npm install` (es el único paso que necesita internet).'],
    workTitle: 'Cómo trabajar',
    work: ['Abre el archivo del ejercicio que se indica abajo y escribe tu código donde lo piden los comentarios.', 'Ejecuta `npm test`: se ejecutan las pruebas y las últimas líneas muestran tu puntuación.', 'Lee los mensajes de las pruebas que fallan: dicen qué se esperaba y qué hizo tu código.', 'Repite hasta que estés conforme con tu puntuación.'],
    returnTitle: 'Entrega',
    returnText: 'Entrega esta carpeta completa a tu docente (por ejemplo, en un zip), sin la carpeta `node_modules`. Tu docente la califica con las mismas pruebas.',
    exerciseFile: 'Tu archivo',
    hintsTitle: 'Pistas (abre una cada vez)',
    noteTitle: 'Nota',
    note: 'Las pruebas están aquí para que puedas leerlas, pero editarlas no cambia tu nota: tu docente usa las pruebas originales.',
  },
};

export function assignmentReadme(manifests: ExerciseManifest[], locale: Locale): string {
  const t = text[locale];
  const exercises = manifests.map((m) => {
    const hints = m.hints[locale].map((h, i) => `<details><summary>${i + 1}</summary>\n\n${h}\n\n</details>`).join('\n');
    return [
      `## ${m.title[locale]} (\`${m.id}/\`)`,
      '',
      m.instructions[locale],
      '',
      `${t.exerciseFile}: ${m.files.map((f) => `\`${m.id}/${f}\``).join(', ')}`,
      '',
      `### ${t.hintsTitle}`,
      '',
      hints,
    ].join('\n');
  });
  return [
    `# ${t.title}`,
    '',
    t.intro,
    '',
    `## ${t.setupTitle}`,
    '',
    ...t.setup.map((s, i) => `${i + 1}. ${s}`),
    '',
    `## ${t.workTitle}`,
    '',
    ...t.work.map((s, i) => `${i + 1}. ${s}`),
    '',
    ...exercises.flatMap((e) => [e, '']),
    `## ${t.returnTitle}`,
    '',
    t.returnText,
    '',
    `> **${t.noteTitle}:** ${t.note}`,
    '',
  ].join('\n');
}
