// The teacher's token: `ec2-lab class create` prints a dashboard link ending in #teacher=<token>. A fragment
// never reaches a server (no access log keeps it); the page moves it into sessionStorage (this tab only,
// gone when the tab closes) and takes it out of the address bar, so a screen share or a copied link does
// not show it.
type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

const key = (code: string) => `ec2lab:teacher:${code}`;

/** The token from `#teacher=...` (URL-encoded or not), or undefined. */
export function tokenFromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('teacher')?.trim();
  return token ? token : undefined;
}

/** The token for a class: from the fragment (then kept), else the one kept earlier in this tab. */
export function teacherToken(code: string, hash: string, storage: SessionStore | undefined): string | undefined {
  const fromLink = tokenFromFragment(hash);
  if (fromLink) {
    try {
      storage?.setItem(key(code), fromLink);
    } catch {
      // sessionStorage refused: the token still works for this page view.
    }
    return fromLink;
  }
  return storage?.getItem(key(code)) ?? undefined;
}
