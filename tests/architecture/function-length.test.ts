// "No function over 100 lines" in test files (eslint.config.js, house/test-function-length): a describe()
// body is a list of tests and is not measured as a whole, but each test, hook and helper is.
import { pathToFileURL } from 'node:url';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const configUrl = pathToFileURL(new URL('../../eslint.config.js', import.meta.url).pathname).href;
const config = ((await import(configUrl)) as { default: Array<{ plugins?: Record<string, ESLint.Plugin> }> }).default;
const house = config.find((c) => c.plugins?.house)?.plugins?.house;

function findings(code: string): Linter.LintMessage[] {
  return new Linter().verify(code, [{
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { house: house! },
    rules: { 'house/test-function-length': ['error', 100] },
  }], 'example.test.ts');
}

const lines = (n: number, text: string): string => Array.from({ length: n }, () => text).join('\n');

describe('house/test-function-length', () => {
  it('is the rule eslint.config.js gives test files', () => {
    expect(house?.rules?.['test-function-length']).toBeDefined();
  });

  it('lets a long describe() of short tests through', () => {
    const suite = `describe('suite', () => {\n${lines(60, "  it('a', () => { expect(1).toBe(1); });")}\n${lines(60, "  it('b', () => { expect(2).toBe(2); });")}\n});`;
    expect(findings(suite)).toEqual([]);
    expect(findings(`describe.each([1])('suite %i', (n) => {\n${lines(120, '  it("t", () => {});')}\n});`)).toEqual([]);
  });

  it('reports a test of 101 lines, inside or outside describe(), and a long helper', () => {
    const longTest = `it('long', () => {\n${lines(99, '  expect(1).toBe(1);')}\n});`;
    expect(findings(longTest).map((m) => m.message)).toEqual(['Function has too many lines (101). Maximum allowed is 100.']);
    expect(findings(`describe('s', () => {\n${longTest}\n});`).map((m) => m.line)).toEqual([2]);
    expect(findings(`function helper() {\n${lines(100, '  void 0;')}\n}`)).toHaveLength(1);
    expect(findings(`it('ok', () => {\n${lines(98, '  expect(1).toBe(1);')}\n});`)).toEqual([]);
  });
});
