// Every fact of COURSE.md (F1..F17) is taught in every language, and every language has the same lessons
// with the same facts and exercises as English (the frontmatter is the record of what a lesson teaches).
import { describe, expect, it } from 'vitest';
import { allFactIds, courseLocales, frontmatter, lessonFiles, lessonSlugs, listField, scalarField } from './lesson-files.ts';

const files = lessonFiles();

describe('fact coverage', () => {
  for (const locale of courseLocales) {
    it(`${locale}: the lessons together cover F1..F17`, () => {
      const covered = new Set(files.filter((f) => f.locale === locale).flatMap((f) => listField(frontmatter(f.source), 'facts')));
      const missing = allFactIds.filter((id) => !covered.has(id));
      expect(missing, `${locale} lessons do not cover ${missing.join(', ')}`).toEqual([]);
    });

    it(`${locale}: has the seven lessons`, () => {
      expect(files.filter((f) => f.locale === locale).map((f) => f.slug)).toEqual([...lessonSlugs]);
    });
  }

  for (const en of files.filter((f) => f.locale === 'en')) {
    for (const locale of courseLocales.filter((l) => l !== 'en')) {
      it(`${locale}/${en.slug} teaches the same facts and exercise as English`, () => {
        const other = files.find((f) => f.locale === locale && f.slug === en.slug);
        expect(other, `content/lessons/${locale} has no ${en.slug}`).toBeDefined();
        const [a, b] = [en, other!].map((f) => frontmatter(f.source));
        expect(listField(b, 'facts')).toEqual(listField(a, 'facts'));
        expect(scalarField(b, 'exercise')).toBe(scalarField(a, 'exercise'));
      });
    }
  }

  it('reads facts in both YAML list styles', () => {
    expect(listField('facts: [F1, F2]', 'facts')).toEqual(['F1', 'F2']);
    expect(listField('facts:\n  - F3\n  - F4\n', 'facts')).toEqual(['F3', 'F4']);
  });
});
