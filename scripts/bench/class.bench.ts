// Class server numbers (issue 15), over loopback against the real CLI processes:
// 1. hand-in -> official score, p50 and p99 (from POST /handins to the result being readable by the student);
// 2. hand-ins graded per minute with one worker (the server's own) and with two (plus one `class worker`);
// 3. the server's memory (RSS) with 1,000 stored hand-ins;
// 4. tests/class/load.test.ts at full size (CLASS_LOAD_FULL=1: 200 students hand in 1,000 times, each acknowledged
//    hand-in stored and each distinct one graded once), which the test suite runs at a fifth of that by default.
// Load: BENCH_CLASS_STUDENTS students (default 200) hand in BENCH_CLASS_HANDINS_EACH distinct files each
// (default 5: 1,000 hand-ins, 1,000 gradings). The two-worker run needs PostgreSQL: TEST_DATABASE_URL (as the
// tests), else it runs on PGlite with one worker only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../tests/grader/run-cli.ts';
import { backendStorage, call, solution, startClassProcess, type Backend } from '../../tests/class/harness.ts';

const STUDENTS = Number(process.env.BENCH_CLASS_STUDENTS ?? 200);
const EACH = Number(process.env.BENCH_CLASS_HANDINS_EACH ?? 5);
const limits = { EC2LAB_CLASS_HANDINS_PER_MINUTE: '1000000', EC2LAB_CLASS_JOINS_PER_MINUTE: '1000000', EC2LAB_CLASS_STUDENT_HANDINS_PER_MINUTE: '1000000' };

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

async function run(backend: Backend, workers: 1 | 2): Promise<void> {
  const storage = await backendStorage(backend);
  const server = await startClassProcess(['serve', '--port', '0', ...storage.args], { ...storage.env, ...limits });
  const extra = workers === 2 ? await startClassProcess(['worker'], storage.env, /Grading worker taking hand-ins/) : undefined;
  try {
    const base = server.url;
    const created = await call<{ code: string }>(base, 'POST', '/api/classes', { body: { name: 'Bench', exercises: ['launch'], lang: 'en' } });
    const code = created.body.code;
    const tokens = await pool(Array.from({ length: STUDENTS }, (_, s) => async () => (await call<{ studentToken: string }>(base, 'POST', `/api/classes/${code}/students`, { body: { name: `s${s}` } })).body.studentToken), 50);
    const source = solution('launch', 'launch.ts');
    const started = Date.now();
    const handins = await pool(
      tokens.flatMap((token, s) => Array.from({ length: EACH }, (_, i) => async () => {
        const at = Date.now();
        const answer = await call<{ id: string }>(base, 'POST', `/api/classes/${code}/handins`, { token, body: { exercise: 'launch', files: { 'launch.ts': `// ${s}.${i}\n${source}` } } });
        return { id: answer.body.id, token, at, ackMs: Date.now() - at };
      })),
      50,
    );
    const acked = Date.now() - started;
    const waiting = new Map(handins.map((h) => [h.id, h]));
    const latencies: number[] = [];
    while (waiting.size > 0) {
      for (const [id, h] of [...waiting].slice(0, 100)) {
        const answer = await call<{ status: string }>(base, 'GET', `/api/classes/${code}/handins/${id}`, { token: h.token });
        if (answer.body.status === 'graded' || answer.body.status === 'failed') {
          latencies.push(Date.now() - h.at);
          waiting.delete(id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const total = Date.now() - started;
    const n = handins.length;
    console.log(`${backend}, ${workers} worker(s): ${n} hand-ins from ${STUDENTS} students acknowledged in ${(acked / 1000).toFixed(1)} s (ack p50 ${percentile(handins.map((h) => h.ackMs), 50)} ms, p99 ${percentile(handins.map((h) => h.ackMs), 99)} ms)`);
    console.log(`  hand-in -> official score: p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p99 ${(percentile(latencies, 99) / 1000).toFixed(1)} s (all queued at once)`);
    console.log(`  graded per minute: ${Math.round((n / total) * 60_000)} (${n} in ${(total / 1000).toFixed(0)} s)`);
    console.log(`  server memory with ${n} stored hand-ins: ${rssMb(server.child.pid!).toFixed(0)} MB RSS`);
  } finally {
    await extra?.kill();
    await server.kill();
    await storage.drop();
  }
}

await run('pglite', 1);
if (process.env.TEST_DATABASE_URL) {
  await run('postgres', 1);
  await run('postgres', 2);
} else {
  console.log('TEST_DATABASE_URL is not set: skipped the PostgreSQL runs (one and two workers).');
}

// The load test at full size, through vitest as CI would run it; a failure fails the bench.
const loadStarted = Date.now();
const load = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'tests/vitest.config.ts', 'tests/class/load.test.ts'], {
  cwd: repoRoot,
  env: { ...process.env, CLASS_LOAD_FULL: '1' },
  encoding: 'utf8',
});
console.log(`load test at full size (1,000 hand-ins from 200 students): ${load.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`);
if (load.status !== 0) {
  console.error(load.stdout, load.stderr);
  process.exitCode = 1;
}
