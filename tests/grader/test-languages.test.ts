// Issue 14: the learner's feedback in every language, joined by a stable test id. Every exercise gives each
// test id a title in en, pt-br and es (unique per language, so a reported title finds its id again), its
// failure messages in three tables with the same keys, and its starter and solution in every language with
// the same code (only the comments are translated).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../exercises/_kit/lang.ts';
import { kitMessages } from '../../exercises/_kit/kit-messages.ts';
import { listExercises, loadExercise, manifestProblems } from '../../src/grader/index.ts';
import { locales } from '../../src/i18n/locales.ts';
import { repoRoot } from './run-cli.ts';

const ids = listExercises().map((e) => e.id);

/** The code of a TypeScript source, types included, comments left out (TypeScript's own parser and printer). */
function codeOnly(source: string): string {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

const commentsOf = (source: string) => source.split('\n').filter((line) => /\/\/ \S|^\s*(\/\*\*|\*) \S/.test(line)).join('\n');

test("the kit's languages are the course's locales", () => {
  expect([...LANGUAGES]).toEqual([...locales]);
  for (const language of LANGUAGES) expect(Object.keys(kitMessages[language]).sort()).toEqual(Object.keys(kitMessages.en).sort());
});

describe.each(ids)('exercise %s', (id) => {
  test('every test id has a title in en, pt-br and es, unique per language', () => {
    const { points, titles } = loadExercise(id).manifest;
    expect(Object.keys(titles).sort()).toEqual(Object.keys(points).sort());
    for (const language of LANGUAGES) {
      const inLanguage = Object.keys(points).map((testId) => titles[testId]?.[language]);
      for (const [i, title] of inLanguage.entries()) expect(title?.trim(), `${Object.keys(points)[i]} in ${language}`).toBeTruthy();
      expect(new Set(inLanguage).size, `${language} titles are unique`).toBe(inLanguage.length);
      if (language !== 'en') expect(inLanguage, `${language} titles are translated`).not.toEqual(Object.keys(points).map((t) => titles[t].en));
    }
  });

  test('its failure messages have the same keys in every language, and are translated', async () => {
    const { messages } = (await import(path.join(repoRoot, 'exercises', id, 'tests', 'messages.ts'))) as { messages: Record<string, Record<string, unknown>> };
    expect(Object.keys(messages).sort()).toEqual([...LANGUAGES].sort());
    const keys = Object.keys(messages.en).sort();
    for (const language of LANGUAGES) expect(Object.keys(messages[language]).sort(), language).toEqual(keys);
    const texts = (language: string) => keys.map((k) => (typeof messages[language][k] === 'string' ? messages[language][k] : String(messages[language][k])));
    for (const language of ['pt-br', 'es']) expect(texts(language).filter((text, i) => text === texts('en')[i]).length, language).toBeLessThan(keys.length / 4);
  });

  test('its starter and solution have the same code in every language, with translated comments', () => {
    const exercise = loadExercise(id);
    for (const [kind, byLanguage] of [['starter', exercise.starters], ['solution', exercise.solutions]] as const) {
      for (const file of exercise.manifest.files) {
        const english = byLanguage.en[file];
        for (const language of ['pt-br', 'es'] as const) {
          const where = `${kind}/${language}/${file}`;
          expect(codeOnly(byLanguage[language][file]), where).toBe(codeOnly(english));
          if (commentsOf(english)) expect(commentsOf(byLanguage[language][file]), where).not.toEqual(commentsOf(english));
        }
      }
    }
  });
});

test('the manifest check rejects a missing translation and a title shared by two tests', () => {
  const manifest = structuredClone(loadExercise('launch').manifest) as unknown as { titles: Record<string, Record<string, string>> };
  delete manifest.titles.count['pt-br'];
  manifest.titles.tags.es = manifest.titles['same-ami'].es;
  expect(manifestProblems(manifest, 'launch')).toEqual([
    'titles["count"].pt-br is missing',
    `titles["tags"].es "${manifest.titles.tags.es}" is also the title of "same-ami"`,
  ]);
});

test('every exercise folder is checked', () => {
  const folders = readdirSync(path.join(repoRoot, 'exercises'), { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_'));
  expect(folders.map((d) => d.name).sort()).toEqual([...ids].sort());
});
