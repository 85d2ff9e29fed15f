// No lesson text (any language), glossary entry or lesson-component string may share a run of 8 words with
// the seed texts, after lower-casing and stripping punctuation (content/lessons/AUTHORING.md, rule 6).
// The check runs in every checkout against the committed fingerprints of the seeds (seed-fingerprints.ts);
// where the seed texts themselves are present, it also checks the fingerprints are up to date.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonFiles, repoRoot } from './lesson-files.ts';
import { copiedRuns, fingerprint, readFingerprints, seedTexts, type SeedFingerprints } from './seed-fingerprints.ts';
import { RUN_LENGTH } from './shingles.ts';

const committed = readFingerprints();
const glossaryDir = join(repoRoot, 'content/glossary');
const texts: Array<{ path: string; text: string }> = [
  ...lessonFiles().map((l) => ({ path: l.path, text: l.source })),
  ...readdirSync(glossaryDir).filter((n) => n.endsWith('.json')).map((n) => ({ path: `content/glossary/${n}`, text: readFileSync(join(glossaryDir, n), 'utf8') })),
  { path: 'src/i18n/lesson-strings.ts', text: readFileSync(join(repoRoot, 'src/i18n/lesson-strings.ts'), 'utf8') },
];

const scratch = mkdtempSync(join(tmpdir(), 'ec2-lab-no-copy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a real lesson with `sentence` planted in its middle, as a careless author might paste it. */
function lessonCopyWith(sentence: string): string {
  const lesson = lessonFiles()[0];
  const file = join(scratch, `planted-${Math.random().toString(36).slice(2)}.mdx`);
  copyFileSync(lesson.file, file);
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.splice(Math.floor(lines.length / 2), 0, '', sentence, '');
  writeFileSync(file, lines.join('\n'));
  return readFileSync(file, 'utf8');
}

/** The same words with other case and punctuation: the check must still see them. */
const disguise = (sentence: string): string => sentence.toUpperCase().replace(/,/g, ' ;').replace(/\.$/, '!');

describe('the committed seed fingerprints', () => {
  it('are a real fingerprint set of runs of the length the check uses', () => {
    expect(committed.runLength).toBe(RUN_LENGTH);
    expect(committed.seedFiles).toBeGreaterThanOrEqual(5);
    expect(committed.fingerprints.length).toBeGreaterThan(1000);
    expect(committed.fingerprints.every((f) => /^[0-9a-f]{16}$/.test(f))).toBe(true);
    expect(committed.fingerprints).toEqual([...new Set(committed.fingerprints)].sort());
  });
});

describe('the no-copy check can fail', () => {
  // A made-up seed, in our own words, fingerprinted the way the real seeds are.
  const madeUpSeed = 'Every lighthouse keeper logs the passing ships at dusk. The logbook stays on the third shelf of the tower, next to the spare lamp and the tide tables for the whole winter.';
  const madeUp: SeedFingerprints = fingerprint([madeUpSeed]);

  it('flags a seed sentence planted in a copy of a lesson, in any case and punctuation', () => {
    const planted = lessonCopyWith(disguise('The logbook stays on the third shelf of the tower, next to the spare lamp.'));
    expect(copiedRuns(planted, madeUp).length).toBeGreaterThan(0);
  });

  it('does not flag the same lesson without it, nor a sentence sharing fewer than 8 words in a row', () => {
    expect(copiedRuns(lessonCopyWith(''), madeUp)).toEqual([]);
    expect(copiedRuns(lessonCopyWith('The logbook stays on the third shelf, beside our own words.'), madeUp)).toEqual([]);
  });

  it.runIf(seedTexts().length > 0)('flags a real seed sentence planted in a lesson copy, with the committed fingerprints', () => {
    const sentence = seedTexts()[1].split(/(?<=\.)\s+/).find((s) => s.split(/\s+/).length > 12)!;
    expect(copiedRuns(lessonCopyWith(disguise(sentence)), committed).length).toBeGreaterThan(0);
  });

  it.runIf(seedTexts().length > 0)('has fingerprints up to date with the seed texts here (else: npx tsx scripts/seed-fingerprints.ts)', () => {
    expect(fingerprint(seedTexts())).toEqual(committed);
  });
});

describe('no lesson copies the seeds', () => {
  it('finds lesson files in every language', () => {
    expect(texts.filter((t) => t.path.startsWith('content/lessons/')).length).toBeGreaterThanOrEqual(3);
  });

  for (const { path, text } of texts) {
    it(`${path} shares no run of 8 words with a seed`, () => {
      const copied = copiedRuns(text, committed);
      expect(copied, `${path} repeats seed wording:\n  ${copied.join('\n  ')}`).toEqual([]);
    });
  }
});
