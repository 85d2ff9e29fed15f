// "Build when needed": dist is stale when missing or older than any site source.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildFresh, newestMtime } from '../../src/server/build.ts';

let root: string;
const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);
function write(file: string, seconds: number) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), 'x');
  at(file, seconds);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ec2lab-fresh-'));
  write('src/pages/index.astro', 1000);
  write('content/lessons/en/01-a.mdx', 1000);
  write('astro.config.mjs', 1000);
  for (const dir of ['src/pages', 'src', 'content/lessons/en', 'content/lessons', 'content']) at(dir, 1000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
  it('needs a build when dist is missing', () => {
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(false);
  });

  it('is fresh when dist/index.html is newer than every source', () => {
    write('dist/index.html', 2000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(true);
  });

  it('is stale after a lesson changes', () => {
    write('dist/index.html', 2000);
    at('content/lessons/en/01-a.mdx', 3000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(false);
  });

  it('ignores the server, CLI and grader, which the site does not include', () => {
    write('dist/index.html', 2000);
    write('src/server/app.ts', 3000);
    write('src/grader/index.ts', 3000);
    at('src', 1000);
    expect(newestMtime(root, 'src')).toBe(1_000_000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(true);
  });

  it('reads a missing source as time 0', () => {
    expect(newestMtime(root, 'no-such-folder')).toBe(0);
  });
});
