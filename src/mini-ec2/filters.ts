/**
 * EC2 filter semantics, shared by every describe call.
 *
 * - Separate filters are ANDed; the values of one filter are ORed.
 * - Names and values are case-sensitive.
 * - In values, `*` matches any run of characters (including none), `?` exactly one, and `\` escapes the
 *   next character (so `\*` is a literal star).
 * - A resource attribute may have several values (tags, block devices): a filter matches when any value
 *   of the attribute matches any of the filter's values.
 * Each describe call passes a table from filter name to a function returning a resource's values.
 */
import { Errors } from './errors.ts';
import { isWellFormedId, type IdPrefix } from './ids.ts';

export interface Filter {
  Name?: string;
  Values?: string[];
}

/** A filter's values for one resource; `undefined` means "attribute absent", which never matches. */
type FilterValues = string | readonly string[] | undefined;
export type FilterTable<R> = Record<string, (resource: R) => FilterValues>;

const patternCache = new Map<string, (value: string) => boolean>();

/** Compiles one filter value into a matcher; plain values (the common case) compare directly. */
function compilePattern(pattern: string): (value: string) => boolean {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  let matcher: (value: string) => boolean;
  if (!/[*?\\]/.test(pattern)) {
    matcher = (v) => v === pattern;
  } else {
    let source = '^';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
      else if (ch === '*') source += '[\\s\\S]*';
      else if (ch === '?') source += '[\\s\\S]';
      else source += escapeRegExp(ch);
    }
    const re = new RegExp(source + '$');
    matcher = (v) => re.test(v);
  }
  if (patternCache.size > 5000) patternCache.clear();
  patternCache.set(pattern, matcher);
  return matcher;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

export interface CompiledFilter<R> {
  values: (resource: R) => FilterValues;
  matchers: ((value: string) => boolean)[];
}

/**
 * Checks filter names against the table (unknown name: InvalidParameterValue "The filter 'X' is
 * invalid") and compiles the values. `tag:<key>` is handled here for every resource with tags.
 */
export function compileFilters<R>(
  filters: readonly Filter[] | undefined,
  table: FilterTable<R>,
  tagsOf?: (resource: R) => readonly { Key?: string; Value?: string }[] | undefined,
): CompiledFilter<R>[] {
  if (!filters) return [];
  return filters.map((f) => {
    const name = f.Name ?? '';
    let values = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
    if (!values && tagsOf && name.startsWith('tag:') && name.length > 4) {
      const key = name.slice(4);
      values = (r: R) => tagsOf(r)?.filter((t) => t.Key === key).map((t) => t.Value ?? '');
    }
    if (!values) throw Errors.invalidFilter(name);
    return { values, matchers: (f.Values ?? []).map(compilePattern) };
  });
}

/** True when the resource passes every filter. */
export function matchesAll<R>(resource: R, filters: readonly CompiledFilter<R>[]): boolean {
  for (const f of filters) {
    const raw = f.values(resource);
    if (raw === undefined) return false;
    const values = typeof raw === 'string' ? [raw] : raw;
    let hit = false;
    for (let i = 0; i < values.length && !hit; i++) {
      for (let j = 0; j < f.matchers.length; j++) {
        if (f.matchers[j](values[i])) {
          hit = true;
          break;
        }
      }
    }
    if (!hit) return false;
  }
  return true;
}

/**
 * The records a describe call names by ID, in the table's order. Every ID is checked for form before any
 * is looked up, as EC2 does: a malformed ID is reported even when an earlier one does not exist.
 */
export function selectByIds<R extends { id: string }>(
  table: Record<string, R>,
  ids: readonly string[],
  prefix: IdPrefix,
  malformed: (id: string) => Error,
  notFound: (id: string) => Error,
): R[] {
  for (const id of ids) if (!isWellFormedId(id, prefix)) throw malformed(id);
  for (const id of ids) if (!table[id]) throw notFound(id);
  const wanted = new Set(ids);
  return Object.values(table).filter((r) => wanted.has(r.id));
}
