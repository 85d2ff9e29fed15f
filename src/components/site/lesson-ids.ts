// Pure helpers that turn a lesson's collection id (`pt-br/01-what-is-ec2`) into its locale and slug, and
// order a locale's lessons. Kept apart from astro:content so unit tests can import them.
import { isLocale, type Locale } from '../../i18n/locales.ts';

export interface LessonRef {
  id: string;
  locale: Locale;
  /** File name without the NN- prefix: the URL segment, the same in every locale. */
  slug: string;
}

/** `en/01-what-is-ec2` -> { locale: 'en', slug: 'what-is-ec2' }; null for an id outside the layout. */
export function parseLessonId(id: string): LessonRef | null {
  const match = /^([a-z-]+)\/\d+-([a-z0-9-]+?)(?:\.mdx?)?$/.exec(id);
  if (!match || !isLocale(match[1])) return null;
  return { id, locale: match[1], slug: match[2] };
}

/** Neighbours of a lesson in reading order, for the previous / next links. */
export function neighbours<T>(ordered: readonly T[], index: number): { previous?: T; next?: T } {
  return { previous: index > 0 ? ordered[index - 1] : undefined, next: ordered[index + 1] };
}
