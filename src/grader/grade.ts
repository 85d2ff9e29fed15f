// Grades submissions in ONE vitest process (a warm daemon, see vitest-daemon.ts): every submission gets its own
// folder, vitest runs all their test files with `jobs` workers, and each learner's code runs in its own
// child process with its own limits, so a bad submission fails alone without skewing the others.
import { availableParallelism } from 'node:os';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listExercises, loadExercise } from './exercises.ts';
import { killOrphanLearners } from './orphans.ts';
import { buildResult } from '../results/build-result.ts';
import { VitestDaemon, type ReportedModule } from './vitest-daemon.ts';
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import { GradeInputError, type Exercise, type Files, type GradeResult, type Locale } from './exercise.ts';
import { isLocale, locales } from '../i18n/locales.ts';
import { LIMITS, validateLimit } from './input-checks.ts';
import { checkHandIn, describeProblems, validateFiles, type HandInProblem } from './hand-in.ts';
import { createBatchFolder, hashFolders, submissionFolderName, writeSharedExercise, writeSubmission, writeVitestConfig, type RunSettings } from './workspace.ts';

export interface BatchSubmission {
  student: string;
  files: Files;
  problems?: HandInProblem[]; // found while reading it (a link, a binary file...): it is reported, not run
}

export interface BatchOptions {
  exerciseId: string;
  submissions: BatchSubmission[];
  jobs?: number;
  timeoutMs?: number; // per submission (default 20 s)
  memoryMb?: number; // heap of the process running the learner's code (default 256 MB)
  includeModel?: boolean; // keep each main scenario's state and events (default: only for a single submission)
  lang?: Locale; // the language of the test titles and messages (default en)
}

export interface StudentResult {
  student: string;
  result: GradeResult;
  /**
   * Set when the run, not this submission's own tests, decided its result (the shared kit changed, the run
   * crashed or timed out, test files or results were forged): graded alone, it may well pass. A server that
   * grades many people's hand-ins together grades these again apart (src/class/worker.ts). Not in reports.
   */
  unsettled?: true;
}

export interface BatchResult {
  exercise: string;
  results: StudentResult[];
  durationMs: number;
}

export function runSettings(timeoutMs: number, memoryMb: number, jobs: number): RunSettings {
  const callTimeoutMs = Math.min(10_000, Math.max(1_000, Math.round(timeoutMs / 4)));
  return {
    jobs,
    callTimeoutMs,
    testTimeoutMs: Math.max(callTimeoutMs + 2_000, timeoutMs - 2_000),
    childMemoryMb: memoryMb,
    workerMemoryMb: 1024,
  };
}

/** Which submission a reported test file belongs to: the first folder of its path inside the batch. */
function submissionIndex(batchDir: string, file: string): number {
  const first = path.relative(batchDir, file).split(path.sep)[0] ?? '';
  const match = /^s(\d+)$/.exec(first);
  return match ? Number(match[1]) : -1;
}

/** One submission of one exercise, ready to grade (or, with problems, to report without running). */
interface Entry {
  exercise: Exercise;
  student: string;
  files: Files;
  problems: HandInProblem[];
}

type EntryOptions = { jobs?: number; timeoutMs?: number; memoryMb?: number; includeModel: boolean; lang?: Locale };

/**
 * Grades entries (possibly of different exercises) in one vitest run; a bad hand-in gets an error result
 * saying what is wrong with it and is never run. Results come back in the same order.
 */
async function gradeEntries(entries: Entry[], options: EntryOptions): Promise<StudentResult[]> {
  const language = validateLanguage(options.lang);
  const graded = await runEntries(entries.filter((e) => e.problems.length === 0), { ...options, lang: language });
  let next = 0;
  return entries.map((entry) =>
    entry.problems.length
      ? { student: entry.student, result: buildResult(entry.exercise, { modules: [], failure: describeProblems(entry.problems, language), durationMs: 0, includeModel: false, language }) }
      : graded[next++],
  );
}

