// What is wrong with a hand-in, in every language of the course: the CLI grader's report (`--lang`) and the
// class server (the class's language) say it to the student who must fix it. The three tables must have the
// same keys and arguments: `satisfies HandInWords` fails the type check otherwise.
// Terms: pt-br entrega/entregar, es entrega/entregar (as src/i18n/class-strings.ts and the teachers' guide).
import type { Locale } from '../i18n/locales.ts';

type File = { file: string };
type Count = { count: number; limit: number };
type Depth = { file: string; depth: number; limit: number };
type Size = { file: string; bytes: number; limit: number };
type Names = { id: string; names: string };

const en = {
  notGraded: ({ problems }: { problems: string }) => `This hand-in was not graded: ${problems}.`,
  notFiles: ({ example }: { example: string }) => `the files must be an object like { "${example}": "<source>" }`,
  tooManyHandedIn: ({ count, limit, id, names }: Count & Names) => `${count} files were handed in; the limit is ${limit} (exercise ${id} accepts: ${names})`,
  tooManyInFolder: ({ limit }: { limit: number }) => `the folder holds more than ${limit} files and folders; the limit is ${limit}`,
  tooDeep: ({ file, depth, limit }: Depth) => `${file} is nested ${depth} folders deep; the limit is ${limit}`,
  notOfExercise: ({ file, id, names }: File & Names) => `${file} is not a file of exercise ${id}; it accepts: ${names}`,
  notText: ({ file, type }: File & { type: string }) => `the content of ${file} must be a string, not ${type}`,
  binary: ({ file }: File) => `${file} is a binary file (NUL bytes or invalid UTF-8); hand in TypeScript source text`,
  tooLarge: ({ file, bytes, limit }: Size) => `${file} is too large (${bytes} bytes; the limit is ${limit} bytes per file)`,
  tooLargeTogether: ({ bytes, limit }: { bytes: number; limit: number }) => `the files are too large together (${bytes} bytes; the limit is ${limit})`,
  symlink: ({ file }: File) => `${file} is a symbolic link; links are never followed: hand in the file itself`,
  notAFile: ({ file }: File) => `${file} is not a regular file (a folder or a device); hand in the file itself`,
  swapped: ({ file }: File) => `${file} is not a regular file (or was swapped for a link while it was read); hand in the file itself`,
  misnamed: ({ missing, others, several, id, names }: Names & { missing: string; others: string; several: boolean }) =>
    `${missing} not found, but ${others} ${several ? 'are' : 'is'} there; exercise ${id} accepts: ${names} (exact names)`,
};

export type HandInWords = typeof en;

const ptBr = {
  notGraded: ({ problems }) => `Esta entrega não foi corrigida: ${problems}.`,
  notFiles: ({ example }) => `os arquivos devem ser um objeto como { "${example}": "<código>" }`,
  tooManyHandedIn: ({ count, limit, id, names }) => `foram entregues ${count} arquivos; o limite é ${limit} (o exercício ${id} aceita: ${names})`,
  tooManyInFolder: ({ limit }) => `a pasta tem mais de ${limit} arquivos e pastas; o limite é ${limit}`,
  tooDeep: ({ file, depth, limit }) => `${file} está a ${depth} pastas de profundidade; o limite é ${limit}`,
  notOfExercise: ({ file, id, names }) => `${file} não é um arquivo do exercício ${id}; ele aceita: ${names}`,
  notText: ({ file, type }) => `o conteúdo de ${file} deve ser um texto, não ${type}`,
  binary: ({ file }) => `${file} é um arquivo binário (bytes NUL ou UTF-8 inválido); entregue o código-fonte TypeScript em texto`,
  tooLarge: ({ file, bytes, limit }) => `${file} é grande demais (${bytes} bytes; o limite é ${limit} bytes por arquivo)`,
  tooLargeTogether: ({ bytes, limit }) => `os arquivos juntos são grandes demais (${bytes} bytes; o limite é ${limit})`,
  symlink: ({ file }) => `${file} é um link simbólico; links nunca são seguidos: entregue o próprio arquivo`,
  notAFile: ({ file }) => `${file} não é um arquivo comum (é uma pasta ou um dispositivo); entregue o próprio arquivo`,
  swapped: ({ file }) => `${file} não é um arquivo comum (ou foi trocado por um link durante a leitura); entregue o próprio arquivo`,
  misnamed: ({ missing, others, several, id, names }) =>
    `${missing} não foi encontrado, mas ${several ? 'existem' : 'existe'} ${others}; o exercício ${id} aceita: ${names} (nomes exatos)`,
} satisfies HandInWords;

const es = {
  notGraded: ({ problems }) => `Esta entrega no se calificó: ${problems}.`,
  notFiles: ({ example }) => `los archivos deben ser un objeto como { "${example}": "<código>" }`,
  tooManyHandedIn: ({ count, limit, id, names }) => `se entregaron ${count} archivos; el límite es ${limit} (el ejercicio ${id} acepta: ${names})`,
  tooManyInFolder: ({ limit }) => `la carpeta tiene más de ${limit} archivos y carpetas; el límite es ${limit}`,
  tooDeep: ({ file, depth, limit }) => `${file} está a ${depth} carpetas de profundidad; el límite es ${limit}`,
  notOfExercise: ({ file, id, names }) => `${file} no es un archivo del ejercicio ${id}; acepta: ${names}`,
  notText: ({ file, type }) => `el contenido de ${file} debe ser un texto, no ${type}`,
  binary: ({ file }) => `${file} es un archivo binario (bytes NUL o UTF-8 no válido); entrega el código fuente TypeScript como texto`,
  tooLarge: ({ file, bytes, limit }) => `${file} es demasiado grande (${bytes} bytes; el límite es ${limit} bytes por archivo)`,
  tooLargeTogether: ({ bytes, limit }) => `los archivos juntos son demasiado grandes (${bytes} bytes; el límite es ${limit})`,
  symlink: ({ file }) => `${file} es un enlace simbólico; los enlaces nunca se siguen: entrega el archivo mismo`,
  notAFile: ({ file }) => `${file} no es un archivo común (es una carpeta o un dispositivo); entrega el archivo mismo`,
  swapped: ({ file }) => `${file} no es un archivo común (o se cambió por un enlace mientras se leía); entrega el archivo mismo`,
  misnamed: ({ missing, others, several, id, names }) =>
    `no se encontró ${missing}, pero ${several ? 'están' : 'está'} ${others}; el ejercicio ${id} acepta: ${names} (nombres exactos)`,
} satisfies HandInWords;

export const handInWords: Record<Locale, HandInWords> = { en, 'pt-br': ptBr, es };
