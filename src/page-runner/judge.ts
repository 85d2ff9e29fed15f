// The judge (loaded by judge-worker.ts): runs one exercise's own vitest test files on vitest's runner (@vitest/runner) and
// assertions (@vitest/expect), with the model and the kit, exactly as the CLI grader's vitest does, and
// answers with what the kit's reporter would have written (ReportedModule per test file). A fresh judge
// serves each Run (a test file registers its tests when it is imported, which happens once per worker).
// The learner's code never runs here: the kit's worker transport asks the page for a learner worker.
import { startTests, type File, type Task, type Test, type VitestRunner, type VitestRunnerConfig } from '@vitest/runner';
import { reportRunsAfterAll, useLearnerTransport } from '../../exercises/_kit/harness.ts';
import { createWorkerTransport } from '../../exercises/_kit/learner-worker-transport.ts';
import { useLanguage } from '../../exercises/_kit/lang.ts';
import type { ReportedModule, ReportedTest } from '../../exercises/_kit/reporter.ts';
import { compileLearnerFiles } from './compile.ts';
import { expect } from './expect.ts';
import type { FromJudge, JudgeStart, ToJudge } from './protocol.ts';

const post = (message: FromJudge) => (self as unknown as Worker).postMessage(message);
const cap = (text: string, max = 4000) => (text.length > max ? `${text.slice(0, max)}…` : text);

function runnerConfig(limits: JudgeStart['limits']): VitestRunnerConfig {
  return {
    root: '/',
    setupFiles: [],
    name: undefined,
    passWithNoTests: false,
    testNamePattern: undefined,
    allowOnly: false,
    sequence: { seed: 0, hooks: 'stack', setupFiles: 'parallel' },
    chaiConfig: undefined,
    maxConcurrency: 5,
    testTimeout: limits.testTimeoutMs,
    hookTimeout: limits.testTimeoutMs,
    retry: 0,
    includeTaskLocation: false,
    tags: [],
    tagsFilter: undefined,
    strictTags: false,
  };
}

/** A test's full name as vitest's reporters give it: its describe blocks and title, joined with ' > '. */
function fullName(task: Task): string {
  const names = [task.name];
  // The file is the outermost suite and has no parent: it is not part of the name.
  for (let suite = task.suite; suite?.suite; suite = suite.suite) names.unshift(suite.name);
  return names.join(' > ');
}

function allTests(task: Task): Test[] {
  if (task.type === 'test') return [task];
  return 'tasks' in task ? task.tasks.flatMap(allTests) : [];
}

const stateOf = (test: Test): ReportedTest['state'] => {
  const state = test.result?.state;
  if (state === 'pass') return 'passed';
  if (state === 'fail') return 'failed';
  return state === 'skip' || state === 'todo' || test.mode === 'skip' || test.mode === 'todo' ? 'skipped' : 'pending';
};

/** What the kit's reporter (exercises/_kit/reporter.ts) writes for a finished test file. */
function reportModule(file: File): ReportedModule {
  return {
    file: file.filepath,
    tests: allTests(file).map((test) => ({
      name: fullName(test),
      state: stateOf(test),
      errors: (test.result?.errors ?? []).map((e) => cap(String(e.message ?? e))),
      durationMs: test.result?.duration,
    })),
    errors: (file.result?.errors ?? []).map((e) => cap(String(e.message ?? e))),
    meta: file.meta,
  };
}

async function judge(start: JudgeStart): Promise<void> {
  const transport = createWorkerTransport({ post, compile: (file) => compileLearnerFiles(start.files, file) });
  useLearnerTransport(transport);
  // The test files choose their titles and messages as they are imported: the page's language.
  useLanguage(start.lang);
  self.addEventListener('message', (event: MessageEvent<ToJudge>) => {
    if (event.data.type !== 'start') transport.receive(event.data);
  });
  const urls = new Map(start.testFiles.map((f) => [`/${start.exercise}/tests/${f.name}`, f.url]));
  const runner: VitestRunner = {
    config: runnerConfig(start.limits),
    async importFile(filepath) {
      expect.setState({ testPath: filepath, currentTestName: undefined });
      reportRunsAfterAll();
      await import(/* @vite-ignore */ urls.get(filepath) ?? filepath);
    },
    onBeforeTryTask(test) {
      expect.setState({ assertionCalls: 0, currentTestName: fullName(test), testPath: test.file.filepath });
    },
  };
  const modules: ReportedModule[] = [];
  for (const filepath of urls.keys()) {
    const [file] = await startTests([filepath], runner);
    modules.push(reportModule(file));
  }
  post({ type: 'done', modules });
}

/** Serves the page's `start` message (the first thing the page sends a judge worker). */
export function serveJudge(): void {
  self.addEventListener('message', (event: MessageEvent<ToJudge>) => {
    if (event.data.type === 'start') void judge(event.data);
  });
}
