// The glossary has the same terms in every language, every <Term id> a lesson uses exists, and every lesson
// explains at least a few terms on first use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseLocales, lessonFiles, repoRoot } from './lesson-files.ts';

type Glossary = Record<string, { term: string; definition: string }>;
const glossary = (locale: string) => JSON.parse(readFileSync(join(repoRoot, 'content/glossary', `${locale}.json`), 'utf8')) as Glossary;
const termIds = (source: string) => [...source.matchAll(/<Term id="([^"]+)">/g)].map((m) => m[1]);

describe('glossary', () => {
  const ids = Object.keys(glossary('en')).sort();

  for (const locale of courseLocales) {
    it(`${locale}: has every term, each with a term and a definition`, () => {
      const g = glossary(locale);
      expect(Object.keys(g).sort()).toEqual(ids);
      for (const [id, entry] of Object.entries(g)) {
        expect(entry.term.trim(), `${locale} ${id}`).not.toBe('');
        expect(entry.definition.trim().length, `${locale} ${id}`).toBeGreaterThan(20);
      }
    });
  }

  it('in pt-br and es, definitions are written in that language, not copied from English', () => {
    const en = glossary('en');
    for (const locale of ['pt-br', 'es']) {
      for (const [id, entry] of Object.entries(glossary(locale))) expect(entry.definition, `${locale} ${id}`).not.toBe(en[id].definition);
    }
  });

  for (const lesson of lessonFiles()) {
    it(`${lesson.path} uses only known terms, and some`, () => {
      const used = termIds(lesson.source);
      expect(used.length, `${lesson.path} explains no glossary term`).toBeGreaterThanOrEqual(2);
      expect(used.filter((id) => !ids.includes(id)), `${lesson.path} uses unknown terms`).toEqual([]);
    });
  }

  it('the key terms of the course are explained in every language', () => {
    for (const locale of courseLocales) {
      const used = new Set(lessonFiles().filter((l) => l.locale === locale).flatMap((l) => termIds(l.source)));
      for (const id of ['instance', 'ami', 'hypervisor', 'root-device-volume', 'region', 'instance-type']) {
        expect(used.has(id), `${locale} never explains ${id}`).toBe(true);
      }
    }
  });
});
