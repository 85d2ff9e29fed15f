// The knowledge check's mastery loop in a real browser, served by `npm start`, as a learner meets it: a wrong
// answer gets the hint of the option chosen and no answer; Try again reshuffles the options; a second wrong
// answer shows the right one; the score counts first tries only, survives a reload and shows on the course
// home. Once in English and once in Spanish (a predict-the-output question with its code), and the ordering
// and matching questions by keyboard.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeScan, skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
}

/** The option numbers (their index in the lesson's data) in the order the page shows them. */
function shownOrder(question: Locator): Promise<string[]> {
  return question.locator('[data-option]').evaluateAll((items) => items.map((li) => li.getAttribute('data-option') ?? ''));
}

/** Chooses option `value` (its index in the lesson's data, whatever its place on screen) and presses Check. */
async function answer(question: Locator, value: number): Promise<string> {
  await question.locator(`input[value="${value}"]`).check();
  await question.locator('[data-check]').click();
  await expect.poll(() => question.locator('[data-feedback]').getAttribute('data-stage')).not.toBeNull();
  return (await question.locator('[data-feedback]').getAttribute('data-stage')) ?? '';
}

/** Presses Try again and checks that the options came back unchosen, usable and in a new order. */
async function tryAgain(question: Locator): Promise<void> {
  const before = await shownOrder(question);
  await question.locator('[data-retry]').click();
  expect(await shownOrder(question), 'Try again reshuffles the options').not.toEqual(before);
  expect(await question.locator('input:checked').count()).toBe(0);
  expect(await question.locator('input').first().isEnabled()).toBe(true);
  expect(await question.locator('[data-retry]').isVisible()).toBe(false);
}

describe.skipIf(skipBrowser)('knowledge check: the mastery loop', () => {
  const course = useServerAndBrowser();

  it('en: hint on the first wrong try, the answer on the second, score by first tries, kept across a reload and on the home page', async () => {
    const context = await course.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await open(page, `${course.server.url}en/what-is-ec2/`);
    const question = page.locator('[data-knowledge-check] [data-question="3"]'); // 0: t3.large, 1: t3.micro, 2: t3.medium (right)
    const feedback = question.locator('[data-feedback]');

    expect(await answer(question, 1)).toBe('hint');
    const hint = await feedback.innerText();
    expect(hint).toContain('Not quite.');
    expect(hint).toContain('Compare the memory with what the worker needs.');
    expect(hint, 'no answer after one wrong try').not.toContain('t3.medium');
    expect(await question.locator('input[value="2"]').isDisabled(), 'the answer is frozen until Try again').toBe(true);
    expect(await question.locator('[data-retry]').isVisible()).toBe(true);

    await tryAgain(question);
    expect(await answer(question, 0)).toBe('reveal');
    const reveal = await feedback.innerText();
    expect(reveal).toContain('you pay for memory you do not use');
    expect(reveal).toContain('The right answer:');
    expect(reveal).toContain('t3.medium (2 vCPUs, 4 GiB)');
    expect(await axeScan(page, { include: '[data-knowledge-check]' })).toEqual([]);

    await tryAgain(question);
    expect(await answer(question, 2)).toBe('right');
    expect(await feedback.innerText()).toContain('Correct.');
    const score = page.locator('[data-knowledge-check] [data-score]');
    expect(await score.innerText(), 'right after the reveal adds nothing').toContain('Right on the first try: 0 of 4');

    const first = page.locator('[data-knowledge-check] [data-question="0"]');
    expect(await answer(first, 0)).toBe('right');
    expect(await score.innerText()).toContain('Right on the first try: 1 of 4');

    await page.reload();
    await expect.poll(() => score.innerText()).toContain('1 of 4 right on the first try');
    await open(page, `${course.server.url}en/`);
    const badge = page.locator('[data-progress-lesson="what-is-ec2"] [data-progress="quiz"]');
    await expect.poll(() => badge.innerText()).toContain('1/4');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('es: a predict-the-output question shows its code, hints, reveals and scores in Spanish', async () => {
    const context = await course.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await open(page, `${course.server.url}es/recipe-and-cake/`);
    const question = page.locator('[data-knowledge-check] [data-question="3"]'); // 0: running, 1: pending (right), 2: stopped
    const feedback = question.locator('[data-feedback]');
    expect(await question.locator('.knowledge-check__code').innerText()).toContain('runInstances');

    expect(await answer(question, 0)).toBe('hint');
    expect(await feedback.innerText()).toContain('Todavía no');
    expect(await feedback.innerText()).toContain('¿Cuál es el primer estado en la vida de una instancia?');
    expect(await feedback.innerText()).not.toContain('pending');
    expect(await question.locator('[data-retry]').innerText()).toBe('Intentar de nuevo');

    await tryAgain(question);
    expect(await answer(question, 2)).toBe('reveal');
    expect(await feedback.innerText()).toContain('La respuesta correcta:');
    expect(await feedback.innerText()).toContain('pending');

    await tryAgain(question);
    expect(await answer(question, 1)).toBe('right');
    expect(await feedback.innerText()).toContain('Correcto.');
    expect(await page.locator('[data-knowledge-check] [data-score]').innerText()).toContain('Correctas al primer intento: 0 de 5');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ordering and matching questions: a count and a hint on a wrong try, right by keyboard after Try again', async () => {
    const context = await course.browser.newContext();
    const page = await context.newPage();
    await open(page, `${course.server.url}en/recipe-and-cake/`);
    const match = page.locator('[data-question][data-kind="match"]').first();
    const rights = ['The AMI', 'An instance', 'Launching (RunInstances)', 'The instance type, chosen at each launch'];
    const pick = async (labels: string[]) => {
      for (let i = 0; i < labels.length; i++) await match.locator(`[data-pair="${i}"] select`).selectOption({ label: labels[i] });
    };
    await pick([rights[1], rights[0], rights[2], rights[3]]);
    await match.locator('[data-check]').press('Enter');
    await expect.poll(() => match.locator('[data-feedback]').getAttribute('data-stage')).toBe('hint');
    expect(await match.locator('[data-feedback]').innerText()).toContain('2 of 4 pairs are right.');
    expect(await match.locator('[data-feedback]').innerText()).not.toContain('The right pairs');
    await match.locator('[data-retry]').press('Enter');
    await pick(rights);
    await match.locator('[data-check]').press('Enter');
    await expect.poll(() => match.locator('[data-feedback]').getAttribute('data-stage')).not.toBe('hint');
    expect(await match.locator('[data-feedback]').innerText()).toContain('Correct.');

    const order = page.locator('[data-question][data-kind="order"]').first();
    // Sort the steps with the Move up buttons only: bubble each step to its place.
    const stepCount = await order.locator('[data-step]').count();
    for (let pass = 0; pass < stepCount; pass++) {
      for (let i = 1; i < stepCount; i++) {
        const items = order.locator('[data-step]');
        const above = Number(await items.nth(i - 1).getAttribute('data-step'));
        const here = Number(await items.nth(i).getAttribute('data-step'));
        if (here < above) await items.nth(i).locator('[data-move="-1"]').press('Enter');
      }
    }
    await order.locator('[data-check]').press('Enter');
    await expect.poll(() => order.locator('[data-feedback]').getAttribute('data-stage')).toBe('right');
    expect(await page.locator('[data-knowledge-check] [data-score]').innerText()).toContain('1 of 5');
    await context.close();
  });
});
