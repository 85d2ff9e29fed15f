// Reading the lesson sources for the content tests: which files exist, their frontmatter `facts` and
// `exercise`, and their fenced code blocks with the meta the code-example test acts on.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

export const repoRoot = new URL('../..', import.meta.url).pathname;
const lessonsDir = join(repoRoot, 'content/lessons');
export const courseLocales = ['en', 'pt-br', 'es'] as const;
export const lessonSlugs = [
  'what-is-ec2', 'define-an-instance', 'what-an-ami-holds', 'recipe-and-cake', 'reuse-with-amis', 'finding-amis', 'capstone',
] as const;
export const allFactIds = Array.from({ length: 17 }, (_, i) => `F${i + 1}`);

export interface LessonFile {
  locale: string;
  file: string;
  /** path relative to the repository, for messages */
  path: string;
  slug: string;
  source: string;
}

export function lessonFiles(): LessonFile[] {
  return courseLocales.flatMap((locale) =>
    readdirSync(join(lessonsDir, locale))
      .filter((name) => /^\d\d-.+\.mdx$/.test(name))
      .sort()
      .map((name) => {
        const file = join(lessonsDir, locale, name);
        return { locale, file, path: `content/lessons/${locale}/${name}`, slug: name.replace(/^\d\d-/, '').replace(/\.mdx$/, ''), source: readFileSync(file, 'utf8') };
      }),
  );
}

export function frontmatter(source: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return match ? match[1] : '';
}

/** A YAML list field in flow (`facts: [F1, F2]`) or block (`facts:\n  - F1`) style. */
export function listField(yaml: string, name: string): string[] {
  const flow = new RegExp(`^${name}:\\s*\\[([^\\]]*)\\]`, 'm').exec(yaml);
  if (flow) return flow[1].split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
  const block = new RegExp(`^${name}:\\s*\\n((?:\\s+-\\s*.+\\n?)+)`, 'm').exec(yaml);
  if (!block) return [];
  return block[1].split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim().replace(/^['"]|['"]$/g, '')).filter(Boolean);
}

export function scalarField(yaml: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(yaml);
  return m ? m[1].trim().replace(/^['"]|['"]$/g, '') : undefined;
}

export interface CodeBlock {
  lang: string;
  meta: Record<string, string | true>;
  code: string;
  /** 1-based line of the opening fence */
  line: number;
}

/** `call="x" expect='["a"]' norun` -> { call: 'x', expect: '["a"]', norun: true } */
function parseMeta(meta: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  const re = /([\w-]+)(?:=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)))?/g;
  for (const m of meta.matchAll(re)) out[m[1]] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? true);
  return out;
}

export function codeBlocks(source: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\w[\w-]*)?\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang = '', meta] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j])) body.push(lines[j++].slice(indent.length));
    blocks.push({ lang, meta: parseMeta(meta), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/**
 * The questions of a lesson's <KnowledgeCheck questions={[...]} />, evaluated as the MDX build evaluates them
 * (a plain JavaScript array literal), in a separate context with nothing in scope.
 */
export function knowledgeCheckQuestions(source: string): unknown[] {
  const start = source.lastIndexOf('<KnowledgeCheck questions={');
  const end = source.lastIndexOf('} />');
  if (start < 0 || end < start) return [];
  const literal = source.slice(start + '<KnowledgeCheck questions={'.length, end);
  return runInNewContext(`(${literal})`, {}, { timeout: 1000 }) as unknown[];
}
