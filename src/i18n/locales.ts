// The course's languages. Every page lives under /<locale>/; the slug of a lesson is the same in every locale.
export const locales = ['en', 'pt-br', 'es'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** BCP 47 tag for <html lang> and hreflang (the URL segment is lower case, the tag is not). */
export const htmlLang: Record<Locale, string> = { en: 'en', 'pt-br': 'pt-BR', es: 'es' };

/** Each language named in itself, as a language switcher shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', 'pt-br': 'Português (Brasil)', es: 'Español' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
