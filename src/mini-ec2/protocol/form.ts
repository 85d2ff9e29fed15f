// Parses an application/x-www-form-urlencoded body (or a URL query string) strictly: a bad percent
// escape or invalid UTF-8 is a MalformedQueryString error instead of being passed through silently
// (URLSearchParams would keep it), and a key given twice is refused instead of one copy winning.
import { protocolErrors } from './errors.ts';

export function parseForm(text: string): Map<string, string> {
  const params = new Map<string, string>();
  if (text === '') return params;
  for (const pair of text.split('&')) {
    if (pair === '') continue; // tolerate "a=1&&b=2" and a trailing "&", as form decoders do
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (key === '') throw protocolErrors.malformedQuery('a parameter has no name');
    if (params.has(key)) throw protocolErrors.duplicateParameter(key);
    params.set(key, value);
  }
  return params;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw protocolErrors.malformedQuery(`cannot decode '${part.slice(0, 64)}'`);
  }
}
