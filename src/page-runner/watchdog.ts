// The watchdog: lives in the page, outside both workers. It starts a fresh judge worker for a Run, starts
// (and keeps, between runs that returned) the learner workers the judge asks for, passes every message
// between them, and ends a learner run the way the CLI grader's child process ends
// (exercises/_kit/learner-process.ts): at its time limit, past the cap on calls, past the memory budget,
// or when the worker dies. It terminates the judge too when the whole Run passes its time limit.
// Nothing here loops or waits on a worker: the page stays responsive whatever the learner's code does.
import { cutNote, doneOutcome, type ChildRunResult, type LearnerOutcome } from '../../exercises/_kit/learner-protocol.ts';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';
import { kitMessages, learnerWords } from '../../exercises/_kit/kit-messages.ts';
import type { FromJudge, FromLearner, JudgeStart, LearnerWanted, RunLimits, ToJudge, ToLearner } from './protocol.ts';

interface WorkerUrls {
  judge: string;
  learner: string;
}

interface JudgeRun {
  exercise: string;
  lang: JudgeStart['lang'];
  testFiles: { name: string; url: string }[];
  files: Record<string, string>;
  limits: RunLimits;
  signal: AbortSignal;
}

/** What the judge reported, or why it could not finish. */
type JudgeOutcome = { modules: ReportedModule[]; failure?: string };

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

