// The page runner's door for the page: grades a submission in the browser and returns the same
// GradeResult the CLI grader gives, built by the same pure builder (src/results) from the same reported data.
//
//   const runner = createPageRunner();              // reads <base>/manifest.json (written at build time)
//   runner.warm();                                  // optional: load the workers before the first Run
//   const result = await runner.run({ exercise, files, signal });
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import type { Language } from '../../exercises/_kit/lang.ts';
import { buildResult } from '../results/build-result.ts';
import type { GradeResult } from '../results/grade-result.ts';
import { PAGE_LIMITS } from './limits.ts';
import type { RunLimits } from './protocol.ts';
import { Watchdog } from './watchdog.ts';

/** What build.ts writes next to the bundles: where each worker and each exercise's test bundle is. */
interface RunnerManifest {
  judge: string;
  learner: string;
  exercises: Record<string, Record<string, string>>; // exercise id -> test file name -> bundle
}

/** The parts of an exercise the runner needs (the sandbox's exercise data has them). */
export interface ExerciseToGrade {
  id: string;
  tests: string[]; // test file names
  points: Record<string, number>; // test id -> points
  titles: Record<string, Record<Language, string>>; // test id -> its title in every language
  testFiles: Record<string, string>; // test file name -> source (each result's test_code)
}

interface PageRun {
  exercise: ExerciseToGrade;
  files: Record<string, string>;
  signal?: AbortSignal;
  /** Other limits than the CLI grader's defaults (a teacher's `--memory 96` run, a test). */
  limits?: Partial<RunLimits>;
  /** The language of the test names and messages: the page's locale (default en). */
  lang?: Language;
}

const DEFAULT_BASE = '/page-runner/';

export function createPageRunner(base = DEFAULT_BASE) {
  const absolute = (file: string) => new URL(file, new URL(base, location.href)).href;
  let manifest: Promise<RunnerManifest> | undefined;
  let watchdog: Watchdog | undefined;
  const ready = async (lang: Language = 'en') => {
    manifest ??= fetch(absolute('manifest.json')).then(async (response) => {
      if (!response.ok) throw new Error(kitMessages[lang].runnerMissing({ status: response.status }));
      return (await response.json()) as RunnerManifest;
    });
    manifest.catch(() => (manifest = undefined));
    const loaded = await manifest;
    watchdog ??= new Watchdog({ judge: absolute(loaded.judge), learner: absolute(loaded.learner) });
    return { loaded, watchdog };
  };

  return {
    /** Fetches the manifest and starts the workers, so the first Run does not wait for them. */
    async warm(): Promise<void> {
      (await ready()).watchdog.warm();
    },
    async run(request: PageRun): Promise<GradeResult> {
      const started = Date.now();
      const lang = request.lang ?? 'en';
      const { loaded, watchdog: dog } = await ready(lang);
      const bundles = loaded.exercises[request.exercise.id];
      if (!bundles) throw new Error(kitMessages[lang].noTestsHere({ exercise: request.exercise.id }));
      const outcome = await dog.judge({
        exercise: request.exercise.id,
        lang,
        testFiles: request.exercise.tests.map((name) => ({ name, url: absolute(bundles[name] ?? name) })),
        files: request.files,
        limits: { ...PAGE_LIMITS, ...request.limits },
        signal: request.signal ?? new AbortController().signal,
      });
      const failure = outcome.failure ?? (outcome.modules.length < request.exercise.tests.length ? kitMessages[lang].runEnded : undefined);
      const { id, points, titles } = request.exercise;
      const exercise = { manifest: { id, points, titles }, tests: request.exercise.testFiles };
      const result = buildResult(exercise, { modules: outcome.modules, failure, durationMs: 0, includeModel: true, language: lang });
      return { ...result, durationMs: Date.now() - started };
    },
  };
}

