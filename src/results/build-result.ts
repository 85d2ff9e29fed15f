// Turns what the kit's reporter saw for one submission into a GradeResult (Exercism results.json v3 plus
// points). Pure and browser-safe: the same reported data always gives the same result, in Node or a page.
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import type { Language } from '../../exercises/_kit/lang.ts';
import type { ReportedModule, ReportedTest } from '../../exercises/_kit/reporter.ts';
import { pointsEarned, pointsPossible } from '../../exercises/_kit/results-file.ts';
import { testCodeFor, testSources } from './test-source.ts';
import type { GradedExercise, GradeResult, TestResult, TestStatus } from './grade-result.ts';
import type { ModelEvent, ModelState } from '../mini-ec2/index.ts';

const OUTPUT_CAP = 500;
const MESSAGE_CAP = 2_000;

/** One learner run as the harness recorded it in the test file's metadata. */
type RunRecord = { label: string; test?: string; outcome: string; explanation: string; output: string };
type KitMeta = { runs?: RunRecord[]; scenario?: { state: unknown; events: unknown[] } };

/** Outcomes that mean the learner's code never ran: nothing in the file could be judged. */
const FATAL = new Set(['compile-error', 'missing-file', 'import-failed', 'missing-export']);
/** Outcomes worth a top-level message even though other tests may pass. */
const NOTABLE = new Set(['timeout', 'exited', 'out-of-memory', 'too-many-calls', 'threw']);

// eslint-disable-next-line no-control-regex -- an ANSI colour code starts with ESC: matching it is the point
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const capText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function kitMeta(module: ReportedModule): KitMeta {
  const meta = module.meta as { ec2lab?: KitMeta } | undefined;
  return meta?.ec2lab ?? {};
}

export interface SubmissionReport {
  modules: ReportedModule[]; // the reporter's records for this submission's test files
  failure?: string; // why the run produced nothing for this submission (time limit, crash, tampering)
  durationMs: number;
  includeModel: boolean;
  language?: Language; // the language the tests ran in: names and explains the tests that did not run (default en)
}

// Scanned once per exercise, not once per graded submission (loadExercise hands out the same object each time).
const sourcesCache = new WeakMap<GradedExercise, Map<string, string>[]>();
function sourcesOf(exercise: GradedExercise): Map<string, string>[] {
  let sources = sourcesCache.get(exercise);
  if (!sources) sourcesCache.set(exercise, (sources = Object.values(exercise.tests).map(testSources)));
  return sources;
}

/**
 * The reported tests by their stable id. A test file names its tests in the language it ran in (the
 * manifest's `titles`), so a reported name is looked up in every language's titles (unique, see
 * manifestProblems); a name no title matches (a test the manifest does not know) is left out.
 */
function reportedById(titles: GradedExercise['manifest']['titles'], modules: ReportedModule[]): Map<string, ReportedTest> {
  const idOf = new Map<string, string>();
  for (const [id, title] of Object.entries(titles)) for (const text of Object.values(title)) idOf.set(text, id);
  const byId = new Map<string, ReportedTest>();
  for (const test of modules.flatMap((m) => m.tests)) {
    const id = idOf.get(test.name);
    if (id !== undefined && !byId.has(id)) byId.set(id, test);
  }
  return byId;
}

export function buildResult(exercise: GradedExercise, report: SubmissionReport): GradeResult {
  const { manifest } = exercise;
  const sources = sourcesOf(exercise);
  const runs = report.modules.flatMap((m) => kitMeta(m).runs ?? []);
  // A test's output: what the learner's code printed in the runs it saw (file-level runs and its own).
  const outputFor = (name: string) =>
    capText(runs.filter((r) => !r.test || r.test === name).map((r) => r.output).filter(Boolean).join('\n'), OUTPUT_CAP);
  const reported = reportedById(manifest.titles, report.modules);
  const moduleErrors = report.modules.flatMap((m) => m.errors);
  const language = report.language ?? 'en';
  const words = kitMessages[language];

  const tests: TestResult[] = Object.entries(manifest.points).map(([id, maxPoints], index) => {
    const found = report.failure ? undefined : reported.get(id);
    const name = found?.name ?? manifest.titles[id]?.[language] ?? id;
    let status: TestStatus;
    let message: string | undefined;
    if (!found) {
      status = 'error';
      message = report.failure ?? (moduleErrors[0] ? words.fileNotRun({ error: moduleErrors[0] }) : words.notRun);
    } else if (found.state === 'passed') {
      status = 'pass';
    } else {
      status = found.state === 'failed' ? 'fail' : 'error';
      message = found.errors.length ? found.errors.join('\n') : found.state === 'skipped' ? words.skipped : words.unfinished;
    }
    const result: TestResult = {
      id,
      name,
      status,
      test_code: testCodeFor(sources, id),
      task_id: index + 1,
      points: status === 'pass' ? maxPoints : 0,
      maxPoints,
    };
    if (message) result.message = capText(stripAnsi(message), MESSAGE_CAP);
    const output = outputFor(name);
    if (output) result.output = output;
    return result;
  });

  const points = pointsEarned(manifest.points, new Set(tests.filter((t) => t.status === 'pass').map((t) => t.id)));
  const maxPoints = pointsPossible(manifest.points);
  const fatal = runs.find((r) => FATAL.has(r.outcome));
  const notable = runs.find((r) => NOTABLE.has(r.outcome));
  let status: TestStatus = tests.every((t) => t.status === 'pass') ? 'pass' : 'fail';
  let message: string | undefined;
  if (report.failure) {
    status = 'error';
    message = report.failure;
  } else if (fatal) {
    status = 'error';
    message = fatal.explanation;
  } else if (tests.every((t) => t.status === 'error')) {
    status = 'error';
    message = tests[0]?.message;
  } else if (status === 'fail' && notable) {
    message = notable.explanation;
  }

  const result: GradeResult = { version: 3, status, exercise: manifest.id, tests, points, maxPoints, durationMs: report.durationMs };
  if (message) result.message = capText(stripAnsi(message), MESSAGE_CAP);
  const scenario = report.modules.map((m) => kitMeta(m).scenario).find(Boolean);
  // The kit recorded model.exportState() and the model's events: the model's own types, as plain JSON.
  if (report.includeModel && scenario && !report.failure) result.model = { state: scenario.state as ModelState, events: scenario.events as ModelEvent[] };
  return result;
}
