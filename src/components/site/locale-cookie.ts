// The learner's chosen language, remembered in a cookie so the server's `/` redirect can read it too.
import { isLocale } from '../../i18n/locales.ts';

const LOCALE_COOKIE = 'ec2lab_locale';

export function rememberLocale(locale: string): void {
  if (!isLocale(locale)) return;
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
}
