// Finds the source of each test (`test('name', ...)` or `it(...)`) in a test file, for results.json's
// `test_code`. A small scanner, not a parser: it skips strings, template literals and comments while
// matching brackets, which is all our own test files need.

/** Index just past the string literal starting at `start` (a quote or backtick). */
function skipString(source: string, start: number): number {
  const quote = source[start];
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && source[i + 1] === '{') i = matchBracket(source, i + 1) + 1;
    else i++;
  }
  return i;
}

/** Index of the bracket closing the one at `open` ((, [ or {). */
function matchBracket(source: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < source.length) {
    const c = source[i];
    if (c === '"' || c === "'" || c === '`') {
      i = skipString(source, i);
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return source.length - 1;
}

function readStringLiteral(source: string, start: number): string | undefined {
  const end = skipString(source, start);
  const raw = source.slice(start, end);
  if (raw[0] === '`') return raw.includes('${') ? undefined : raw.slice(1, -1);
  try {
    return JSON.parse(raw[0] === "'" ? `"${raw.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : raw) as string;
  } catch {
    return undefined;
  }
}

/**
 * Test id (or literal title) -> the source of its `test(...)` call. The exercises name a test by its stable
 * id through the kit, `test(title('count'), ...)`; a literal `test('a title', ...)` is keyed by its title.
 */
export function testSources(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const call = /\b(?:test|it)(?:\.(?:concurrent|sequential))?\s*\(\s*(?:title\(\s*)?(['"`])/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    const titleStart = match.index + match[0].length - 1;
    const title = readStringLiteral(source, titleStart);
    if (title === undefined || found.has(title)) continue;
    const open = source.indexOf('(', match.index);
    const close = matchBracket(source, open);
    found.set(title, source.slice(match.index, close + 1) + (source[close + 1] === ';' ? ';' : ''));
  }
  return found;
}

/** The source of the test with this id (or, for a literal title, "describe > title"), or '' when not found. */
export function testCodeFor(sources: Map<string, string>[], idOrName: string): string {
  const title = idOrName.split(' > ').pop() ?? idOrName;
  for (const map of sources) {
    const code = map.get(title);
    if (code) return code;
  }
  return '';
}
