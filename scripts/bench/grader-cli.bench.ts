// The CLI batch as a teacher runs it: `ec2-lab grade launch <class folder>` on a class of 100 students
// (a third correct, a third the untouched starter, a third half right, one endless loop), timed from the
// command's start to its exit, so vitest's start, the workers, every compile and every learner process
// count. Target (issue 15): under 10 s on a 2-core machine. Runs RUNS times (default 3) and prints each run,
// the median and the spread, since other work on a shared machine stretches wall time; CPU time (every
// process of the run, from /proc/self/stat) says what the grading itself costs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExercise } from '../../src/grader/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(repoRoot, 'src', 'cli', 'ec2-lab.mjs');
const RUNS = Number(process.env.GRADER_CLI_BENCH_RUNS ?? 3);
const STUDENTS = 100;
const TARGET_MS = 10_000;

const launch = loadExercise('launch');
const solution = launch.solution['launch.ts'];
const starter = launch.starter['launch.ts'];
const noWait = solution.replace(/await waitUntilInstanceRunning\(.*\);/, '');
const endless = 'export async function launchWebServers() { for (;;) {} }\n';

function writeClass(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ec2-lab-bench-class-'));
  for (let i = 0; i < STUDENTS; i++) {
    const dir = path.join(root, `student-${String(i).padStart(3, '0')}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'launch.ts'), i === 50 ? endless : [solution, starter, noWait][i % 3]);
  }
  return root;
}

/** CPU (user + system) of every finished descendant of this process, in ms (Linux: /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) / 100) * 1000;
}
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const folder = writeClass();
console.log(`grader CLI bench: ${availableParallelism()} CPU(s), node ${process.version}, ${STUDENTS} launch submissions, ${RUNS} runs, load average ${loadAverage()}`);
const walls: number[] = [];
try {
  for (let run = 1; run <= RUNS; run++) {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawnSync(process.execPath, [bin, 'grade', 'launch', folder, '--format', 'csv'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 24 });
    const wallMs = performance.now() - started;
    const cpuMs = childrenCpuMs() - cpuBefore;
    if (child.status !== 0) throw new Error(`ec2-lab grade exited with ${child.status}:\n${child.stderr}`);
    // The CSV's status column by its header (student names here hold no comma or quote).
    const [header, ...rows] = child.stdout.trim().split('\n');
    const statusAt = header.split(',').indexOf('status');
    const statusOf = (row: string) => row.split(',')[statusAt];
    const passed = rows.filter((r) => statusOf(r) === 'pass').length;
    if (rows.length !== STUDENTS || passed !== 34) throw new Error(`unexpected report: ${rows.length} rows, ${passed} passed (34 expected)`);
    if (statusOf(rows[50]) !== 'fail') throw new Error(`the endless loop was not failed: ${rows[50]}`);
    walls.push(wallMs);
    console.log(`  run ${run}: ${seconds(wallMs)} wall, ${seconds(cpuMs)} CPU (all processes), load average now ${loadAverage()}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
const sorted = [...walls].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`ec2-lab grade launch <100 students>: median ${seconds(median)} (min ${seconds(sorted[0])}, max ${seconds(sorted[sorted.length - 1])})   target < ${seconds(TARGET_MS)}   ${median < TARGET_MS ? 'OK' : 'MISSED'}`);
