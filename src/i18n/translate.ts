// The one way to look up interface text, for the site, the sandbox, the viz and the lessons' components.
// Each room keeps its own string table (so a client bundle carries only the strings it shows); every table
// goes through translator() and its `t(key, values)`.
//
// An entry is a text with `{name}` placeholders, or a plural entry: one text per plural category
// (CLDR's one/few/many/other...) that `Intl.PluralRules` of the locale can pick; `values.count` picks it.
// tests/site/i18n-keys.test.ts checks that every used key exists, every key is used, and every plural
// entry has the categories its locale needs.
import { htmlLang, type Locale } from './locales.ts';

/** One text per plural category; `other` is always required. */
type PluralEntry = { readonly [Category in Intl.LDMLPluralRule]?: string } & { readonly other: string };
export type Entry = string | PluralEntry;
export type Values = Readonly<Record<string, string | number>>;
/** A locale's table shaped by the English one: a text where English has a text, plural forms where it has them. */
export type TableLike<En> = { readonly [K in keyof En]: En[K] extends string ? string : PluralEntry };
/** A room's strings: the same keys in every locale. */
export type Tables<Key extends string> = Readonly<Record<Locale, Readonly<Record<Key, Entry>>>>;
export type Translate<Key extends string> = (key: Key, values?: Values) => string;

/** Fills `{name}` placeholders: fill('Lesson {n}', { n: 2 }) -> 'Lesson 2'. Unknown placeholders stay visible. */
export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural rules of a BCP 47 language tag (cached: constructing them is the slow part). */
function pluralRulesOf(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}

/** The text of an entry for `count`: the entry itself, or its plural form for that count in `lang`. */
export function pickForm(entry: Entry, lang: string, count: number): string {
  if (typeof entry === 'string') return entry;
  return entry[pluralRulesOf(lang).select(count)] ?? entry.other;
}

/** Every text of an entry (one, or each plural form), for checks that look at all of a table's words. */
export function textsOf(entry: Entry): string[] {
  return typeof entry === 'string' ? [entry] : Object.values(entry).filter((text): text is string => typeof text === 'string');
}

/** The raw entry of a key, for a browser script that learns the count itself (it calls pickForm and fill). */
export function entryOf<Key extends string>(tables: Tables<Key>, locale: Locale, key: Key): Entry {
  return tables[locale][key];
}

/** `t` for one locale: const t = translator(vizStrings, locale); t('map.images', { count: 1 }) -> '1 AMI'. */
export function translator<Key extends string>(tables: Tables<Key>, locale: Locale): Translate<Key> {
  const table = tables[locale];
  return (key, values = {}) => fill(pickForm(table[key], htmlLang[locale], Number(values.count)), values);
}
