// A class code as people type it ("ab3 k7q", "AB3-K7Q") made into the server's form ("AB3K7Q"), and the
// check the join form makes before asking the server: six letters and digits (the server draws them from
// A-Z and 2-9 without lookalikes, so 0 and 1 never appear).
const CODE = /^[A-Z2-9]{6}$/;

export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function isClassCode(code: string): boolean {
  return CODE.test(code);
}

/** The class code in a dashboard address: /<locale>/class/<code>/ (with or without a site base path). */
export function codeFromPath(pathname: string): string | undefined {
  const match = /\/class\/([^/]+)\/?$/.exec(pathname);
  const code = match ? normalizeCode(decodeURIComponent(match[1])) : '';
  return isClassCode(code) ? code : undefined;
}
