// The live map and the launch wizard in a real browser, in English, as a learner uses them:
// - the wizard: nothing of it (nor the model, nor ELK) loads with the lesson; open it, launch from Quick
//   Start, watch the instance reach running, create an image, find it under My AMIs, switch region and
//   see other IDs, get EC2's error for an arm64 AMI on an x86 type, and follow it all on the live map;
// - the sandbox's map: after a passing run of the golden-image exercise (local backend) the map shows
//   AMI -> instance -> AMI -> instance, and stepping back replays the run.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeScan, skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';
import { vizStrings, type VizKey } from '../../src/i18n/viz-strings.ts';
import { textsOf } from '../../src/i18n/translate.ts';

const LAZY = /elk\.bundled|wizard-view|map-view|mini-ec2/;

/** Every JS file the page requested, in order. */
function watchScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) urls.push(request.url());
  });
  return urls;
}

/** Records every state an instance row of the wizard shows (so a quick pending is not missed). */
async function recordRowStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __rowStates: string[] }).__rowStates = seen;
    const note = () => {
      for (const row of document.querySelectorAll<HTMLElement>('[data-wizard-instances] tr[data-instance-id]')) {
        const entry = `${row.dataset.instanceId}:${row.dataset.state}`;
        if (!seen.includes(entry)) seen.push(entry);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

async function imageIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-wizard-images] li[data-image-id]', (items) => items.map((li) => (li as HTMLElement).dataset.imageId ?? ''));
}

/** Launches web-1 from the newest x86_64 Quick Start image (a new key pair, t3.micro) and waits for running. */
async function launchFromQuickStart(page: Page) {
  // Name, Quick Start, x86_64 only, the first image (the newest).
  await page.fill('[data-wizard-name]', 'web-1');
  await page.selectOption('[data-wizard-arch]', 'x86_64');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-wizard-images] li[data-image-id]')].length > 0
    && [...document.querySelectorAll('[data-wizard-images] li[data-image-id]')].every((li) => li.textContent?.includes('x86_64')));
  const quickStartEast = await imageIds(page);
  const imageId = quickStartEast[0];
  expect(imageId).toMatch(/^ami-[0-9a-f]{17}$/);
  await page.check(`[data-wizard-images] input[value="${imageId}"]`);
  await page.selectOption('[data-wizard-type]', 't3.micro');
  expect(await page.textContent('[data-wizard-type] option:checked')).toMatch(/t3\.micro — 2 vCPU, 1 GiB memory/);
  // Advanced details > User data: the script goes with this launch, and the CLI line reads it from a file.
  await page.fill('[data-wizard-user-data]', '#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd');
  expect(await page.textContent('[data-cli="user-data"]')).toContain("cat > user-data.sh <<'EOF'");
  // A new key pair is created on the model and selected.
  await page.fill('[data-wizard-new-key]', 'lab-key');
  await page.click('[data-wizard-create-key]');
  await page.waitForSelector('[data-wizard-key] option[value="lab-key"]:checked', { state: 'attached' });
  expect(await page.textContent('[data-cli="key"]')).toContain('create-key-pair');
  const cli = await page.textContent('[data-cli="run-instances"]');
  expect(cli).toContain('--key-name lab-key');
  expect(cli).toContain(`--image-id ${imageId}`);
  expect(cli).toContain('--instance-type t3.micro');
  expect(cli).toContain('Key=Name,Value=web-1');
  expect(cli).toContain('--user-data file://user-data.sh');
  expect(await page.textContent('[data-cli="ami"]')).toContain('aws ec2 describe-images');

  // Launch: the instance appears pending and reaches running.
  await page.click('[data-wizard-launch]');
  await page.waitForSelector('[data-wizard-message]');
  const launched = /i-[0-9a-f]{17}/.exec((await page.textContent('[data-wizard-message]')) ?? '')?.[0];
  expect(launched).toBeTruthy();
  await page.waitForSelector(`tr[data-instance-id="${launched}"][data-state="running"]`, { timeout: 15_000 });
  const seen = await page.evaluate(() => (window as unknown as { __rowStates: string[] }).__rowStates);
  expect(seen).toContain(`${launched}:pending`);
  expect(seen.indexOf(`${launched}:pending`)).toBeLessThan(seen.indexOf(`${launched}:running`));
  return { quickStartEast, imageId, launched };
}

