// No lesson text (any language), glossary entry or lesson-component string may share a run of 8 words with
// the seed texts, after lower-casing and stripping punctuation (content/lessons/AUTHORING.md, rule 6).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, repoRoot } from './lesson-files.ts';
import { hashedSeedRuns, seedRunsFile, seedTexts } from './seed-runs.ts';
import { hashRun, runs } from './shingles.ts';

const seedHashes = new Set<string>(JSON.parse(readFileSync(seedRunsFile, 'utf8')) as string[]);

function copiedRuns(text: string): string[] {
  return [...runs(text)].filter((run) => seedHashes.has(hashRun(run)));
}

const glossaryDir = join(repoRoot, 'content/glossary');
const texts: Array<{ path: string; text: string }> = [
  ...lessonFiles().map((l) => ({ path: l.path, text: l.source })),
  ...readdirSync(glossaryDir).filter((n) => n.endsWith('.json')).map((n) => ({ path: `content/glossary/${n}`, text: readFileSync(join(glossaryDir, n), 'utf8') })),
  { path: 'src/components/lessons/i18n.ts', text: readFileSync(join(repoRoot, 'src/components/lessons/i18n.ts'), 'utf8') },
];

describe('no lesson copies the seeds', () => {
  it('has the seed runs to compare against', () => {
    expect(seedHashes.size).toBeGreaterThan(1000);
  });

  it.runIf(seedTexts().length > 0)('keeps seed-runs.json in step with the seed texts', () => {
    expect(hashedSeedRuns()).toEqual([...seedHashes].sort());
  });

  it.runIf(seedTexts().length > 0)('catches a sentence copied from a seed, in any case and punctuation', () => {
    const seed = seedTexts()[1].text;
    const sentence = seed.split(/(?<=\.)\s+/).find((s) => s.split(/\s+/).length > 12)!;
    const disguised = `Intro words here. ${sentence.toUpperCase().replace(/,/g, ' ;')} And more of ours.`;
    expect(copiedRuns(disguised).length).toBeGreaterThan(0);
    expect(copiedRuns('An instance is a virtual server that you rent by the hour from the cloud.')).toEqual([]);
  });

  it('finds lesson files in every language', () => {
    expect(texts.filter((t) => t.path.startsWith('content/lessons/')).length).toBeGreaterThanOrEqual(3);
  });

  for (const { path, text } of texts) {
    it(`${path} shares no run of 8 words with a seed`, () => {
      const copied = copiedRuns(text);
      expect(copied, `${path} repeats seed wording:\n  ${copied.join('\n  ')}`).toEqual([]);
    });
  }

  it('the seeds folder, when present, is where the fixture came from', () => {
    // In CI the seeds are absent and only the hashes are used; locally both exist.
    if (!existsSync('/work/shared/seeds')) return expect(seedHashes.size).toBeGreaterThan(0);
    expect(seedTexts().length).toBe(5);
  });
});
