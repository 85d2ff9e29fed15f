// Lesson components learn the page's language and lesson from its URL (/<locale>/<slug>/), so an MDX author
// never has to pass them: `<Term id="ami">AMI</Term>` reads the same in every language file.
import { defaultLocale, isLocale, type Locale } from '../../i18n/locales.ts';
import { url } from '../../i18n/paths.ts';

/** The path segments after the site's base path: '/base/pt-br/what-is-ec2/' -> ['pt-br', 'what-is-ec2']. */
function segments(pathname: string, base: string): string[] {
  const withoutBase = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return withoutBase.split('/').filter(Boolean);
}

export function localeFromPath(pathname: string, base = '/'): Locale {
  const first = segments(pathname, base)[0];
  return isLocale(first) ? first : defaultLocale;
}

/** The lesson slug of a lesson page, or '' when the page is not a lesson. */
export function lessonSlugFromPath(pathname: string, base = '/'): string {
  const [first, second] = segments(pathname, base);
  return isLocale(first) && second ? second : '';
}

/** The site's base path ('/' unless the site is served from a sub-folder), as the site's paths.ts knows it. */
export function siteBase(): string {
  return url('');
}
