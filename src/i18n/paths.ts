// URLs of the site's pages, in one place so a base path (a GitHub Pages project site) or trailing-slash
// rule never has to be remembered by a page.
import type { Locale } from './locales.ts';

const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** A site path with the configured base: url('en/what-is-ec2/') -> '/en/what-is-ec2/'. */
export function url(path = ''): string {
  return base + path.replace(/^\//, '');
}

export function homePath(locale: Locale): string {
  return url(`${locale}/`);
}

export function lessonPath(locale: Locale, slug: string): string {
  return url(`${locale}/${slug}/`);
}