/** One run of the learner's function, as the watchdog follows it. */
type LearnerRunState = {
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

let nextRunId = 1;

/** One Run: a judge worker, the learner workers it asks for, and the clock over both. */
class RunSession {
  private readonly judge: Worker;
  private readonly sessions = new Map<string, Worker>(); // learner workers kept between runs that returned
  private readonly active = new Map<number, LearnerRunState>(); // by learner run id
  private readonly byRequest = new Map<number, LearnerRunState>(); // by the judge's request id
  private over = false;
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private finish: (outcome: JudgeOutcome) => void = () => {};
  private cancel: (error: Error) => void = () => {};

  constructor(private readonly job: JudgeRun, private readonly spares: Spares) {
    this.judge = spares.takeJudge();
  }

  start(): Promise<JudgeOutcome> {
    return new Promise<JudgeOutcome>((resolve, reject) => {
      this.finish = resolve;
      this.cancel = reject;
      this.job.signal.addEventListener('abort', this.onAbort, { once: true });
      const limitS = Math.round(this.job.limits.runTimeoutMs / 1000);
      const words = kitMessages[this.job.lang];
      this.deadline = setTimeout(() => this.fail(words.timeLimit({ seconds: limitS })), this.job.limits.runTimeoutMs);
      this.judge.addEventListener('message', (event: MessageEvent<FromJudge>) => this.fromJudge(event.data));
      this.judge.addEventListener('error', (event) => {
        event.preventDefault();
        this.fail(words.runnerStopped({ reason: event.message || words.runnerNotLoaded }));
      });
      const { exercise, lang, testFiles, files, limits } = this.job;
      this.toJudge({ type: 'start', exercise, lang, testFiles, files, limits } satisfies JudgeStart);
    });
  }

  private toJudge(message: ToJudge): void {
    this.judge.postMessage(message);
  }

  private readonly onAbort = () => {
    if (this.end()) this.cancel(new DOMException('run cancelled', 'AbortError'));
  };

  private fail(failure: string): void {
    if (this.end()) this.finish({ modules: [], failure });
  }

  /** Terminates every worker of this Run; false when it had already ended. */
  private end(): boolean {
    if (this.over) return false;
    this.over = true;
    clearTimeout(this.deadline);
    this.job.signal.removeEventListener('abort', this.onAbort);
    for (const run of this.active.values()) clearTimeout(run.timer);
    for (const worker of this.sessions.values()) worker.terminate();
    this.judge.terminate();
    this.spares.refill();
    return true;
  }

  private fromJudge(message: FromJudge): void {
    if (this.over) return;
    if (message.type === 'learner-run') this.startLearner(message);
    else if (message.type === 'reply') {
      const run = this.byRequest.get(message.request);
      run?.worker.postMessage({ type: 'reply', id: message.id, ...message.reply } satisfies ToLearner);
    } else if (message.type === 'end-sessions') {
      for (const [name, worker] of this.sessions) {
        if (!name.startsWith(message.prefix)) continue;
        worker.terminate();
        this.sessions.delete(name);
      }
    } else if (this.end()) {
      this.finish({ modules: message.modules });
    }
  }

  private learnerFor(session: string): Worker {
    const kept = this.sessions.get(session);
    if (kept) return kept;
    const worker = this.spares.takeLearner();
    worker.addEventListener('message', (event: MessageEvent<FromLearner>) => this.fromLearner(worker, event.data));
    // The worker's script failed, or the worker died: the run ends as a child process that exited.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      for (const run of this.active.values()) if (run.worker === worker) this.settle(run, { kind: 'exited', code: null, signal: null, loaded: run.loaded });
    });
    this.sessions.set(session, worker);
    return worker;
  }

  private startLearner(wanted: LearnerWanted): void {
    const { limits } = this.job;
    const run: LearnerRunState = {
      request: wanted.request,
      run: nextRunId++,
      worker: this.learnerFor(wanted.session),
      session: wanted.session,
      calls: 0,
      loaded: false,
      exports: [],
      output: { text: '', dropped: 0 },
      started: Date.now(),
      timer: setTimeout(() => this.settle(run, { kind: 'timeout', limitMs: limits.callTimeoutMs, loaded: run.loaded }), limits.callTimeoutMs),
    };
    this.active.set(run.run, run);
    this.byRequest.set(run.request, run);
    const { modules, entry, exportName, args, methods } = wanted;
    const start: ToLearner = { type: 'start', run: run.run, modules, entry, exportName, args, methods, maxOutputBytes: limits.maxOutputBytes, memoryMb: limits.memoryMb, words: learnerWords(this.job.lang) };
    run.worker.postMessage(start);
  }

  private fromLearner(worker: Worker, message: FromLearner): void {
    const run = this.active.get(message.run);
    if (!run || run.worker !== worker) return;
    const { limits } = this.job;
    if (message.type === 'loaded') {
      run.loaded = true;
      run.exports = message.exports;
    } else if (message.type === 'output') {
      const room = limits.maxOutputBytes - run.output.text.length;
      if (room > 0) run.output.text += message.text.slice(0, room);
      run.output.dropped += Math.max(0, message.bytes - Math.max(room, 0));
    } else if (message.type === 'call') {
      if (run.calls >= limits.maxCalls) return this.settle(run, { kind: 'too-many-calls', limit: limits.maxCalls });
      run.calls++;
      this.toJudge({ type: 'call', request: run.request, id: message.id, method: message.method, args: message.args });
    } else if (message.type === 'out-of-memory') {
      this.settle(run, { kind: 'out-of-memory', limitMb: limits.memoryMb });
    } else {
      // The learner counts all it printed; what passed the cap is counted as cut.
      run.output.dropped = Math.max(run.output.dropped, message.outputBytes - run.output.text.length);
      this.settle(run, doneOutcome(message, run.exports));
    }
  }

  /** Ends a learner run with `outcome` and tells the judge; only a run that returned keeps its worker. */
  private settle(run: LearnerRunState, outcome: LearnerOutcome): void {
    if (!this.active.delete(run.run)) return;
    this.byRequest.delete(run.request);
    clearTimeout(run.timer);
    if (outcome.kind !== 'returned') {
      run.worker.terminate();
      this.sessions.delete(run.session);
    }
    const result: ChildRunResult = { outcome, calls: [], output: run.output.text + cutNote(run.output.dropped, this.job.lang), durationMs: Date.now() - run.started, isolated: true };
    this.toJudge({ type: 'learner-ended', request: run.request, result });
  }
}

export class Watchdog {
  private readonly spares: Spares;

  constructor(urls: WorkerUrls) {
    this.spares = new Spares(urls);
  }

  /** Loads the workers' code ahead of the first Run (call it when the sandbox wakes up). */
  warm(): void {
    this.spares.refill();
  }

  /** Runs the exercise's tests on the learner's files; rejects (AbortError) when the signal aborts. */
  judge(job: JudgeRun): Promise<JudgeOutcome> {
    return new RunSession(job, this.spares).start();
  }
}
