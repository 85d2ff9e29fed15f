// The language of the learner's feedback: test titles, failure messages and the kit's own explanations.
// One choice per test file, made before the file is imported:
//   - the page runner's judge calls useLanguage(start.lang) (the page's locale);
//   - the CLI grader writes the submission's language into its limits.json, and _kit/setup.ts calls
//     useLanguage(limitsFor(testPath).lang) before every test file (one vitest serves every language);
//   - elsewhere (an assignment folder's `npm test`, a WebContainer) the EC2LAB_LANG environment variable.
// Pure apart from reading that variable where a `process` exists, so it runs in the browser too.

/** The course's languages (the same list as src/i18n/locales.ts; tests/grader/test-languages.test.ts compares them). */
export const LANGUAGES = ['en', 'pt-br', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized<T> = Record<Language, T>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A language named by a person (an option, a variable): a clear error naming the accepted values otherwise. */
export function parseLanguage(value: string, where: string): Language {
  if (isLanguage(value)) return value;
  throw new Error(`${where} must be one of ${LANGUAGES.join(', ')}, not "${value}"`);
}

let chosen: Language | undefined;

/** Sets the language of the test files imported from now on (the judge and _kit/setup.ts call this). */
export function useLanguage(language: Language | undefined): void {
  chosen = language;
}

function fromEnvironment(): Language | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.EC2LAB_LANG;
  return value ? parseLanguage(value, 'EC2LAB_LANG') : undefined;
}

/** The language of the current test file: the one chosen, else EC2LAB_LANG, else English. */
export function currentLanguage(): Language {
  return chosen ?? fromEnvironment() ?? 'en';
}

/** The current language's entry of a table with one entry per language. */
export function inLanguage<T>(table: Localized<T>): T {
  return table[currentLanguage()];
}

/**
 * A test's title in the current language, from its exercise's `titles` table (manifest.json):
 *   const title = titlesIn(manifest.titles);   test(title('count'), ...)
 * The grader joins results to points by the stable id through the same table.
 */
export function titlesIn<Id extends string>(titles: Record<Id, Localized<string>>): (id: Id) => string {
  const language = currentLanguage();
  return (id) => titles[id][language];
}

/** Picks the right plural form ("1 instance", "3 instances") with the language's own plural rules. */
export function plural(language: Language, count: number, forms: { one: string; other: string }): string {
  return new Intl.PluralRules(language).select(count) === 'one' ? forms.one : forms.other;
}
