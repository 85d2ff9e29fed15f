// Grader speed, as a teacher and the sandbox's local endpoint feel it:
// 1. one submission, warm (the grader's process already running, as in `npm start`): target < 1.5 s;
// 2. a batch of 100 submissions of `launch` (mixed correct and wrong, one endless loop) in ONE vitest
//    run with --jobs = CPU count: target < 40 s on this 2-core machine;
// 3. the naive way, `npx vitest run` once per submission, timed on a sample and scaled to 100, for the ratio.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closeGrader, gradeBatch, gradeSubmission, loadExercise, type BatchSubmission } from '../../src/grader/index.ts';
import { createBatchFolder, writeSubmission, writeVitestConfig } from '../../src/grader/workspace.ts';
import { runSettings } from '../../src/grader/grade.ts';

const launch = loadExercise('launch');
const solution = launch.solution['launch.ts'];
const starter = launch.starter['launch.ts'];
// Launches but never waits: a typical half-right submission.
const noWait = solution.replace(/await waitUntilInstanceRunning\(.*\);/, '');
const endless = 'export async function launchWebServers() { for (;;) {} }\n';
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * CPU time (user + system) of every finished descendant of this process, from /proc/self/stat (cutime,
 * cstime). Other people's load on the machine stretches wall time, not this: it says what the grading costs.
 */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // fields 16 and 17 of stat(5), counted after "(comm) "
  return (ticks / 100) * 1000; // USER_HZ is 100 on Linux
}
/** CPU time of every live descendant (and what they reaped) plus what this process reaped: for a warm daemon. */
function treeCpuMs(): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // exited meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p; p = stats.get(p)?.ppid) if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return (ticks / 100) * 1000 + childrenCpuMs();
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function warmSingle(): Promise<{ wallMs: number; cpuMs: number }> {
  await gradeSubmission({ exerciseId: 'launch', files: { 'launch.ts': solution } }); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cpuBefore = treeCpuMs() + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;
    const started = performance.now();
    const result = await gradeSubmission({ exerciseId: 'launch', files: { 'launch.ts': i % 2 ? starter : solution } });
    times.push(performance.now() - started);
    cpu.push(treeCpuMs() + process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000 - cpuBefore);
    if (result.status === 'error') throw new Error(`unexpected error: ${result.message}`);
  }
  return { wallMs: median(times), cpuMs: median(cpu) };
}

function mixedClass(count: number): BatchSubmission[] {
  return Array.from({ length: count }, (_, i) => {
    const source = i === 50 ? endless : [solution, starter, noWait][i % 3];
    return { student: `student-${String(i).padStart(3, '0')}`, files: { 'launch.ts': source } };
  });
}

/** The naive way: one `npx vitest run` per submission, each in its own workspace. */
function naiveRun(submission: BatchSubmission): number {
  const dir = createBatchFolder();
  try {
    writeSubmission(dir, 0, launch, submission.files);
    const config = writeVitestConfig(dir, runSettings(20_000, 256, 1));
    const started = performance.now();
    spawnSync('npx', ['vitest', 'run', '--config', config], { cwd: dir, stdio: 'ignore', env: { ...process.env, EC2LAB_RESULTS_FILE: path.join(dir, 'r.jsonl') } });
    return performance.now() - started;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const jobs = availableParallelism();
console.log(`grader bench: ${jobs} CPU(s), node ${process.version}, load average ${loadAverage()} at the start`);

const { wallMs: single, cpuMs: singleCpu } = await warmSingle();
console.log(`one submission, warm (median of 5):        ${seconds(single)}   target < 1.50 s   ${single < 1500 ? 'OK' : 'MISSED'}   (CPU ${seconds(singleCpu)}, load average ${loadAverage()})`);

await closeGrader(); // the batch pays for its own vitest start, as a CLI run does
const submissions = mixedClass(100);
const cpuBefore = childrenCpuMs();
const started = performance.now();
const batch = await gradeBatch({ exerciseId: 'launch', submissions, jobs });
const batchMs = performance.now() - started;
await closeGrader();
const batchCpuMs = childrenCpuMs() - cpuBefore;
const byStatus = batch.results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.result.status]: (acc[r.result.status] ?? 0) + 1 }), {});
const wrongScores = batch.results.filter((r) => r.result.points !== (r.result.status === 'pass' ? r.result.maxPoints : r.result.points));
console.log(`batch of 100 (--jobs ${jobs}, one endless loop):  ${seconds(batchMs)}   target < 40 s     ${batchMs < 40_000 ? 'OK' : 'MISSED'}   statuses ${JSON.stringify(byStatus)}`);
console.log(`  CPU used by the batch (all processes):    ${seconds(batchCpuMs)} = ${seconds(batchCpuMs / jobs)} of wall time on ${jobs} idle cores; load average now ${loadAverage()}`);
if (wrongScores.length) throw new Error('scores inconsistent with statuses');
if (batch.results[50].result.status === 'pass') throw new Error('the endless loop passed');

const SAMPLE = Number(process.env.GRADER_BENCH_NAIVE_SAMPLE ?? 6);
const naiveCpuBefore = childrenCpuMs();
const naive = submissions.slice(0, SAMPLE).map(naiveRun);
const naiveCpuPer = (childrenCpuMs() - naiveCpuBefore) / SAMPLE;
const naivePer = naive.reduce((a, b) => a + b, 0) / naive.length;
const naive100 = naivePer * 100;
console.log(`npx vitest run once per submission:          ${seconds(naivePer)} each (mean of ${SAMPLE}), ~${seconds(naive100)} for 100 (scaled); CPU ${seconds(naiveCpuPer)} each`);
console.log(`ratio, naive / batch for 100:                ${(naive100 / batchMs).toFixed(1)}x less wall time, ${((naiveCpuPer * 100) / batchCpuMs).toFixed(1)}x less CPU`);
writeFileSync(path.join(process.cwd(), 'node_modules', '.cache', 'grader-bench.json'), JSON.stringify({ singleMs: single, singleCpuMs: singleCpu, batchMs, batchCpuMs, naivePerMs: naivePer, ratio: naive100 / batchMs }));
