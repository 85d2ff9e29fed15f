// Runs the exercise's tests in this page, in workers (src/page-runner): the default backend, on any host
// (static, `npm start`, offline after one visit). Needs module workers; choose.ts checks for them.
import { createPageRunner, type ExerciseToGrade } from '../../page-runner/index.ts';
import { transcript } from '../result.ts';
import { type Backend, type RunRequest, RunCancelled } from './backend.ts';

/** True where `new Worker(url, { type: 'module' })` works (reading `type` shows the browser knows it). */
export function supportsModuleWorkers(): boolean {
  if (typeof Worker === 'undefined') return false;
  let supported = false;
  const probe = {
    get type(): 'module' {
      supported = true;
      return 'module';
    },
  };
  try {
    new Worker('blob://', probe).terminate();
  } catch {
    // the URL is refused on purpose: only reading `type` mattered
  }
  return supported;
}

export function createPageBackend(loadExercise: (id: string) => Promise<ExerciseToGrade>): Backend & { warm(): Promise<void> } {
  const runner = createPageRunner();
  return {
    kind: 'page',
    warm: () => runner.warm(),
    async run(request: RunRequest) {
      const exercise = await loadExercise(request.exercise);
      try {
        const result = await runner.run({ exercise, files: request.files, signal: request.signal, lang: request.locale });
        request.onOutput(transcript(result, request.locale));
        return result;
      } catch (error) {
        if (request.signal.aborted) throw new RunCancelled();
        throw error;
      }
    },
  };
}
