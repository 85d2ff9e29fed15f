// The glossary: one JSON file per language in content/glossary/, the same term ids in each. Lessons mark a
// term's first use with <Term id="...">; the glossary page lists every entry.
import type { Locale } from '../../i18n/locales.ts';
import en from '../../../content/glossary/en.json';
import ptBr from '../../../content/glossary/pt-br.json';
import es from '../../../content/glossary/es.json';

export interface GlossaryEntry {
  term: string;
  definition: string;
}

export type Glossary = Record<string, GlossaryEntry>;

export const glossaries: Record<Locale, Glossary> = { en, 'pt-br': ptBr, es };


export function glossaryEntry(locale: Locale, id: string): GlossaryEntry {
  const entry = glossaries[locale][id];
  if (!entry) throw new Error(`Glossary term '${id}' is missing in content/glossary/${locale}.json`);
  return entry;
}

/** The anchor of a term on the glossary page. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}

/** Entries sorted by their term in the language's own alphabetical order. */
export function sortedEntries(locale: Locale): Array<[string, GlossaryEntry]> {
  return Object.entries(glossaries[locale]).sort(([, a], [, b]) => a.term.localeCompare(b.term, locale));
}
