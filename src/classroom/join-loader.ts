// The page script of the "Join a class" form (src/components/site/JoinClass.astro): wires every form on the page.
import { isLocale } from '../i18n/locales.ts';
import { wireJoinForm } from './join-form.ts';
import type { Store } from './student-store.ts';

/** localStorage, or a store that refuses every write (blocked storage): joining then says it cannot keep the key. */
function localStorageOrRefusing(): Store {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => { throw new Error('storage is blocked'); } };
  }
}

export function startJoinForms(): void {
  const storage = localStorageOrRefusing();
  for (const root of document.querySelectorAll<HTMLElement>('[data-class-join]')) {
    const locale = isLocale(root.dataset.locale) ? root.dataset.locale : 'en';
    wireJoinForm(root, locale, storage, (input, init) => fetch(input, init));
  }
}
