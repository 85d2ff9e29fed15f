// `ec2-lab assignment <exercise-id...> --out DIR [--lang en|pt-br|es]`: writes a folder to hand to students.
import { GradeInputError } from '../grader/index.ts';
import { locales, type Locale } from '../i18n/locales.ts';
import { writeAssignment } from '../grader/assignment.ts';
import { parseCommandArgs, usageError as commandUsageError } from './command-args.ts';

const USAGE = `usage: ec2-lab assignment <exercise-id...> --out DIR [--lang en|pt-br|es]

Writes a self-contained folder: starter files, tests, the mini-EC2 model and a README. The README,
the starters' comments and the test names and messages \`npm test\` prints are in the chosen language. Students run \`npm install\` once (the only step that needs the internet), then \`npm test\`
to see their score. Collect the folders and grade them with \`ec2-lab grade <exercise-id> <folders...>\`.`;

const usageError = (message: string) => commandUsageError('assignment', USAGE, message);

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('assignment', USAGE, {
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, lang: { type: 'string', default: 'en' } },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageError('name at least one exercise (see `ec2-lab exercises`)');
  if (!values.out) return usageError('--out DIR is required');
  if (!locales.includes(values.lang as Locale)) return usageError(`unknown language "${values.lang}"; use ${locales.join(', ')}`);
  try {
    const { outDir, files } = writeAssignment({ exerciseIds: positionals, outDir: values.out, locale: values.lang as Locale });
    console.log(`wrote ${files} files to ${outDir}\nnext: hand out the folder; students run \`npm install\` once, then \`npm test\``);
    return 0;
  } catch (error) {
    if (error instanceof GradeInputError) return usageError(error.message);
    throw error;
  }
}
