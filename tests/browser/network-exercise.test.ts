// Lesson 2's firewall exercise (web-server-firewall, issue 18) in Chromium, in every language: the lesson
// page shows it as a second sandbox under launch-request; a learner who leaves SSH open to the internet
// fails with a message saying so, the solution passes every test, and the live map of that run shows the
// instance's subnet and what its security group lets in. Runs go to the local grader (no WebContainer here).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadExercise } from '../../src/grader/index.ts';
import { messages } from '../../exercises/web-server-firewall/tests/messages.ts';
import { axeScan, skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';

const EXERCISE = 'web-server-firewall';
const ROOT = `[data-exercise="${EXERCISE}"]`;
const exercise = loadExercise(EXERCISE);
const FILE = exercise.manifest.files[0];

/** The mistake the exercise is about: HTTP and SSH opened, but the colleague's SSH-from-anywhere rule kept. */
const SSH_LEFT_OPEN = `import type { Ec2Api } from 'mini-ec2';
export async function openWebServer(ec2: Ec2Api, spec: { vpcId: string; groupName: string; ownerAddress: string }) {
  const { SecurityGroups = [] } = await ec2.describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: [spec.groupName] }, { Name: 'vpc-id', Values: [spec.vpcId] }] });
  await ec2.authorizeSecurityGroupIngress({ GroupId: SecurityGroups[0].GroupId, IpPermissions: [
    { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
    { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: spec.ownerAddress + '/32' }] },
  ] });
}
`;

async function editorText(page: Page): Promise<string> {
  return page.locator(ROOT).evaluate((root, name) => (root as HTMLElement & { ec2labEditor: { content(n: string): string } }).ec2labEditor.content(name), FILE);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.locator(`${ROOT} .monaco-editor .view-lines`).click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(page)).toBe(text);
}

/** Clicks Run and waits for the verdict (the old one is cleared first); returns the summary's state and counts. */
async function run(page: Page): Promise<{ state: string; passed: number; total: number }> {
  const selector = `${ROOT} [data-testid="result-summary"]`;
  await page.$eval(selector, (el) => ((el as HTMLElement).dataset.state = ''));
  await page.click(`${ROOT} [data-action="run"]`);
  await page.waitForFunction((s) => ['pass', 'fail', 'error'].includes(document.querySelector(s)?.getAttribute('data-state') ?? ''), selector, { timeout: 120_000 });
  const summary = page.locator(selector);
  return { state: (await summary.getAttribute('data-state'))!, passed: Number(await summary.getAttribute('data-passed')), total: Number(await summary.getAttribute('data-total')) };
}

describe.skipIf(skipBrowser)('lesson 2: the firewall exercise', () => {
  const course = useServerAndBrowser();

  for (const locale of ['en', 'pt-br', 'es'] as const) {
    it(`${locale}: a second sandbox under launch-request; SSH left open fails with a clear message, the solution passes`, async () => {
      const context = await course.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(`${course.server.url}${locale}/define-an-instance/`);
      expect(await page.locator('[data-exercise="launch-request"]').count()).toBe(1);
      const root = page.locator(ROOT);
      expect(await root.textContent()).toContain(exercise.manifest.title[locale]);

      await root.scrollIntoViewIfNeeded();
      await root.locator('[data-role="editor"]').hover();
      await page.waitForSelector(`${ROOT}[data-editor-ready]`, { timeout: 30_000 });
      expect(await editorText(page)).toBe(exercise.starters[locale][FILE]); // the starter with comments in the page's language

      await paste(page, SSH_LEFT_OPEN);
      const open = await run(page);
      expect(open.state).toBe('fail');
      const failed = await root.locator('[data-role="tests"] li[data-status="fail"]').allTextContents();
      expect(failed.join('\n')).toContain(messages[locale].sshWorld); // the failure said in the page's language

      await paste(page, exercise.solutions[locale][FILE]);
      const solved = await run(page);
      expect(solved).toEqual({ state: 'pass', passed: Object.keys(exercise.manifest.points).length, total: Object.keys(exercise.manifest.points).length });
      if (locale === 'en') {
        // The results of the run (the editor is the sandbox's own, scanned by sandbox.test.ts).
        expect(await axeScan(page, { include: `${ROOT} [data-role="tests"]` })).toEqual([]);
        // The live map of this run: the instance's card names its subnet and what its group now lets in.
        await page.click(`${ROOT} [data-live-map-toggle]`);
        const map = `${ROOT} [data-viz-map]`;
        await page.waitForSelector(`${map} .viz-node[data-id^="i-"]`, { timeout: 60_000 });
        await page.focus(`${map} .viz-node[data-id^="i-"]`);
        const card = (await page.textContent(`${map} [role="tooltip"]`)) ?? '';
        expect(card).toContain('10.0.1.0/24, us-east-1a');
        expect(card).toContain('TCP 80 from 0.0.0.0/0; TCP 22 from 198.51.100.23/32');
        expect(card).not.toContain('TCP 22 from 0.0.0.0/0');
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 300_000);
  }
});