/** Creates an image of `launched`; it shows under My AMIs, pending then available. */
async function createImageOf(page: Page, launched: string | undefined) {
  await page.click(`[data-wizard-create-image="${launched}"]`);
  await page.fill('[data-wizard-image-name]', 'web-golden-v1');
  expect(await page.textContent('[data-cli="create-image"]')).toContain(`--instance-id ${launched}`);
  await page.click('[data-wizard-create-image-submit]');
  await page.waitForSelector('[data-wizard-message]:has-text("ami-")');
  const newImage = /ami-[0-9a-f]{17}/.exec((await page.textContent('[data-wizard-message]')) ?? '')?.[0];
  await page.click('[data-wizard-tab="mine"]');
  await page.waitForSelector(`[data-wizard-images] li[data-image-id="${newImage}"]`);
  expect(await page.textContent(`[data-wizard-images] li[data-image-id="${newImage}"]`)).toContain('web-golden-v1');
  await page.waitForSelector(`[data-wizard-images] li[data-image-id="${newImage}"][data-state="available"]`, { timeout: 20_000 });
  return newImage;
}

describe.skipIf(skipBrowser)('viz in the browser', () => {
  const course = useServerAndBrowser();

  it('launch wizard: Quick Start -> running -> create image -> My AMIs -> another region', async () => {
    const page = await course.browser.newPage();
    const problems = watchConsole(page);
    const scripts = watchScripts(page);
    await page.goto(`${course.server.url}en/recipe-and-cake/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => LAZY.test(url)), 'loaded before the wizard was opened').toEqual([]);

    await page.click('[data-launch-wizard-open]');
    await page.waitForSelector('[data-wizard] [data-wizard-images] li[data-image-id]');
    expect(scripts.some((url) => /wizard-view/.test(url))).toBe(true);
    await recordRowStates(page);

    const { quickStartEast, imageId, launched } = await launchFromQuickStart(page);
    const newImage = await createImageOf(page, launched);

    // The live map of the wizard's model: AMI -> instance -> AMI.
    await page.click('[data-wizard-map-toggle]');
    await page.waitForSelector(`[data-viz-map] .viz-node[data-id="${newImage}"]`, { timeout: 20_000 });
    expect(await page.$(`[data-viz-map] path.viz-edge[data-source="${imageId}"][data-target="${launched}"][data-kind="launched-from"]`)).not.toBeNull();
    expect(await page.$(`[data-viz-map] path.viz-edge[data-source="${launched}"][data-target="${newImage}"][data-kind="created-from"]`)).not.toBeNull();
    expect(await page.getAttribute(`[data-viz-map] .viz-node[data-id="${launched}"]`, 'aria-label')).toContain('State: running;');
    // The user data ran at the first boot: the map shows the web server on the instance's disk, and on the
    // image made from it (an image is its disks).
    expect(await page.getAttribute(`[data-viz-map] .viz-node[data-id="${launched}"]`, 'aria-label')).toMatch(/Installed software: httpd \d/);
    expect(await page.getAttribute(`[data-viz-map] .viz-node[data-id="${newImage}"]`, 'aria-label')).toMatch(/Disks \(snapshots\): snap-[0-9a-f]{17}; Installed software: httpd \d/);

    // Another region: other IDs for the same Quick Start list, and none of our images.
    await page.selectOption('[data-wizard-region]', 'eu-west-1');
    await page.waitForFunction(() => document.querySelector('[data-cli="ami"]')?.textContent?.includes('--region eu-west-1')
      && document.querySelector('[data-wizard-image-count]')?.textContent === '0 AMIs');
    expect(await imageIds(page)).toEqual([]);
    await page.click('[data-wizard-tab="quickstart"]');
    await page.waitForFunction((east) => {
      const ids = [...document.querySelectorAll<HTMLElement>('[data-wizard-images] li[data-image-id]')].map((li) => li.dataset.imageId);
      return ids.length === east.length && ids.every((id) => !east.includes(id!));
    }, quickStartEast);
    expect(await page.textContent('[data-cli="ami"]')).toContain('--region eu-west-1');

    // A bad choice gets EC2's error: an arm64 AMI on an x86_64 instance type.
    await page.selectOption('[data-wizard-arch]', 'arm64');
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-wizard-images] li[data-image-id]')];
      return items.length > 0 && items.every((li) => li.textContent?.includes('arm64'));
    });
    const armImage = (await imageIds(page))[0];
    await page.check(`[data-wizard-images] input[value="${armImage}"]`);
    await page.selectOption('[data-wizard-type]', 't3.micro');
    await page.click('[data-wizard-launch]');
    await page.waitForSelector('[data-wizard-error="InvalidParameterValue"]');
    expect(await page.textContent('[data-wizard-error]')).toContain("does not match the architecture 'arm64' of the specified AMI");

    // AWS Marketplace: launching needs a subscription first (OptInRequired), which the wizard offers.
    await page.selectOption('[data-wizard-arch]', 'x86_64');
    await page.click('[data-wizard-tab="marketplace"]');
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('[data-wizard-images] li[data-image-id]')];
      return items.length > 0 && items.every((li) => li.textContent?.includes('x86_64'));
    });
    const vendorImage = (await imageIds(page))[0];
    await page.check(`[data-wizard-images] input[value="${vendorImage}"]`);
    await page.click('[data-wizard-launch]');
    await page.waitForSelector('[data-wizard-error="OptInRequired"] [data-wizard-subscribe]');
    await page.click('[data-wizard-subscribe]');
    await page.click('[data-wizard-launch]');
    await page.waitForSelector('[data-wizard-message]:has-text("i-")');

    expect(await axeScan(page, { include: '[data-launch-wizard]' })).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('the wizard and its map speak Portuguese on a pt-br page (no English UI text)', async () => {
    const page = await course.browser.newPage();
    const problems = watchConsole(page);
    await page.goto(`${course.server.url}pt-br/finding-amis/`);
    await page.click('[data-launch-wizard-open]');
    await page.waitForSelector('[data-wizard] [data-wizard-images] li[data-image-id]');
    await page.click('[data-wizard-map-toggle]');
    await page.waitForSelector('[data-wizard] [data-viz-map]');
    // Words on screen, without the CLI commands and IDs (code stays as AWS spells it).
    const text = await page.$eval('[data-launch-wizard]', (el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const code of copy.querySelectorAll('pre, code')) code.remove();
      return copy.textContent ?? '';
    });
    expect(text).toContain(vizStrings['pt-br']['wizard.title']);
    // English phrases of the dictionary (the fixed words between placeholders) must not show up.
    const english = (Object.keys(vizStrings.en) as VizKey[])
      .filter((key) => vizStrings.en[key] !== vizStrings['pt-br'][key])
      .flatMap((key) => textsOf(vizStrings.en[key]).flatMap((text) => text.split(/\{\w+\}/)))
      .map((part) => part.trim())
      .filter((part) => part.length >= 8);
    expect(english.filter((phrase) => text.includes(phrase))).toEqual([]);
    expect(await axeScan(page, { include: '[data-launch-wizard]' })).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('wizard keyboard: the AMI tabs move with the arrow keys', async () => {
    const page = await course.browser.newPage();
    await page.goto(`${course.server.url}en/finding-amis/`);
    await page.click('[data-launch-wizard-open]');
    await page.waitForSelector('[data-wizard] [data-wizard-images] li[data-image-id]');
    await page.focus('[data-wizard-tab="quickstart"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.wizardTab)).toBe('mine');
    expect(await page.getAttribute('[data-wizard-tab="mine"]', 'aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getAttribute('[data-wizard-tab="community"]', 'aria-selected')).toBe('true');
    await page.waitForSelector('[data-wizard-images] li[data-image-id]');
    await page.close();
  });
});

describe.skipIf(skipBrowser)('live map after a sandbox run', () => {
  const course = useServerAndBrowser();

  it('draws the golden-image chain after a passing run, and replays it step by step', async () => {
    const page = await course.browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watchConsole(page);
    const scripts = watchScripts(page);
    const root = '[data-exercise="golden-image"]';
    const summary = `${root} [data-testid="result-summary"]`;
    await page.goto(`${course.server.url}en/capstone/`);
    await page.waitForSelector(`${root} [data-live-map-toggle]`);

    // A learner's way to a passing run: run the starter (fails), read two hints, take the solution, run.
    await page.click(`${root} [data-action="run"]`);
    await page.waitForFunction((s) => ['fail', 'error'].includes(document.querySelector(s)?.getAttribute('data-state') ?? ''), summary, { timeout: 120_000 });
    await page.click(`${root} [data-action="hint"]`);
    await page.click(`${root} [data-action="hint"]`);
    await page.click(`${root} [data-action="solution"]`);
    await page.click(`${root} [data-action="run"]`);
    await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('data-state') === 'pass', summary, { timeout: 120_000 });
    expect(scripts.filter((url) => /elk\.bundled|map-view/.test(url)), 'map code loaded before the map was opened').toEqual([]);

    await page.click(`${root} [data-live-map-toggle]`);
    const map = `${root} [data-viz-map]`;
    await page.waitForSelector(`${map} .viz-node`);
    await page.waitForFunction((m) => {
      const el = document.querySelector<HTMLElement>(m);
      return el?.dataset.drawnStep === el?.dataset.total && Number(el?.dataset.total) > 0;
    }, map);

    // The chain: an AMI -> the builder instance -> the golden AMI -> instances launched from it.
    const edges = await page.$$eval(`${map} path.viz-edge`, (paths) => paths.map((p) => ({
      kind: p.getAttribute('data-kind'), source: p.getAttribute('data-source'), target: p.getAttribute('data-target'),
    })));
    const created = edges.find((e) => e.kind === 'created-from');
    expect(created, 'an instance -> AMI arrow').toBeTruthy();
    const builder = created!.source!;
    const golden = created!.target!;
    const base = edges.find((e) => e.kind === 'launched-from' && e.target === builder)?.source;
    expect(base, 'the AMI the builder was launched from').toMatch(/^ami-/);
    const clones = edges.filter((e) => e.kind === 'launched-from' && e.source === golden).map((e) => e.target);
    expect(clones.length).toBeGreaterThan(0);
    const x = (id: string) => page.$eval(`${map} .viz-node[data-id="${id}"]`, (g) => (g as SVGGraphicsElement).getBoundingClientRect().x);
    expect(await x(base!)).toBeLessThan(await x(builder));
    expect(await x(builder)).toBeLessThan(await x(golden));
    expect(await x(golden)).toBeLessThan(await x(clones[0]!));
    expect(await page.getAttribute(`${map} .viz-node[data-id="${clones[0]}"]`, 'data-state')).toBe('running');

    // Focus shows the details card (tags and architecture).
    await page.focus(`${map} .viz-node[data-id="${clones[0]}"]`);
    expect(await page.textContent(`${map} [role="tooltip"]`)).toContain('x86_64');
    // The golden image's card names the snapshots that hold its disks (an image is its disks).
    await page.focus(`${map} .viz-node[data-id="${golden}"]`);
    expect(await page.textContent(`${map} [role="tooltip"]`)).toMatch(/Disks \(snapshots\)\s*snap-[0-9a-f]{17}/);
    // Each clone's card shows the web server its disk got from the golden image (no setup ran on it).
    await page.focus(`${map} .viz-node[data-id="${clones[0]}"]`);
    expect(await page.textContent(`${map} [role="tooltip"]`)).toMatch(/Installed software\s*httpd \d/);

    // Replay: back to the start (nothing yet), then forward one event at a time.
    const total = Number(await page.getAttribute(map, 'data-total'));
    await page.click(`${map} [data-map-first]`);
    await page.waitForSelector(`${map}[data-drawn-step="0"] [data-map-empty]`);
    await page.click(`${map} [data-map-forward]`);
    // What the step changed is highlighted.
    await page.waitForSelector(`${map}[data-drawn-step="1"] .viz-node[data-id="${builder}"][data-state="pending"][data-changed]`);
    expect(await page.$(`${map} .viz-node[data-id="${golden}"]`)).toBeNull();
    expect(await page.textContent(`${map} [data-map-caption]`)).toContain(`Instance ${builder} launched from ${base}`);
    // The slider is a keyboard control too: End jumps to the last step.
    await page.focus(`${map} [data-map-slider]`);
    await page.keyboard.press('End');
    await page.waitForSelector(`${map}[data-drawn-step="${total}"] .viz-node[data-id="${golden}"]`);
    // Step back from the end: the last event is undone.
    await page.click(`${map} [data-map-back]`);
    await page.waitForSelector(`${map}[data-drawn-step="${total - 1}"]`);
    expect(await page.getAttribute(`${map} [data-map-slider]`, 'aria-valuetext')).toBe(`Step ${total - 1} of ${total}`);

    // Play from the start moves on by itself.
    await page.click(`${map} [data-map-first]`);
    await page.waitForSelector(`${map}[data-drawn-step="0"]`);
    await page.click(`${map} [data-map-play]`);
    await page.waitForSelector(`${map}[data-drawn-step="2"]`);
    await page.click(`${map} [data-map-play]`); // pause
    await page.click(`${map} [data-map-last]`);
    await page.waitForSelector(`${map}[data-drawn-step="${total}"]`);

    // The same content as a list, nested along the arrows.
    await page.click(`${map} [data-map-list-toggle]`);
    const nested = await page.$(`${map} .viz-list li[data-id="${base}"] li[data-id="${builder}"] li[data-id="${golden}"] li[data-id="${clones[0]}"]`);
    expect(nested).not.toBeNull();

    expect(await axeScan(page, { include: map })).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);
});
