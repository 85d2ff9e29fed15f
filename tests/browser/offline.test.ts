// Offline after one visit: dist/ behind a plain static host; the learner opens the course once, then the
// network goes away (context.setOffline). A lesson visited before and one never visited still open, and an
// exercise is solved in the sandbox: editor, page runner and exercise data all come from the service
// worker's copy (src/service-worker/sw.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/grader/index.ts';
import { lessonSlugFor, openSettled, runInSandbox } from '../page-runner/in-page.ts';
import { startStaticHost, type StaticHost } from '../page-runner/static-host.ts';
import { distDir, launchBrowser } from './harness.ts';

describe('the course offline', () => {
  let host: StaticHost;
  let browser: Browser;

  beforeAll(async () => {
    [host, browser] = await Promise.all([startStaticHost(distDir), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('opens a visited and an unvisited lesson and solves an exercise with no network', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const visited = `${host.url}en/${lessonSlugFor('launch')}/`;
    await openSettled(page, visited);
    const title = await page.textContent('h1');

    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('/en/').then(() => 'reached', () => 'unreachable'))).toBe('reached'); // from the cache
    await page.goto(visited);
    expect(await page.textContent('h1')).toBe(title);

    const unvisited = `${host.url}es/${lessonSlugFor('find-ami')}/`;
    await page.goto(unvisited);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    const exercise = loadExercise('find-ami');
    const solved = await runInSandbox(page, 'find-ami', exercise.solution[exercise.manifest.files[0]]);
    expect(solved).toMatchObject({ passed: Object.keys(exercise.manifest.points).length, total: Object.keys(exercise.manifest.points).length, backend: 'page' });
    await context.close();
  }, 240_000);
});
