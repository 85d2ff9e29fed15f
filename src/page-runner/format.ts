// Turns console.log's arguments into a line of text, roughly as Node prints them: strings as they are,
// everything else as compact JSON (functions, symbols and cycles by name).
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'function') return `[Function: ${value.name || '(anonymous)'}]`;
  if (typeof value !== 'object' || value === null) return String(value);
  const seen = new WeakSet<object>();
  try {
    return JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === 'bigint') return `${inner}n`;
      if (typeof inner === 'object' && inner !== null) {
        if (seen.has(inner)) return '[Circular]';
        seen.add(inner);
      }
      return inner;
    });
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function formatArgs(args: unknown[]): string {
  return args.map(show).join(' ');
}
