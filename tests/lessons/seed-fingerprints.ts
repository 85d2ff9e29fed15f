// The data of the no-copy rule: a fingerprint (short hash) of every 8-word run of the seed texts. The seeds
// live outside the repository and none of their sentences may enter it, so only the fingerprints are
// committed (seed-fingerprints.json, written by `npx tsx scripts/seed-fingerprints.ts`), and lessons are
// checked against them in every checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lesson-files.ts';
import { hashRun, RUN_LENGTH, runs } from './shingles.ts';

export interface SeedFingerprints {
  /** words per run; a file made with another length is refused rather than silently matching nothing */
  runLength: number;
  seedFiles: number;
  /** sorted, unique */
  fingerprints: string[];
}

export const fingerprintsFile = join(repoRoot, 'tests/lessons/seed-fingerprints.json');

/** Where the seed texts are, when a checkout has them: EC2LAB_SEEDS_DIR, else `shared/seeds` beside the repository. */
export const seedDir = process.env.EC2LAB_SEEDS_DIR ?? join(repoRoot, '../shared/seeds');

export function seedTexts(dir = seedDir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

export function fingerprint(texts: string[]): SeedFingerprints {
  const all = new Set<string>();
  for (const text of texts) for (const run of runs(text)) all.add(hashRun(run));
  return { runLength: RUN_LENGTH, seedFiles: texts.length, fingerprints: [...all].sort() };
}

export function readFingerprints(file = fingerprintsFile): SeedFingerprints {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SeedFingerprints;
  if (data.runLength !== RUN_LENGTH) throw new Error(`${file} has runs of ${data.runLength} words, the check uses ${RUN_LENGTH}: regenerate it`);
  return data;
}

/** The runs of `text` whose fingerprint is a seed's. */
export function copiedRuns(text: string, seeds: SeedFingerprints): string[] {
  const known = new Set(seeds.fingerprints);
  return [...runs(text)].filter((run) => known.has(hashRun(run)));
}
