// The watchdog: lives in the page, outside both workers. It starts a fresh judge worker for a Run, starts
// (and keeps, between runs that returned) the learner workers the judge asks for, passes every message
// between them, and ends a learner run the way the CLI grader's child process ends
// (exercises/_kit/learner-process.ts): at its time limit, past the cap on calls, past the memory budget,
// or when the worker dies. It terminates the judge too when the whole Run passes its time limit.
// Nothing here loops or waits on a worker: the page stays responsive whatever the learner's code does.
import { cutNote, doneOutcome, type ChildRunResult, type LearnerOutcome } from '../../exercises/_kit/learner-protocol.ts';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';
import type { CallFromLearner, FromJudge, FromLearner, JudgeStart, LearnerWanted, RunLimits, ToJudge, ToLearner } from './protocol.ts';

export interface WorkerUrls {
  judge: string;
  learner: string;
}

export interface JudgeRun {
  exercise: string;
  testFiles: { name: string; url: string }[];
  files: Record<string, string>;
  limits: RunLimits;
  signal: AbortSignal;
}

/** What the judge reported, or why it could not finish (then `modules` holds the files that did). */
export type JudgeOutcome = { modules: ReportedModule[]; failure?: string };

type ActiveRun = {
  request: number;
  run: number;
  worker: Worker;
  session: string;
  calls: number;
  loaded: boolean;
  exports: string[];
  output: { text: string; dropped: number };
  started: number;
  timer: ReturnType<typeof setTimeout>;
};

/** Workers made ahead of time, so that a Run does not wait for a worker to load its code. */
class Spares {
  private judge: Worker | undefined;
  private learner: Worker | undefined;
  constructor(private readonly urls: WorkerUrls) {}

  takeJudge(): Worker {
    const worker = this.judge ?? new Worker(this.urls.judge, { type: 'module', name: 'judge' });
    this.judge = undefined;
    return worker;
  }

  takeLearner(): Worker {
    const worker = this.learner ?? new Worker(this.urls.learner, { type: 'module', name: 'learner' });
    this.learner = undefined;
    return worker;
  }

  refill(): void {
    this.judge ??= new Worker(this.urls.judge, { type: 'module', name: 'judge' });
    this.learner ??= new Worker(this.urls.learner, { type: 'module', name: 'learner' });
  }
}

export class Watchdog {
  private readonly spares: Spares;
  private nextRun = 1;

  constructor(urls: WorkerUrls) {
    this.spares = new Spares(urls);
  }

  /** Loads the workers' code ahead of the first Run (call it when the sandbox wakes up). */
  warm(): void {
    this.spares.refill();
  }

