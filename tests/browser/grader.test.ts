// The teachers' guide as a teacher reads it: one page per language, in that language, with the commands and
// the CI workflow, accessible, reachable from its translations.
import { describe, expect, it } from 'vitest';
import { axeScan, skipBrowser, useServerAndBrowser, watchConsole } from './harness.ts';

const pages = [
  { locale: 'en', lang: 'en', heading: 'Teachers’ guide' /* typographic apostrophe, as Markdown renders it */, step: 'Import the CSV into your gradebook' },
  { locale: 'pt-br', lang: 'pt-BR', heading: 'Guia para professores', step: 'Importe o CSV na sua planilha de notas' },
  { locale: 'es', lang: 'es', heading: 'Guía para docentes', step: 'Importa el CSV en tu libro de calificaciones' },
];

describe.skipIf(skipBrowser)('teachers guide page', () => {
  const course = useServerAndBrowser();

  it.each(pages)('the teachers page in $lang is in its language, with the commands and the CI workflow', async ({ locale, lang, heading, step }) => {
    const page = await course.browser.newPage();
    const problems = watchConsole(page);
    const response = await page.goto(`${course.server.url}${locale}/teachers/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.textContent('h1')).toBe(heading);
    expect(await page.locator('h2').allTextContents()).toContain(`6. ${step}`);
    const code = (await page.locator('pre').allTextContents()).join('\n');
    expect(code).toContain(`npx ec2-lab assignment launch create-image --out`);
    expect(code).toContain('--strict --format junit --out ../grades.xml');
    expect(code).toContain('student,exercise,score,max,status');
    for (const other of pages) expect(await page.locator(`link[rel="alternate"][hreflang="${other.lang}"]`).getAttribute('href')).toMatch(`/${other.locale}/teachers/`);
    expect(await axeScan(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
