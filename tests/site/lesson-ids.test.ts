import { describe, expect, it } from 'vitest';
import { neighbours, parseLessonId } from '../../src/components/site/lesson-ids.ts';

describe('lesson ids', () => {
  it('splits a collection id into locale and slug (the NN- prefix is only for ordering files)', () => {
    expect(parseLessonId('en/01-what-is-ec2')).toEqual({ id: 'en/01-what-is-ec2', locale: 'en', slug: 'what-is-ec2' });
    expect(parseLessonId('pt-br/07-capstone')?.slug).toBe('capstone');
    expect(parseLessonId('es/12-finding-amis.mdx')?.slug).toBe('finding-amis');
  });

  it('rejects ids outside content/lessons/<locale>/NN-slug.mdx', () => {
    expect(parseLessonId('fr/01-what-is-ec2')).toBeNull();
    expect(parseLessonId('en/what-is-ec2')).toBeNull();
    expect(parseLessonId('01-what-is-ec2')).toBeNull();
    expect(parseLessonId('en/sub/01-x')).toBeNull();
  });

  it('finds the previous and next lesson', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
  });
});
