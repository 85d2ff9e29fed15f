// `ec2-lab exercises`: the exercises, their lesson, files and points.
import { listExercises } from '../grader/index.ts';
import { locales, type Locale } from '../i18n/locales.ts';
import { parseCommandArgs, usageError } from './command-args.ts';

const USAGE = `usage: ec2-lab exercises [--lang en|pt-br|es] [--json]`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('exercises', USAGE, {
    args,
    allowPositionals: false,
    options: { lang: { type: 'string', default: 'en' }, json: { type: 'boolean', default: false } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const lang = values.lang as Locale;
  if (!locales.includes(lang)) return usageError('exercises', USAGE, `unknown language "${values.lang}"; use ${locales.join(', ')}`);
  const exercises = listExercises();
  if (values.json) {
    console.log(JSON.stringify(exercises, null, 2));
    return 0;
  }
  const idWidth = Math.max(...exercises.map((e) => e.id.length), 2);
  const filesWidth = Math.max(...exercises.map((e) => e.files.join(', ').length), 5);
  console.log(`${'id'.padEnd(idWidth)}  lesson  points  ${'files'.padEnd(filesWidth)}  title`);
  for (const e of exercises) {
    console.log(`${e.id.padEnd(idWidth)}  ${String(e.lesson).padEnd(6)}  ${String(e.maxPoints).padEnd(6)}  ${e.files.join(', ').padEnd(filesWidth)}  ${e.title[lang]}`);
  }
  return 0;
}
