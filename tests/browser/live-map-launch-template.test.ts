// A launch template on the live map, the way a learner gets there: in lesson 4's sandbox (exercise
// `launch`) they paste code that keeps the launch settings in a launch template and launches the servers
// from it, run the tests, open the live map, and find the template there: its name, ID, default and latest
// version, and the AMI its version names, with an arrow from that AMI (issue 13).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';

const root = '[data-exercise="launch"]';
const map = `${root} [data-viz-map]`;

/** The learner's launch.ts: the exercise's interface, with the launch settings kept in a template. */
const learnerCode = `import { type Ec2Api, waitUntilInstanceRunning } from 'mini-ec2';

export interface WebServerPlan {
  imageId: string;
  instanceType: string;
  count: number;
  keyName: string;
  securityGroupId: string;
  tags: Record<string, string>;
}

export async function launchWebServers(ec2: Ec2Api, plan: WebServerPlan): Promise<string[]> {
  const created = await ec2.createLaunchTemplate({
    LaunchTemplateName: 'cat-photos-web',
    LaunchTemplateData: {
      ImageId: plan.imageId,
      InstanceType: plan.instanceType,
      KeyName: plan.keyName,
      SecurityGroupIds: [plan.securityGroupId],
      TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(plan.tags).map(([Key, Value]) => ({ Key, Value })) }],
    },
  });
  const reservation = await ec2.runInstances({
    LaunchTemplate: { LaunchTemplateId: created.LaunchTemplate!.LaunchTemplateId },
    MinCount: plan.count,
    MaxCount: plan.count,
  });
  const ids = (reservation.Instances ?? []).map((instance) => instance.InstanceId!);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: ids });
  return ids;
}
`;

/** Replaces the editor's text the way a learner pastes code: select all, paste from the clipboard. */
async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator(`${root} [data-role="editor"]`).hover();
  await page.waitForSelector(`${root}[data-editor-ready]`, { timeout: 30_000 });
  await page.locator(`${root} .monaco-editor .view-lines`).click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.locator(root).evaluate((el) =>
    (el as HTMLElement & { ec2labEditor: { content(n: string): string } }).ec2labEditor.content('launch.ts'))).toBe(text);
}

describe.skipIf(skipBrowser)('a launch template on the live map', () => {
  const course = useServerAndBrowser();

  it('shows the template a learner\'s code created, with its versions and the AMI it names', async () => {
    const context = await course.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${course.server.url}en/recipe-and-cake/`);
    await pasteIntoEditor(page, learnerCode);
    await page.click(`${root} [data-action="run"]`);
    await page.waitForSelector(`${root} [data-testid="result-summary"][data-total]`, { timeout: 120_000 });

    await page.click(`${root} [data-live-map-toggle]`);
    const node = `${map} .viz-node[data-kind="template"]`;
    await page.waitForSelector(node, { timeout: 30_000 });
    const id = await page.getAttribute(node, 'data-id');
    expect(id).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(await page.textContent(node)).toContain('cat-photos-web');

    // The arrow from the AMI the template names, and the details a learner reads on focus.
    const named = await page.$$eval(`${map} path.viz-edge[data-kind="named-by"]`, (paths) =>
      paths.map((p) => ({ source: p.getAttribute('data-source'), target: p.getAttribute('data-target') })));
    expect(named).toHaveLength(1);
    expect(named[0].target).toBe(id);
    const image = named[0].source!;
    expect(image).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(await page.getAttribute(node, 'aria-label')).toBe(
      `Launch template ${id} "cat-photos-web"; Default version: 1; Latest version: 1; Version 1: ${image}; Tags: no tags; uses ${image}`,
    );
    await page.focus(node);
    expect(await page.textContent(`${map} [role="tooltip"]`)).toMatch(new RegExp(`Launch template\\s*${id}.*Default version\\s*1.*Version 1\\s*${image}`));
    // The instances launched from the template come from the same AMI.
    expect(await page.$$(`${map} path.viz-edge[data-kind="launched-from"][data-source="${image}"]`)).toHaveLength(3);
    expect(await page.textContent(`${map} svg.viz-graph title`)).toContain('1 launch template');

    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
