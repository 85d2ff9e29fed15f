// The messages between the page (the watchdog), the judge worker (tests, model, assertions) and the
// learner worker (the learner's code). The learner never talks to the judge directly: every message goes
// through the watchdog, which counts calls and output and holds the clock. The judge's side of the
// learner's runs is the kit's worker transport (exercises/_kit/learner-worker-transport.ts).
import type { CallFromLearner, EndSessions, LearnerEnded, LearnerWanted, ReplyToLearner } from '../../exercises/_kit/learner-worker-transport.ts';
import type { CallReply } from '../../exercises/_kit/learner-protocol.ts';
import type { Language } from '../../exercises/_kit/lang.ts';
import type { LearnerWords } from '../../exercises/_kit/kit-messages.ts';
import type { ReportedModule } from '../../exercises/_kit/reporter.ts';

export type { LearnerWanted } from '../../exercises/_kit/learner-worker-transport.ts';

/** The limits of one graded run: the CLI grader's defaults for one submission (see limits.ts). */
export interface RunLimits {
  callTimeoutMs: number; // one run of the learner's function
  testTimeoutMs: number; // one test or hook
  runTimeoutMs: number; // the whole run; the judge is ended after it
  memoryMb: number; // what the learner's code may allocate (an estimate in the page: allocation-budget.ts)
  maxCalls: number;
  maxOutputBytes: number;
}

// ---- page <-> judge --------------------------------------------------------------------------------------
export type JudgeStart = { type: 'start'; exercise: string; lang: Language; testFiles: { name: string; url: string }[]; files: Record<string, string>; limits: RunLimits };
export type ToJudge = JudgeStart | LearnerEnded | CallFromLearner;
type JudgeDone = { type: 'done'; modules: ReportedModule[] };
export type FromJudge = LearnerWanted | ReplyToLearner | EndSessions | JudgeDone;

// ---- page <-> learner ------------------------------------------------------------------------------------
export type LearnerStart = {
  type: 'start';
  run: number;
  modules: Record<string, string>;
  entry: string;
  exportName: string;
  args: unknown[];
  methods: string[]; // the EC2 client's, then the SSM client's prefixed `ssm.` (learner-protocol.ts)
  maxOutputBytes: number;
  memoryMb: number;
  words: LearnerWords; // the worker's own few sentences, in the run's language
};
export type ToLearner = LearnerStart | ({ type: 'reply'; id: number } & CallReply);

export type LearnerDone = { type: 'done'; run: number; ok: boolean; value?: unknown; error?: unknown; uncaught?: boolean; atImport?: boolean; missingExport?: boolean; outputBytes: number };
export type FromLearner =
  | { type: 'loaded'; run: number; exports: string[] }
  | { type: 'call'; run: number; id: number; method: string; args: unknown[] }
  | { type: 'output'; run: number; text: string; bytes: number }
  | { type: 'out-of-memory'; run: number }
  | LearnerDone;
