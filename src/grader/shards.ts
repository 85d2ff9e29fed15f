// Grading a class on several machines (a CI matrix): `ec2-lab grade ... --shard i/n` grades the students whose
// name hashes to shard i, and `ec2-lab merge` joins the shards' JSON reports into the report one unsharded
// run gives. A student's shard depends only on their name (sha256 of it, modulo n), so adding or removing a
// student never moves anyone else, and every row of one student lands in the same shard.
// Each shard's JSON report carries `shard`: its place in the matrix and every row's position in the full
// run, which is how merge restores the unsharded order and tells a missing or overlapping shard.
import { createHash } from 'node:crypto';
import { GradeInputError } from './exercise.ts';
import type { BatchSubmission, StudentResult } from './grade.ts';

export interface Shard {
  index: number; // 1-based, as written: --shard 2/3
  count: number;
}

/** What a shard's JSON report says about itself. */
export interface ShardInfo extends Shard {
  rows: number; // rows of the whole (unsharded) run
  positions: number[]; // each of this shard's rows' position in the whole run, in the report's order
}

const MAX_SHARDS = 1_000;

/** "2/3" -> { index: 2, count: 3 }, or a GradeInputError saying what a shard looks like. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new GradeInputError(`--shard must be i/n with 1 <= i <= n <= ${MAX_SHARDS} (e.g. --shard 2/3), not "${text}"`);
  }
  return { index, count };
}

/** The shard (1-based) a student belongs to out of `count`: the first 32 bits of sha256(name), modulo count. */
export function shardOf(student: string, count: number): number {
  return (createHash('sha256').update(student, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

type Work = { exerciseId: string; submissions: BatchSubmission[] }[];

/** Keeps this shard's students in every exercise, and notes where each kept row stands in the whole run. */
export function shardWork(work: Work, shard: Shard): { work: Work; info: ShardInfo } {
  const positions: number[] = [];
  let position = 0;
  const kept = work.map(({ exerciseId, submissions }) => ({
    exerciseId,
    submissions: submissions.filter((s) => {
      const mine = shardOf(s.student, shard.count) === shard.index;
      if (mine) positions.push(position);
      position++;
      return mine;
    }),
  }));
  return { work: kept, info: { ...shard, rows: position, positions } };
}

interface ShardReport {
  name: string; // the file it came from, for messages
  exercise: string;
  durationMs: number;
  results: StudentResult[];
  shard: ShardInfo;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isShardInfo(v: unknown): v is ShardInfo {
  if (!isRecord(v)) return false;
  const { index, count, rows, positions } = v;
  return [index, count, rows].every(Number.isInteger) && Array.isArray(positions) && positions.every(Number.isInteger);
}

/** A shard's JSON report as written by `ec2-lab grade --format json --shard i/n`, or a clear error. */
function parseShardReport(name: string, text: string): ShardReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GradeInputError(`${name} is not JSON: merge reads the reports of \`ec2-lab grade --format json --shard i/n\``);
  }
  if (!isRecord(value) || typeof value.exercise !== 'string' || !Array.isArray(value.results)) {
    throw new GradeInputError(`${name} is not a report of \`ec2-lab grade --format json\``);
  }
  if (!isShardInfo(value.shard)) throw new GradeInputError(`${name} is not a shard's report: grade each shard with --shard i/n --format json`);
  if (value.shard.positions.length !== value.results.length) throw new GradeInputError(`${name} is damaged: ${value.results.length} rows but ${value.shard.positions.length} positions`);
  // A JSON report's row is { student, ...result } (reports.ts): split it back.
  const results = (value.results as Record<string, unknown>[]).map(({ student, ...result }) => ({ student: String(student), result: result as unknown as StudentResult['result'] }));
  return { name, exercise: value.exercise, durationMs: Number(value.durationMs) || 0, results, shard: value.shard };
}

/** Every shard present once, of one exercise list and one matrix, covering every row once. */
function checkShards(reports: ShardReport[]): void {
  const [first] = reports;
  const byIndex = new Map<number, string>();
  for (const report of reports) {
    if (report.exercise !== first.exercise) throw new GradeInputError(`reports of different exercises: ${first.name} is ${first.exercise}, ${report.name} is ${report.exercise}`);
    const { index, count, rows } = report.shard;
    if (count !== first.shard.count) throw new GradeInputError(`${first.name} is shard ${first.shard.index}/${first.shard.count} but ${report.name} is shard ${index}/${count}: shards of one run share n`);
    if (rows !== first.shard.rows) throw new GradeInputError(`${first.name} and ${report.name} come from different classes (${first.shard.rows} and ${rows} rows in all)`);
    const twin = byIndex.get(index);
    if (twin) throw new GradeInputError(`overlapping shards: ${twin} and ${report.name} are both shard ${index}/${count}`);
    byIndex.set(index, report.name);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new GradeInputError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')}: give every shard's report`);
  const seen = new Set<number>();
  for (const report of reports) {
    for (const position of report.shard.positions) {
      if (position < 0 || position >= first.shard.rows || seen.has(position)) throw new GradeInputError(`overlapping or damaged shards: row ${position + 1} appears twice or out of range (${report.name})`);
      seen.add(position);
    }
  }
  if (seen.size !== first.shard.rows) throw new GradeInputError(`the shards hold ${seen.size} of ${first.shard.rows} rows: a shard's report is incomplete`);
}

/**
 * Joins the shards' JSON reports (file name and text) into the report of one unsharded run: the same rows in
 * the same order. Its duration is the longest shard's, as the shards ran side by side.
 */
export function mergeShardReports(files: { name: string; text: string }[]): { exercise: string; results: StudentResult[]; durationMs: number } {
  if (files.length === 0) throw new GradeInputError('give the JSON reports of the shards to merge');
  const reports = files.map((f) => parseShardReport(f.name, f.text));
  checkShards(reports);
  const rows: StudentResult[] = new Array<StudentResult>(reports[0].shard.rows);
  for (const report of reports) report.results.forEach((row, i) => (rows[report.shard.positions[i]] = row));
  return { exercise: reports[0].exercise, results: rows, durationMs: Math.max(...reports.map((r) => r.durationMs)) };
}
