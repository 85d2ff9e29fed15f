// The lessons in a real browser, served by `npm start`: every lesson in every language renders with its
// diagrams and knowledge check (its mastery loop: knowledge-check.test.ts); search finds "hypervisor" in each
// language and stays in that language; pt-br and es pages carry none of the components' English text; the
// accessibility scan of the lesson content, the glossary and the search page is clean.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lessonStrings } from '../../src/i18n/lesson-strings.ts';
import { textsOf } from '../../src/i18n/translate.ts';
import { axeScan, repoRoot, skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';

const locales = ['en', 'pt-br', 'es'] as const;
const lessons = [
  '01-what-is-ec2', '02-define-an-instance', '03-what-an-ami-holds', '04-recipe-and-cake', '05-reuse-with-amis', '06-finding-amis', '07-capstone',
];
const slugOf = (file: string) => file.replace(/^\d\d-/, '');

/** Diagram names the English lesson uses, from its MDX (e.g. <CakeRecipeDiagram /> -> cake-recipe). */
function diagramsIn(file: string): string[] {
  const source = readFileSync(path.join(repoRoot, 'content/lessons/en', `${file}.mdx`), 'utf8');
  const names: Record<string, string> = {
    CakeRecipeDiagram: 'cake-recipe', ClassObjectDiagram: 'class-object', LaunchDiagram: 'launch', AmiChainDiagram: 'ami-chain',
    ManualVsAmiDiagram: 'manual-vs-ami', AmiSourcesDiagram: 'ami-sources', RegionIdsDiagram: 'region-ids',
  };
  return [...source.matchAll(/<(\w+Diagram) \/>/g)].map((m) => names[m[1]]);
}

/** English component text that must not appear on a page in another language. */
function englishOnly(locale: 'pt-br' | 'es'): string[] {
  const en = lessonStrings.en;
  const other = lessonStrings[locale];
  return (Object.keys(en) as Array<keyof typeof en>)
    .filter((key) => en[key] !== other[key])
    .flatMap((key) => textsOf(en[key]))
    .filter((text) => text.length > 8 && !text.includes('{'));
}

/** The visible text of `selector`, leaving out parts marked lang="en" (English terms shown on purpose). */
function textOutsideEnglishMarkup(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[lang="en"]').forEach((el) => el.remove());
    return copy.textContent ?? '';
  });
}

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), url).toBe(200);
}

describe.skipIf(skipBrowser)('lessons in the browser', () => {
  const course = useServerAndBrowser();

  for (const locale of locales) {
    it(`${locale}: every lesson renders with its diagrams, terms and knowledge check, and scans clean`, async () => {
      const page = await course.browser.newPage();
      const problems = watchConsole(page);
      for (const file of lessons) {
        const url = `${course.server.url}${locale}/${slugOf(file)}/`;
        await open(page, url);
        expect(await page.getAttribute('html', 'lang'), url).toBe({ en: 'en', 'pt-br': 'pt-BR', es: 'es' }[locale]);

        const diagrams = await page.$$eval('figure.lesson-diagram', (figures) =>
          figures.map((f) => {
            const svg = f.querySelector('svg');
            const title = svg?.querySelector('title')?.textContent ?? '';
            const desc = svg?.querySelector('desc')?.textContent ?? '';
            return { name: f.getAttribute('data-diagram'), role: svg?.getAttribute('role'), title, desc, texts: svg?.querySelectorAll('text').length ?? 0 };
          }),
        );
        expect(diagrams.map((d) => d.name), `${url} diagrams`).toEqual(diagramsIn(file));
        for (const d of diagrams) {
          expect(d.role).toBe('img');
          expect(d.title.length, `${url} ${d.name} title`).toBeGreaterThan(10);
          expect(d.desc.length, `${url} ${d.name} description`).toBeGreaterThan(40);
          expect(d.texts).toBeGreaterThan(2);
        }

        const questions = await page.$$('[data-knowledge-check] [data-question]');
        expect(questions.length, `${url} knowledge check`).toBeGreaterThanOrEqual(3);
        expect(questions.length).toBeLessThanOrEqual(5);
        expect(await page.$$('.lesson-term'), `${url} glossary terms`).not.toHaveLength(0);
        // A term sits in its sentence like any word: no stray space before the punctuation after it.
        expect(await page.innerText('.prose'), `${url} space after a term`).not.toMatch(/\S \n?[,.;:]\s/);

        if (locale !== 'en') {
          const text = await page.innerText('.prose');
          for (const english of englishOnly(locale)) expect(text, `${url} shows English: "${english}"`).not.toContain(english);
        }
        expect(await axeScan(page, { include: '.prose' }), `${url} accessibility`).toEqual([]);
      }
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  for (const [locale, word] of [['en', 'hypervisor'], ['pt-br', 'hipervisor'], ['es', 'hipervisor'], ['pt-br', 'hypervisor'], ['es', 'hypervisor']] as const) {
    it(`${locale}: search finds "${word}" in this language only`, async () => {
      const page = await course.browser.newPage();
      const problems = watchConsole(page);
      await open(page, `${course.server.url}${locale}/search/?q=${word}`);
      const links = page.locator('[data-search-results] a');
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const href of hrefs) expect(href.startsWith(`/${locale}/`), `${href} is not a ${locale} page`).toBe(true);
      if (word !== 'hypervisor' || locale === 'en') expect(hrefs).toContain(`/${locale}/recipe-and-cake/`);
      expect(await axeScan(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  for (const locale of locales) {
    it(`${locale}: the glossary lists the terms and a term links to its entry`, async () => {
      const page = await course.browser.newPage();
      await open(page, `${course.server.url}${locale}/what-is-ec2/`);
      const href = await page.locator('.lesson-term a, a.lesson-term__word').first().getAttribute('href');
      expect(href).toMatch(new RegExp(`/${locale}/glossary/#term-`));
      await open(page, `${course.server.url}${locale}/glossary/`);
      expect(await page.locator('.glossary__entry').count()).toBeGreaterThan(20);
      expect(await page.locator('#term-hypervisor dd').innerText()).not.toBe('');
      if (locale !== 'en') {
        const text = await textOutsideEnglishMarkup(page, '.glossary');
        for (const english of englishOnly(locale)) expect(text, `glossary shows English: "${english}"`).not.toContain(english);
        expect(await page.locator('.glossary__en[lang="en"]').count()).toBeGreaterThan(5);
      }
      expect(await axeScan(page)).toEqual([]);
      await page.close();
    });
  }
});
