// Browser side of <Search>: loads Pagefind's bundle from the built site and lists the matches of what the
// learner types. Pagefind picks the index of the page's <html lang>, so results stay in the page's language.
import { type Entry, fill, pickForm } from '../../i18n/translate.ts';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch?(term: string, options?: object, ms?: number): Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 10;

export async function setUpSearch(root: HTMLElement): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  // "{count} pages mention…" in every plural form; the count picks one.
  const countForms = JSON.parse(root.querySelector<HTMLElement>('[data-count-template]')?.dataset.forms ?? '""') as Entry;

  let pagefind: Pagefind;
  try {
    const bundle = `${root.dataset.bundle}pagefind.js`;
    pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  } catch {
    status.textContent = root.dataset.unavailable ?? '';
    input.disabled = true;
    return;
  }

  let latest = 0;
  const show = async (term: string) => {
    const ticket = ++latest;
    if (!term.trim()) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const found = await pagefind.search(term);
    const results = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has started
    const count = found?.results.length ?? 0;
    status.textContent = fill(pickForm(countForms, document.documentElement.lang, count), { count, term });
    list.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        const excerpt = document.createElement('p');
        excerpt.innerHTML = result.excerpt; // Pagefind escapes the page text and adds only <mark>
        item.append(link, excerpt);
        return item;
      }),
    );
  };

  input.addEventListener('input', () => void show(input.value));
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    await show(initial);
  }
}
