// Content collections. Lessons are MDX files at content/lessons/<locale>/NN-slug.mdx; the glob loader gives
// them ids like `en/01-what-is-ec2`. The schema is the lesson contract: a file with bad frontmatter fails
// `astro build` / `astro sync` with a message naming the entry and the field (tests/site/content-schema.test.ts).
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** The course's fact ids (F1..F17, the course plan's list of what must be taught): a lesson lists the facts it teaches. */
export const factIds = [
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17',
] as const;

/** The course's exercises (exercises/<id>/): one per lesson, and a second one in lessons 2 and 6. */
export const exerciseIds = [
  'pick-instance-type', 'launch-request', 'inspect-ami', 'launch', 'create-image', 'find-ami', 'golden-image',
  'web-server-firewall', 'copy-image',
] as const;

const lessons = defineCollection({
  loader: glob({ pattern: '*/[0-9][0-9]-*.mdx', base: './content/lessons' }),
  schema: z.object({
    title: z.string().trim().min(1),
    order: z.number().int().positive(),
    summary: z.string().trim().min(1),
    objectives: z.array(z.string().trim().min(1)).nonempty(),
    facts: z.array(z.enum(factIds)).nonempty(),
    exercise: z.enum(exerciseIds).optional(),
    /** Further exercises, shown after `exercise` in the sandbox column (lesson 2: the firewall rules). */
    moreExercises: z.array(z.enum(exerciseIds)).optional(),
  }),
});

export const collections = { lessons };
