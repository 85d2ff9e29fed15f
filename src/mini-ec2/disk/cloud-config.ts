/**
 * Reading the `#cloud-config` keys the model acts on: `packages` (a list of names), `runcmd` (a list of
 * shell lines, or of argument lists) and `write_files` (a list of `path` / `content` / `append` maps,
 * `content: |` blocks included). A small YAML reader for that shape only, so the model stays free of
 * dependencies; other keys are read past and ignored, as cloud-init ignores keys of modules it lacks.
 */

export interface CloudConfig {
  packages: string[];
  runcmd: string[];
  writeFiles: { path: string; content: string; append: boolean }[];
}

const unquote = (s: string) => {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
};

const indentOf = (line: string) => line.length - line.trimStart().length;

/** `[a, b]` flow lists (runcmd entries given as argument lists). */
const flowList = (s: string) => s.trim().slice(1, -1).split(',').map(unquote).filter((x) => x.length);

/** Quotes an argument for the shell line cloud-init writes for a runcmd argument list. */
const shellQuote = (arg: string) => (/^[A-Za-z0-9_./=:@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The lines of a `key: |` block below `lines[start]` (indented deeper than `parentIndent`). */
function block(lines: string[], start: number, parentIndent: number): { text: string; next: number } {
  const body: string[] = [];
  let i = start;
  let indent = -1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') { body.push(''); continue; }
    if (indentOf(line) <= parentIndent) break;
    if (indent < 0) indent = indentOf(line);
    body.push(line.slice(indent));
  }
  while (body.length && body[body.length - 1] === '') body.pop();
  return { text: body.length ? body.join('\n') + '\n' : '', next: i };
}

function readWriteFileItem(lines: string[], i: number, itemIndent: number): { item: CloudConfig['writeFiles'][number]; next: number } {
  const item = { path: '', content: '', append: false };
  let first = true;
  while (i < lines.length) {
    const raw = lines[i];
    if (raw.trim() === '') { i++; continue; }
    const indent = indentOf(raw);
    let text = raw.trim();
    if (first) { text = text.replace(/^-\s*/, ''); first = false; }
    else if (indent <= itemIndent) break;
    const m = /^([A-Za-z_]+):\s*(.*)$/.exec(text);
    i++;
    if (!m) continue;
    const [, key, value] = m;
    if (value === '|' || value === '|-' || value === '>') {
      const b = block(lines, i, indent);
      if (key === 'content') item.content = value === '|-' ? b.text.replace(/\n$/, '') : b.text;
      i = b.next;
    } else if (key === 'path') item.path = unquote(value);
    else if (key === 'content') item.content = unquote(value).replace(/\\n/g, '\n');
    else if (key === 'append') item.append = unquote(value) === 'true';
  }
  return { item, next: i };
}

/** Reads a `#cloud-config` document (the text after its first line is YAML). */
export function readCloudConfig(text: string): CloudConfig {
  const config: CloudConfig = { packages: [], runcmd: [], writeFiles: [] };
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => !/^\s*#/.test(l));
  let i = 0;
  while (i < lines.length) {
    const m = /^([A-Za-z_]+):\s*(.*)$/.exec(lines[i]);
    i++;
    if (!m) continue;
    const [, key, inline] = m;
    if (inline.startsWith('[')) {
      if (key === 'packages') config.packages.push(...flowList(inline));
      continue;
    }
    while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > 0 || lines[i].startsWith('-'))) {
      const line = lines[i];
      const entry = /^(\s*)-\s*(.*)$/.exec(line);
      if (!entry) { i++; continue; }
      if (key === 'write_files') {
        const r = readWriteFileItem(lines, i, entry[1].length);
        config.writeFiles.push(r.item);
        i = r.next;
        continue;
      }
      const value = entry[2];
      if (key === 'packages') config.packages.push(unquote(value));
      if (key === 'runcmd') config.runcmd.push(value.startsWith('[') ? flowList(value).map(shellQuote).join(' ') : unquote(value));
      i++;
    }
  }
  return config;
}
