// Every interface string table against the code that looks its keys up (src/i18n/translate.ts):
// - every key the code uses exists in en, pt-br and es;
// - every key a table defines is used somewhere in src/ (a key nobody shows is dead text to translate);
// - every plural entry has exactly the forms its locale's Intl.PluralRules can pick.
// "Used" means: the key appears as a string literal in a source file, or a template literal `prefix.${…}` in
// a t() call covers it (e.g. t(`ways.${way}`)); TypeScript already checks such templates against the keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlLang, locales } from '../../src/i18n/locales.ts';
import type { Entry } from '../../src/i18n/translate.ts';
import { ui } from '../../src/i18n/ui.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { vizStrings } from '../../src/i18n/viz-strings.ts';
import { lessonStrings } from '../../src/i18n/lesson-strings.ts';
import { classStrings } from '../../src/i18n/class-strings.ts';

const repoRoot = new URL('../..', import.meta.url).pathname;

/** Each room's table, by the file that holds it (files importing that module look keys up in it). */
const tables: Record<string, Record<string, Record<string, Entry>>> = {
  'src/i18n/ui.ts': ui,
  'src/i18n/sandbox-strings.ts': sandboxStrings,
  'src/i18n/viz-strings.ts': vizStrings,
  'src/i18n/lesson-strings.ts': lessonStrings,
  'src/i18n/class-strings.ts': classStrings,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|astro|mdx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = sourceFiles('src')
  .filter((path) => !(path in tables))
  .map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') }));

/** Quoted strings shaped like a key ("area.name", "wizard.step.network"). */
function keyLiterals(text: string): string[] {
  return [...text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]);
}

/** Literal keys passed to t(), and the fixed prefixes of template keys (t(`ways.${way}`) gives "ways."). */
function tCalls(text: string): { keys: string[]; prefixes: string[] } {
  const keys = [...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const prefixes = [...text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)].map((m) => m[1]);
  return { keys, prefixes };
}

/** The tables a source file looks keys up in: those whose module it imports. */
function tablesOf(path: string, text: string): string[] {
  const imported = [...text.matchAll(/from '([^']+)'/g)].map((m) => relative(repoRoot, join(repoRoot, path, '..', m[1])));
  return Object.keys(tables).filter((table) => imported.includes(table));
}

describe('interface string tables', () => {
  it('have every key the code looks up, in every locale', () => {
    const missing: string[] = [];
    for (const { path, text } of sources) {
      const own = tablesOf(path, text);
      if (!own.length) continue; // not interface code (t() there is something else, e.g. an instance type table)
      for (const key of tCalls(text).keys) {
        for (const locale of locales) {
          if (!own.some((table) => key in tables[table][locale])) missing.push(`${path}: t('${key}') has no ${locale} text`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('define only keys the code uses', () => {
    const literals = new Set(sources.flatMap(({ text }) => keyLiterals(text)));
    const prefixes = sources.flatMap(({ text }) => tCalls(text).prefixes).filter((prefix) => prefix.length > 0);
    const unused = Object.entries(tables).flatMap(([file, table]) =>
      Object.keys(table.en)
        .filter((key) => !literals.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)))
        .map((key) => `${file}: ${key}`),
    );
    expect(unused).toEqual([]);
  });

  it('have the same keys in every locale', () => {
    for (const [file, table] of Object.entries(tables)) {
      for (const locale of locales) expect(Object.keys(table[locale]).sort(), `${file} ${locale}`).toEqual(Object.keys(table.en).sort());
    }
  });

  it('give each plural entry exactly the forms its locale needs (Intl.PluralRules)', () => {
    let plurals = 0;
    for (const [file, table] of Object.entries(tables)) {
      for (const locale of locales) {
        const needed = new Intl.PluralRules(htmlLang[locale]).resolvedOptions().pluralCategories.slice().sort();
        for (const [key, entry] of Object.entries(table[locale])) {
          if (typeof entry === 'string') continue;
          plurals++;
          expect(Object.keys(entry).sort(), `${file} ${locale} ${key}`).toEqual(needed);
          for (const form of Object.values(entry)) expect(form, `${file} ${locale} ${key}`).toContain('{count}');
        }
      }
    }
    // The live map's counts and the search's result count are plural entries in all three locales.
    expect(plurals).toBeGreaterThanOrEqual(9);
  });
});
