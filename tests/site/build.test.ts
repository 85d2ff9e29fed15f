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

  it('is fresh when dist/sw.js is newer than every source', () => {
    write('dist/sw.js', 2000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(true);
  });

  // A build whose last step failed (the page runner's bundle, the service worker) has written its pages but no sw.js.
  it('needs a build when the last build stopped before the service worker', () => {
    write('dist/index.html', 2000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(false);
  });

  it('is stale after a lesson changes', () => {
    write('dist/sw.js', 2000);
    at('content/lessons/en/01-a.mdx', 3000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(false);
  });

  // The site embeds the grader's output (WebContainer workspaces, assignment zips): a grader change must rebuild.
  it.each(['src/grader/grade.ts', 'src/publish/build-data.ts', 'src/server/app.ts', 'exercises/_kit/harness.ts', 'public/_headers', 'package-lock.json'])(
    'is stale after %s changes',
    (file) => {
      write('dist/sw.js', 2000);
      write(file, 3000);
      for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) at(dir, 1000);
      expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(false);
    },
  );

  it('ignores node_modules folders inside the sources', () => {
    write('dist/sw.js', 2000);
    write('exercises/node_modules/x/index.js', 3000);
    for (const dir of ['exercises/node_modules/x', 'exercises/node_modules', 'exercises']) at(dir, 1000);
    expect(isBuildFresh(root, path.join(root, 'dist'))).toBe(true);
  });

  it('reads a missing source as time 0', () => {
    expect(newestMtime(root, 'no-such-folder')).toBe(0);
  });
});
