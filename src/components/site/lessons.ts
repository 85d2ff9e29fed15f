// The lessons of one locale, in reading order, with their URL slug. Pages use this instead of calling
// getCollection('lessons') themselves so the id -> slug rule lives in one place (lesson-ids.ts).
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../i18n/locales.ts';
import { parseLessonId } from './lesson-ids.ts';

export interface Lesson {
  slug: string;
  locale: Locale;
  entry: CollectionEntry<'lessons'>;
}

export async function getLessons(locale?: Locale): Promise<Lesson[]> {
  const entries = await getCollection('lessons');
  const lessons: Lesson[] = [];
  for (const entry of entries) {
    const ref = parseLessonId(entry.id);
    if (!ref) throw new Error(`Lesson ${entry.id}: expected content/lessons/<locale>/NN-slug.mdx`);
    if (!locale || ref.locale === locale) lessons.push({ slug: ref.slug, locale: ref.locale, entry });
  }
  return lessons.sort((a, b) => a.entry.data.order - b.entry.data.order || a.slug.localeCompare(b.slug));
}
