// `ec2-lab grade <exercise-id> <submission...>`: grades files or student folders and writes a report.
// Exit codes: 0 grading ran (whatever the scores), 1 with --strict when any submission missed a test,
// 2 usage errors (unknown exercise, bad option, missing path).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { closeGrader, gradeExercises, GradeInputError, listExercises, loadExercise } from '../grader/index.ts';
import { FORMATS, formatReport, type ReportFormat } from '../grader/reports.ts';
import { readSubmissions } from '../grader/submissions.ts';
import { isLocale, locales } from '../i18n/locales.ts';
import { parseShard, shardWork, type ShardInfo } from '../grader/shards.ts';
import { parseCommandArgs, usageError as commandUsageError } from './command-args.ts';

const USAGE = `usage: ec2-lab grade <exercise-id>[,<exercise-id>...|all] <submission...> [options]

A submission is a file (one-file exercises) or a folder per student (the student is named after it).
A folder of student folders grades every student in it. A student's folder may be a returned
assignment folder: each exercise's file is then read from <folder>/<exercise-id>/.
Several exercises (comma-separated, or all) give one row per student and exercise.

options:
  --format text|json|csv|junit   report format (default text)
  --lang en|pt-br|es             language of the test names and messages (default en)
  --out FILE                     write the report to FILE instead of the terminal
  --jobs N                       submissions graded in parallel (default: CPU count)
  --timeout S                    time limit per submission in seconds (default 20)
  --memory MB                    memory limit of the learner's code (default 256)
  --shard I/N                    grade only shard I of N (students by a hash of their name: adding a
                                 student never moves another); join the shards' --format json
                                 reports with \`ec2-lab merge\`
  --strict                       exit 1 when any submission did not pass every test
  -h, --help                     show this help`;

const usageError = (message: string) => commandUsageError('grade', USAGE, message);

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new GradeInputError(`--${name} must be a positive number, not "${value}"`);
  return n;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('grade', USAGE, {
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      memory: { type: 'string' },
      strict: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      shard: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [exerciseArg, ...paths] = positionals;
  if (!exerciseArg) return usageError('missing the exercise id (see `ec2-lab exercises`)');
  if (paths.length === 0) return usageError('missing the submissions to grade');
  const format = values.format as ReportFormat;
  if (!FORMATS.includes(format)) return usageError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`);
  if (!isLocale(values.lang)) return usageError(`unknown language "${values.lang}"; use ${locales.join(', ')}`);
  const lang = values.lang;

  let report: string;
  let allPassed: boolean;
  try {
    const exerciseIds = exerciseArg === 'all' ? listExercises().map((e) => e.id) : exerciseArg.split(',').filter(Boolean);
    if (exerciseIds.length > 1 && paths.some((p) => existsSync(p) && statSync(p).isFile())) {
      throw new GradeInputError('grading several exercises needs a folder per student, not single files');
    }
    const wanted = values.shard === undefined ? undefined : parseShard(values.shard);
    let work = exerciseIds.map((id) => {
      const { manifest } = loadExercise(id);
      return { exerciseId: id, submissions: readSubmissions(paths, manifest) };
    });
    let shard: ShardInfo | undefined;
    if (wanted) ({ work, info: shard } = shardWork(work, wanted));
    const timeout = positiveNumber('timeout', values.timeout);
    const memory = positiveNumber('memory', values.memory);
    const jobs = positiveNumber('jobs', values.jobs);
    if (values.jobs !== undefined && !Number.isInteger(jobs)) throw new GradeInputError('--jobs must be a whole number');
    const batch = await gradeExercises({
      work,
      jobs,
      timeoutMs: timeout === undefined ? undefined : timeout * 1000,
      memoryMb: memory,
      lang,
    });
    report = formatReport(format, { ...batch, shard });
    allPassed = batch.results.every((r) => r.result.status === 'pass');
  } catch (error) {
    if (error instanceof GradeInputError) return usageError(error.message);
    throw error;
  } finally {
    await closeGrader();
  }

  if (values.out) {
    writeFileSync(values.out, report);
    console.error(`ec2-lab grade: wrote ${format} report to ${values.out}`);
  } else {
    process.stdout.write(report);
  }
  return values.strict && !allPassed ? 1 : 0;
}
