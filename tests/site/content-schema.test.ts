// The lesson frontmatter schema (src/content.config.ts) as a learner-author meets it: `astro sync` over a
// scratch project that holds our content config and one lesson. A bad lesson must fail naming the file and
// the field; a good one must pass (so the failure is the schema's, not the scratch project's).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const scratchDirs: string[] = [];

const good = {
  title: 'What is Amazon EC2?',
  order: 1,
  summary: 'A summary.',
  objectives: ['Say what EC2 is.'],
  facts: ['F1', 'F2'],
  exercise: 'pick-instance-type',
};

function frontmatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\nSome text.\n`;
}

/** Runs `astro sync` in a scratch project holding one lesson; resolves with the exit code and all output. */
async function syncWithLesson(fileName: string, content: string): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ec2lab-schema-'));
  scratchDirs.push(dir);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  mkdirSync(path.join(dir, 'content/lessons/en'), { recursive: true });
  copyFileSync(path.join(repo, 'src/content.config.ts'), path.join(dir, 'src/content.config.ts'));
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()] });\n",
  );
  writeFileSync(path.join(dir, 'content/lessons/en', fileName), content);
  const child = spawn(process.execPath, [path.join(repo, 'node_modules/astro/astro.js'), 'sync'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('lesson frontmatter schema', () => {
  // The three syncs run at once: each takes a few seconds of mostly start-up.
  const runs = {
    good: syncWithLesson('01-what-is-ec2.mdx', frontmatter(good)),
    badFact: syncWithLesson('02-bad-fact.mdx', frontmatter({ ...good, facts: ['F1', 'F18'] })),
    noTitle: syncWithLesson('03-no-title.mdx', frontmatter({ ...good, title: undefined })),
    badExercise: syncWithLesson('04-bad-exercise.mdx', frontmatter({ ...good, exercise: 'launch-rocket' })),
  };

  it('accepts a valid lesson', async () => {
    const { code, output } = await runs.good;
    expect(output).not.toMatch(/does not match/);
    expect(code).toBe(0);
  });

  it('fails on an unknown fact id, naming the file and the field', async () => {
    const { code, output } = await runs.badFact;
    expect(code).not.toBe(0);
    expect(output).toContain('content/lessons/en/02-bad-fact.mdx');
    expect(output).toMatch(/facts\.1/);
    expect(output).toContain("received 'F18'");
  });

  it('fails on a missing title, naming the file and the field', async () => {
    const { code, output } = await runs.noTitle;
    expect(code).not.toBe(0);
    expect(output).toContain('content/lessons/en/03-no-title.mdx');
    expect(output).toMatch(/\btitle\b.*Required/);
  });

  it('fails on an exercise id that does not exist', async () => {
    const { code, output } = await runs.badExercise;
    expect(code).not.toBe(0);
    expect(output).toContain('content/lessons/en/04-bad-exercise.mdx');
    expect(output).toMatch(/\bexercise\b/);
    expect(output).toContain("received 'launch-rocket'");
  });
});
