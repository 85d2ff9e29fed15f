// The seed texts' 8-word runs, hashed. The seeds live outside the repository (/work/shared/seeds), and the
// project must not hold their sentences, so CI compares lessons against seed-runs.json: the run hashes.
// Regenerate with `npx tsx tests/lessons/seed-runs.ts [seedDir]` when the seeds change.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashRun, runs } from './shingles.ts';

export const seedDir = process.env.EC2LAB_SEEDS_DIR ?? '/work/shared/seeds';
export const seedRunsFile = new URL('./seed-runs.json', import.meta.url).pathname;

export function seedTexts(dir = seedDir): Array<{ name: string; text: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export function hashedSeedRuns(dir = seedDir): string[] {
  const all = new Set<string>();
  for (const { text } of seedTexts(dir)) for (const run of runs(text)) all.add(hashRun(run));
  return [...all].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hashes = hashedSeedRuns(process.argv[2] ?? seedDir);
  if (hashes.length === 0) throw new Error(`no seed texts found in ${process.argv[2] ?? seedDir}`);
  writeFileSync(seedRunsFile, JSON.stringify(hashes) + '\n');
  console.log(`wrote ${hashes.length} run hashes to ${seedRunsFile}`);
}
