// Lesson components read the language and the lesson from the page URL.
import { describe, expect, it } from 'vitest';
import { lessonSlugFromPath, localeFromPath } from '../../src/components/lessons/page-context.ts';

describe('page context', () => {
  it('reads the locale, with or without a base path', () => {
    expect(localeFromPath('/pt-br/what-is-ec2/')).toBe('pt-br');
    expect(localeFromPath('/course/es/glossary/', '/course/')).toBe('es');
    expect(localeFromPath('/')).toBe('en');
    expect(localeFromPath('/fr/what-is-ec2/')).toBe('en');
  });

  it('reads the lesson slug only on lesson-shaped paths', () => {
    expect(lessonSlugFromPath('/es/recipe-and-cake/')).toBe('recipe-and-cake');
    expect(lessonSlugFromPath('/course/en/capstone/', '/course/')).toBe('capstone');
    expect(lessonSlugFromPath('/en/')).toBe('');
    expect(lessonSlugFromPath('/whatever/page/')).toBe('');
  });
});
