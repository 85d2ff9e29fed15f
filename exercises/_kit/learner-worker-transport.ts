// The harness's transport in the page runner (src/page-runner): the judge worker installs it with
// useLearnerTransport() before it loads any test file. The learner's code runs in a worker of its own,
// which the page (outside both workers) starts, watches and terminates; this side serves the learner's EC2
// calls from the model next to the assertions, exactly as learner-process.ts does for a child process.
// Browser-safe: no Node built-ins; the page's compiler is handed in (`compile`).
import { learnerMethods, serveCall, type CallRecord, type CallReply, type ChildRunResult, type LearnerClients, type LearnerRequest, type LearnerTransport } from './learner-protocol.ts';

/** The learner's files as CommonJS modules keyed by file name, or why they do not compile. */
export type CompiledFiles = { ok: true; modules: Record<string, string> } | { ok: false; message: string; missing?: boolean };

/** Judge -> page: run the learner's function in the worker named `session` (kept between runs that return). */
export type LearnerWanted = {
  type: 'learner-run';
  request: number;
  session: string;
  modules: Record<string, string>;
  entry: string;
  exportName: string;
  args: unknown[];
  methods: string[];
};
export type ReplyToLearner = { type: 'reply'; request: number; id: number; reply: CallReply };
export type EndSessions = { type: 'end-sessions'; prefix: string };
/** Page -> judge: a call of the learner's code, and the end of a run as the page saw it. */
export type CallFromLearner = { type: 'call'; request: number; id: number; method: string; args: unknown[] };
export type LearnerEnded = { type: 'learner-ended'; request: number; result: ChildRunResult };

interface WorkerHost {
  post(message: LearnerWanted | ReplyToLearner | EndSessions): void;
  compile(file: string): CompiledFiles;
}

type Pending = { clients: LearnerClients; allowed: Set<string>; calls: CallRecord[]; done: (result: ChildRunResult) => void };

export function createWorkerTransport(host: WorkerHost): LearnerTransport & { receive(message: CallFromLearner | LearnerEnded): void } {
  const compiled = new Map<string, CompiledFiles>();
  const pending = new Map<number, Pending>();
  let nextRequest = 1;

  async function serve(message: CallFromLearner): Promise<void> {
    const run = pending.get(message.request);
    if (!run) return;
    const record: CallRecord = { method: message.method, input: message.args[0] };
    run.calls.push(record);
    const reply = await serveCall(run.clients, run.allowed, message.method, message.args, record);
    if (pending.has(message.request)) host.post({ type: 'reply', request: message.request, id: message.id, reply });
  }

  return {
    run(request: LearnerRequest): Promise<ChildRunResult> {
      const started = Date.now();
      let files = compiled.get(request.file);
      if (!files) compiled.set(request.file, (files = host.compile(request.file)));
      if (!files.ok) {
        const outcome = files.missing ? { kind: 'missing-file' as const, message: files.message } : { kind: 'compile-error' as const, message: files.message };
        return Promise.resolve({ outcome, calls: [], output: '', durationMs: Date.now() - started, isolated: false });
      }
      const id = nextRequest++;
      const methods = learnerMethods(request);
      return new Promise((resolve) => {
        const calls: CallRecord[] = [];
        pending.set(id, { clients: { client: request.client, ssm: request.ssm }, allowed: new Set(methods), calls, done: resolve });
        host.post({
          type: 'learner-run',
          request: id,
          session: `${request.testPath}\0${request.file}`,
          modules: files.modules,
          entry: request.file,
          exportName: request.exportName,
          args: request.args,
          methods,
        });
      });
    },
    endFile(testPath: string): void {
      host.post({ type: 'end-sessions', prefix: `${testPath}\0` });
    },
    receive(message: CallFromLearner | LearnerEnded): void {
      if (message.type === 'call') {
        void serve(message);
        return;
      }
      const run = pending.get(message.request);
      if (!run) return;
      pending.delete(message.request);
      run.done({ ...message.result, calls: run.calls });
    },
  };
}