/** Runs entries in one vitest run. */
async function runEntries(entries: Entry[], options: EntryOptions): Promise<StudentResult[]> {
  const lang = validateLanguage(options.lang);
  const timeoutMs = validateLimit('timeoutMs', options.timeoutMs, LIMITS.timeoutMs);
  const memoryMb = validateLimit('memoryMb', options.memoryMb, LIMITS.memoryMb);
  const jobs = Math.max(1, Math.min(Math.round(options.jobs ?? availableParallelism()), 16, Math.max(1, entries.length)));
  if (entries.length === 0) return [];

  const runner = runnerFor(jobs);
  const settings = runSettings(timeoutMs, memoryMb, jobs);
  const first = runner.nextIndex;
  runner.nextIndex += entries.length;
  const indexes = entries.map((_, i) => first + i);
  const folders = indexes.map((index) => path.join(runner.dir, submissionFolderName(index)));
  const resultsFile = path.join(runner.dir, `results-${first}.jsonl`);
  let retire = false;
  try {
    entries.forEach((e, i) =>
      writeSubmission(runner.dir, indexes[i], e.exercise, e.files, { callTimeoutMs: settings.callTimeoutMs, childMemoryMb: memoryMb, testTimeoutMs: settings.testTimeoutMs, lang }),
    );
    const testsOf = (i: number) => [path.join(folders[i], 'tests'), path.join(folders[i], 'manifest.json')];
    const testsBefore = entries.map((_, i) => hashFolders(testsOf(i)));
    const files = entries.flatMap((e, i) => e.exercise.manifest.tests.map((name) => path.join(folders[i], 'tests', name)));

    const rounds = Math.ceil(entries.length / jobs);
    const sweep = setInterval(killOrphanLearners, 1_000); // a learner that killed its worker must not spin meanwhile
    const run = await runner.daemon.run({ files, resultsFile, timeoutMs: timeoutMs * rounds + 10_000 }).finally(() => clearInterval(sweep));

    const sharedChanged = hashFolders(runner.shared) !== runner.sharedHash;
    retire = sharedChanged || run.timedOut || Boolean(run.crashed); // a fresh vitest (and copies) next time
    const bySubmission = new Map<number, ReportedModule[]>();
    for (const module of run.modules) {
      const index = submissionIndex(runner.dir, module.file);
      const list = bySubmission.get(index);
      if (list) list.push(module);
      else bySubmission.set(index, [module]);
    }

    return entries.map((entry, i): StudentResult => {
      const modules = bySubmission.get(indexes[i]) ?? [];
      let failure: string | undefined;
      const words = kitMessages[lang];
      if (sharedChanged) failure = words.kitChanged;
      else if (hashFolders(testsOf(i)) !== testsBefore[i]) failure = words.testsChanged;
      else if (modules.length > entry.exercise.manifest.tests.length) failure = words.forgedResults;
      else if (modules.length < entry.exercise.manifest.tests.length) failure = run.timedOut ? words.timeLimit({ seconds: Math.round(timeoutMs / 1000) }) : words.processEnded;
      const durationMs = modules.length ? sumDurations(modules) : run.durationMs;
      const result = buildResult(entry.exercise, { modules, failure, durationMs, includeModel: options.includeModel, language: lang });
      return failure === undefined ? { student: entry.student, result } : { student: entry.student, result, unsettled: true };
    });
  } finally {
    if (process.env.EC2LAB_KEEP_BATCH !== '1') {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      rmSync(resultsFile, { force: true });
    }
    if (retire) retireRunner(jobs);
    killOrphanLearners();
  }
}

/**
 * A warm vitest daemon per parallelism level, with its folder (the kit, a private copy of the model and the
 * exercises' shared test support files, hashed for the tamper check). Submissions come and go as s<n>/ folders inside it.
 */
interface Runner {
  dir: string;
  daemon: VitestDaemon;
  shared: string[];
  sharedHash: string;
  nextIndex: number;
}
const runners = new Map<number, Runner>();
const RECYCLE_AFTER_RUNS = 100; // a long-lived vitest keeps every module it ever saw: start afresh now and then

function runnerFor(jobs: number): Runner {
  const existing = runners.get(jobs);
  if (existing && existing.daemon.runs < RECYCLE_AFTER_RUNS && existsSync(existing.dir)) return existing;
  if (existing) retireRunner(jobs);
  const dir = createBatchFolder();
  const configFile = writeVitestConfig(dir, runSettings(LIMITS.timeoutMs.max, LIMITS.memoryMb.default, jobs));
  // Every exercise's shared support files are written now, before any learner code runs, so the hash below covers them.
  for (const { id } of listExercises()) writeSharedExercise(dir, loadExercise(id));
  const shared = [path.join(dir, '_kit'), path.join(dir, 'mini-ec2'), path.join(dir, '_exercises')];
  const runner: Runner = { dir, daemon: new VitestDaemon(configFile), shared, sharedHash: hashFolders(shared), nextIndex: 0 };
  runners.set(jobs, runner);
  return runner;
}

