// Writes tests/lessons/seed-fingerprints.json, the fingerprints of the seed texts' 8-word runs that the
// no-copy test checks every lesson against. Run it when the seeds change:
//   npx tsx scripts/seed-fingerprints.ts [seed folder]     (default: EC2LAB_SEEDS_DIR, else ../shared/seeds)
import { writeFileSync } from 'node:fs';
import { fingerprint, fingerprintsFile, seedDir, seedTexts } from '../tests/lessons/seed-fingerprints.ts';

const dir = process.argv[2] ?? seedDir;
const texts = seedTexts(dir);
if (texts.length === 0) {
  console.error(`no seed texts (*.txt) in ${dir}: pass the seed folder, or set EC2LAB_SEEDS_DIR`);
  process.exit(2);
}
const result = fingerprint(texts);
writeFileSync(fingerprintsFile, `${JSON.stringify(result)}\n`);
console.log(`wrote ${result.fingerprints.length} fingerprints of ${texts.length} seed texts to ${fingerprintsFile}`);
