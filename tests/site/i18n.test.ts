import { describe, expect, it } from 'vitest';
import { htmlLang, isLocale, localeNames, locales } from '../../src/i18n/locales.ts';
import { localeForTag, parseAcceptLanguage, pickLocale, pickLocaleFromHeader } from '../../src/i18n/negotiate.ts';
import { fill, translator } from '../../src/i18n/translate.ts';
import { ui, type UiKey } from '../../src/i18n/ui.ts';

// Strings that are the same in every language on purpose (a product name).
const sameInEveryLocale = new Set<UiKey>(['site.name']);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  const keys = Object.keys(ui.en) as UiKey[];

  it('has every key, non-empty, in every locale', () => {
    for (const locale of locales) {
      expect(Object.keys(ui[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) expect(ui[locale][key].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('leaves no English string in pt-br or es', () => {
    for (const locale of ['pt-br', 'es'] as const) {
      const leaked = keys.filter((key) => !sameInEveryLocale.has(key) && ui[locale][key] === ui.en[key]);
      expect(leaked, `${locale} keys still in English`).toEqual([]);
    }
  });

  it('keeps the same placeholders in every translation', () => {
    for (const locale of locales) {
      for (const key of keys) expect(placeholders(ui[locale][key]), `${locale} ${key}`).toEqual(placeholders(ui.en[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Lesson {n} of {total}', { n: 2, total: 7 })).toBe('Lesson 2 of 7');
    expect(fill('Quiz {correct}/{total}', { correct: 1 })).toBe('Quiz 1/{total}');
    expect(translator(ui, 'es')('lesson.numberOfTotal', { n: 1, total: 7 })).toBe('Lección 1 de 7');
  });

  it('names each locale and gives it a BCP 47 tag for <html lang>', () => {
    expect(htmlLang).toEqual({ en: 'en', 'pt-br': 'pt-BR', es: 'es' });
    for (const locale of locales) expect(localeNames[locale]).toBeTruthy();
    expect(isLocale('pt-br')).toBe(true);
    expect(isLocale('pt-BR')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('language negotiation', () => {
  it('parses Accept-Language by quality, then order, dropping q=0 and *', () => {
    expect(parseAcceptLanguage('fr;q=0.5, es-MX, en;q=0.8, de;q=0, *;q=0.1')).toEqual(['es-MX', 'en', 'fr']);
    expect(parseAcceptLanguage('')).toEqual([]);
    expect(parseAcceptLanguage('pt-BR;q=abc')).toEqual([]);
  });

  it('maps regional tags to the course locales', () => {
    expect(localeForTag('pt-PT')).toBe('pt-br');
    expect(localeForTag('PT-br')).toBe('pt-br');
    expect(localeForTag('es-419')).toBe('es');
    expect(localeForTag('en-GB')).toBe('en');
    expect(localeForTag('fr-CA')).toBeNull();
  });

  it('picks the first language the course speaks, else English', () => {
    expect(pickLocale(['fr', 'de', 'es-AR', 'en'])).toBe('es');
    expect(pickLocale(['ja'])).toBe('en');
    expect(pickLocaleFromHeader('pt-BR,pt;q=0.9,en-US;q=0.8')).toBe('pt-br');
    expect(pickLocaleFromHeader('fr-FR, es;q=0.7, en;q=0.9')).toBe('en');
    expect(pickLocaleFromHeader(undefined)).toBe('en');
    expect(pickLocaleFromHeader(';;,,q=1')).toBe('en');
  });
});