  judge(job: JudgeRun): Promise<JudgeOutcome> {
    const judge = this.spares.takeJudge();
    const sessions = new Map<string, Worker>();
    const active = new Map<number, ActiveRun>(); // by learner run id
    const byRequest = new Map<number, ActiveRun>();
    const toJudge = (message: ToJudge) => judge.postMessage(message);

    return new Promise<JudgeOutcome>((resolve, reject) => {
      let over = false;
      const end = () => {
        over = true;
        clearTimeout(deadline);
        job.signal.removeEventListener('abort', onAbort);
        for (const run of active.values()) clearTimeout(run.timer);
        for (const worker of sessions.values()) worker.terminate();
        judge.terminate();
        this.spares.refill();
      };
      const fail = (failure: string) => {
        if (over) return;
        end();
        resolve({ modules: [], failure });
      };
      const onAbort = () => {
        if (over) return;
        end();
        reject(new DOMException('run cancelled', 'AbortError'));
      };
      job.signal.addEventListener('abort', onAbort, { once: true });
      const deadline = setTimeout(
        () => fail(`The tests did not finish within the time limit (${Math.round(job.limits.runTimeoutMs / 1000)} s per submission) and were stopped.`),
        job.limits.runTimeoutMs,
      );

      const settle = (run: ActiveRun, outcome: LearnerOutcome) => {
        if (!active.has(run.run)) return;
        active.delete(run.run);
        byRequest.delete(run.request);
        clearTimeout(run.timer);
        if (outcome.kind !== 'returned') {
          run.worker.terminate();
          sessions.delete(run.session);
        }
        const result: ChildRunResult = { outcome, calls: [], output: run.output.text + cutNote(run.output.dropped), durationMs: Date.now() - run.started, isolated: true };
        toJudge({ type: 'learner-ended', request: run.request, result });
      };

      const fromLearner = (worker: Worker) => (event: MessageEvent<FromLearner>) => {
        const message = event.data;
        const run = active.get(message.run);
        if (!run || run.worker !== worker) return;
        if (message.type === 'loaded') {
          run.loaded = true;
          run.exports = message.exports;
        } else if (message.type === 'output') {
          const room = job.limits.maxOutputBytes - run.output.text.length;
          if (room > 0) run.output.text += message.text.slice(0, room);
          run.output.dropped += Math.max(0, message.bytes - Math.max(room, 0));
        } else if (message.type === 'call') {
          if (run.calls >= job.limits.maxCalls) return settle(run, { kind: 'too-many-calls', limit: job.limits.maxCalls });
          run.calls++;
          const call: CallFromLearner = { type: 'call', request: run.request, id: message.id, method: message.method, args: message.args };
          toJudge(call);
        } else if (message.type === 'out-of-memory') {
          settle(run, { kind: 'out-of-memory', limitMb: job.limits.memoryMb });
        } else {
          // The learner counts all it printed; what passed the page's cap is counted as cut.
          run.output.dropped = Math.max(run.output.dropped, message.outputBytes - run.output.text.length);
          settle(run, doneOutcome(message as unknown as Record<string, unknown>, run.exports));
        }
      };

      const startLearner = (wanted: LearnerWanted) => {
        let worker = sessions.get(wanted.session);
        if (!worker) {
          const fresh = this.spares.takeLearner();
          fresh.addEventListener('message', fromLearner(fresh));
          // The worker's script failed, or the worker died: the run ends as a child process that exited.
          fresh.addEventListener('error', (event) => {
            event.preventDefault();
            for (const run of active.values()) if (run.worker === fresh) settle(run, { kind: 'exited', code: null, signal: null, loaded: run.loaded });
          });
          sessions.set(wanted.session, fresh);
          worker = fresh;
        }
        const run: ActiveRun = {
          request: wanted.request,
          run: this.nextRun++,
          worker,
          session: wanted.session,
          calls: 0,
          loaded: false,
          exports: [],
          output: { text: '', dropped: 0 },
          started: Date.now(),
          timer: setTimeout(() => settle(run, { kind: 'timeout', limitMs: job.limits.callTimeoutMs, loaded: run.loaded }), job.limits.callTimeoutMs),
        };
        active.set(run.run, run);
        byRequest.set(run.request, run);
        const start: ToLearner = {
          type: 'start',
          run: run.run,
          modules: wanted.modules,
          entry: wanted.entry,
          exportName: wanted.exportName,
          args: wanted.args,
          methods: wanted.methods,
          maxOutputBytes: job.limits.maxOutputBytes,
          memoryMb: job.limits.memoryMb,
        };
        worker.postMessage(start);
      };

      judge.addEventListener('message', (event: MessageEvent<FromJudge>) => {
        if (over) return;
        const message = event.data;
        if (message.type === 'learner-run') startLearner(message);
        else if (message.type === 'reply') {
          const run = byRequest.get(message.request);
          if (run) run.worker.postMessage({ type: 'reply', id: message.id, ...message.reply } satisfies ToLearner);
        } else if (message.type === 'end-sessions') {
          for (const [name, worker] of sessions) {
            if (!name.startsWith(message.prefix)) continue;
            worker.terminate();
            sessions.delete(name);
          }
        } else {
          end();
          resolve({ modules: message.modules });
        }
      });
      judge.addEventListener('error', (event) => {
        event.preventDefault();
        fail(`The page's test runner stopped: ${event.message || 'its code could not be loaded'}`);
      });
      const start: JudgeStart = { type: 'start', exercise: job.exercise, testFiles: job.testFiles, files: job.files, limits: job.limits };
      toJudge(start);
    });
  }
}