function retireRunner(jobs: number): void {
  const runner = runners.get(jobs);
  if (!runner) return;
  runners.delete(jobs);
  runner.daemon.kill();
  if (process.env.EC2LAB_KEEP_BATCH !== '1') rmSync(runner.dir, { recursive: true, force: true });
}

/**
 * Starts the vitest daemon that single gradings use, ahead of the first request (a server can call this
 * when it starts listening). Failures are left for the first real run to report.
 */
export async function warmUpGrader(): Promise<void> {
  // Grading one starter also warms vitest's transform cache (the model, the kit) and esbuild.
  const [first] = listExercises();
  if (!first) return;
  await gradeSubmission({ exerciseId: first.id, files: loadExercise(first.id).starter }).catch(() => undefined);
}

/** Stops the grader's vitest daemons and removes their folders (the CLI calls this when it is done). */
export async function closeGrader(): Promise<void> {
  const closing = [...runners].map(async ([jobs, runner]) => {
    runners.delete(jobs);
    await runner.daemon.close();
    if (process.env.EC2LAB_KEEP_BATCH !== '1') rmSync(runner.dir, { recursive: true, force: true });
  });
  await Promise.all(closing);
}

/** The submissions as entries: a bad one keeps its problems (it gets a failing result, the batch goes on). */
function checkedSubmissions(exercise: Exercise, submissions: unknown): Entry[] {
  if (!Array.isArray(submissions)) throw new GradeInputError('submissions must be a list');
  return submissions.map((s: BatchSubmission) => {
    const problems = s?.problems?.length ? s.problems : checkHandIn(exercise.manifest, s?.files);
    return { exercise, student: String(s?.student), files: problems.length ? {} : s.files, problems };
  });
}

/** Grades many submissions of one exercise in one vitest run. */
export async function gradeBatch(options: BatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const exercise = loadExercise(options.exerciseId);
  const entries = checkedSubmissions(exercise, options.submissions);
  const results = await gradeEntries(entries, { ...options, includeModel: options.includeModel ?? entries.length === 1 });
  return { exercise: exercise.manifest.id, results, durationMs: Date.now() - started };
}

export interface MultiBatchOptions {
  work: { exerciseId: string; submissions: BatchSubmission[] }[];
  jobs?: number;
  timeoutMs?: number;
  memoryMb?: number;
  lang?: Locale;
}

/** Grades submissions of several exercises (a returned assignment folder holds several) in one vitest run. */
export async function gradeExercises(options: MultiBatchOptions): Promise<BatchResult> {
  const started = Date.now();
  const entries: Entry[] = [];
  for (const { exerciseId, submissions } of options.work) {
    const exercise = loadExercise(exerciseId);
    entries.push(...checkedSubmissions(exercise, submissions));
  }
  const results = await gradeEntries(entries, { ...options, includeModel: false });
  return { exercise: options.work.map((w) => w.exerciseId).join(','), results, durationMs: Date.now() - started };
}

/** The language asked for (en when none): anything else is bad input naming the accepted values. */
function validateLanguage(lang: unknown): Locale {
  if (lang === undefined) return 'en';
  if (!isLocale(lang)) throw new GradeInputError(`unknown language "${typeof lang === 'string' ? lang.slice(0, 20) : typeof lang}"; use ${locales.join(', ')}`);
  return lang;
}

function sumDurations(modules: ReportedModule[]): number {
  return Math.round(modules.flatMap((m) => m.tests).reduce((sum, t) => sum + (t.durationMs ?? 0), 0));
}

export interface GradeSubmissionInput {
  exerciseId: string;
  files: Files;
  timeoutMs?: number;
  memoryMb?: number;
  lang?: Locale;
}

/** Grades one submission (the sandbox's local endpoint and `ec2-lab grade` with one file use this). */
export async function gradeSubmission(input: GradeSubmissionInput): Promise<GradeResult> {
  if (typeof input !== 'object' || input === null) throw new GradeInputError('gradeSubmission needs { exerciseId, files }');
  const started = Date.now();
  validateFiles(loadExercise(input.exerciseId).manifest, input.files); // one grading: bad files are a usage error
  const batch = await gradeBatch({
    exerciseId: input.exerciseId,
    submissions: [{ student: 'submission', files: input.files }],
    jobs: 1,
    timeoutMs: input.timeoutMs,
    memoryMb: input.memoryMb,
    lang: input.lang,
    includeModel: true,
  });
  const result = batch.results[0].result;
  return { ...result, durationMs: Date.now() - started };
}
