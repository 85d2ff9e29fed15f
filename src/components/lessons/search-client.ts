// Browser side of <Search>: loads Pagefind's bundle from the built site and lists the matches of what the
// learner types. Pagefind picks the index of the page's <html lang>, so results stay in the page's language.

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
  const countTemplate = root.querySelector<HTMLTemplateElement>('[data-count-template]')!.innerHTML;

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
    status.textContent = countTemplate.replace('{count}', String(found?.results.length ?? 0)).replace('{term}', term);
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
