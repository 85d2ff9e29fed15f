// Picks the course language for a visitor from what the browser says it prefers (Accept-Language or
// navigator.languages). Shared by the server's `/` redirect and tested directly; the static `/` page has an
// inline copy of the same few lines (it must run before any bundle loads).
import { defaultLocale, isLocale, type Locale } from './locales.ts';

/** Maps one language tag to a course locale: pt-* -> pt-br, es-* -> es, en-* -> en; anything else -> null. */
export function localeForTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (isLocale(lower)) return lower;
  const primary = lower.split('-')[0];
  if (primary === 'pt') return 'pt-br';
  if (primary === 'es') return 'es';
  if (primary === 'en') return 'en';
  return null;
}

/** Parses an Accept-Language header ("pt-BR,pt;q=0.9,en;q=0.8") into tags, best first; q=0 entries dropped. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The first preferred tag the course speaks, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

export function pickLocaleFromHeader(acceptLanguage: string | undefined): Locale {
  return pickLocale(parseAcceptLanguage(acceptLanguage ?? ''));
}
