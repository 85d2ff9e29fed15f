// The course's exercises on disk: exercises/<id>/{manifest.json, starter/, solution/, tests/}.
// Manifests are validated here, so a broken one is an authoring error with a clear message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from '../i18n/locales.ts';
import { GradeInputError, type Exercise, type ExerciseInfo, type ExerciseManifest, type Files } from './exercise.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// The environment overrides exist for the grader's own development (a scratch exercise or model).
const exercisesDir = process.env.EC2LAB_EXERCISES_DIR ?? path.join(repoRoot, 'exercises');
export const kitDir = path.join(repoRoot, 'exercises', '_kit');
export const modelDir = process.env.EC2LAB_MODEL_DIR ?? path.join(repoRoot, 'src', 'mini-ec2');

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const FILE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(ts|js|mjs|json)$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Every problem with a manifest, as sentences (empty when valid). Pure: the authoring test calls it too. */
export function manifestProblems(value: unknown, expectedId?: string): string[] {
  const problems: string[] = [];
  if (!isRecord(value)) return ['the manifest is not a JSON object'];
  const m = value as Partial<Record<keyof ExerciseManifest, unknown>>;
  if (!isText(m.id) || !ID_PATTERN.test(m.id)) problems.push('id must be a lowercase slug');
  else if (expectedId && m.id !== expectedId) problems.push(`id "${m.id}" does not match its folder "${expectedId}"`);
  if (typeof m.lesson !== 'number' || !Number.isInteger(m.lesson) || m.lesson < 1 || m.lesson > 7) problems.push('lesson must be an integer from 1 to 7');
  for (const key of ['title', 'instructions'] as const) {
    const field = m[key];
    for (const locale of locales) {
      if (!isRecord(field) || !isText(field[locale])) problems.push(`${key}.${locale} is missing`);
    }
  }
  for (const key of ['files', 'tests'] as const) {
    const list = m[key];
    if (!Array.isArray(list) || list.length === 0 || !list.every((f) => typeof f === 'string' && FILE_PATTERN.test(f))) {
      problems.push(`${key} must be a non-empty list of plain file names`);
    }
  }
  if (!isRecord(m.points) || Object.keys(m.points).length === 0) problems.push('points must map each test id to its points');
  else {
    for (const [id, points] of Object.entries(m.points)) {
      if (!ID_PATTERN.test(id)) problems.push(`points["${id}"]: a test id must be a lowercase slug, e.g. "same-ami"`);
      if (typeof points !== 'number' || !Number.isInteger(points) || points < 1) problems.push(`points["${id}"] must be a positive integer`);
    }
    problems.push(...titleProblems(Object.keys(m.points), m.titles));
  }
  const hints = m.hints;
  for (const locale of locales) {
    const list = isRecord(hints) ? hints[locale] : undefined;
    if (!Array.isArray(list) || list.length < 3 || !list.every(isText)) problems.push(`hints.${locale} must hold at least 3 hints`);
  }
  if (isRecord(hints) && locales.every((l) => Array.isArray(hints[l]))) {
    const counts = new Set(locales.map((l) => (hints[l] as unknown[]).length));
    if (counts.size > 1) problems.push('every locale must have the same number of hints');
  }
  return problems;
}

/**
 * The `titles` table: every test id of `points` has a title in every language, nothing else is there, and a
 * title names one test only, in every language (the grader joins a reported title back to its id).
 */
function titleProblems(ids: string[], titles: unknown): string[] {
  if (!isRecord(titles)) return ['titles must give each test id its title in every language'];
  const problems: string[] = [];
  for (const id of Object.keys(titles)) if (!ids.includes(id)) problems.push(`titles["${id}"] names no test of points`);
  const owner = new Map<string, string>();
  for (const id of ids) {
    const title = titles[id];
    for (const locale of locales) {
      const text = isRecord(title) ? title[locale] : undefined;
      if (!isText(text)) {
        problems.push(`titles["${id}"].${locale} is missing`);
        continue;
      }
      const other = owner.get(text);
      if (other !== undefined && other !== id) problems.push(`titles["${id}"].${locale} "${text}" is also the title of "${other}"`);
      owner.set(text, id);
    }
  }
  return problems;
}

/** The files directly in `dir` (its sub-folders, such as starter/pt-br/, are not part of it). */
function readFolder(dir: string): Files {
  const files: Files = {};
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile()) files[entry.name] = readFileSync(path.join(dir, entry.name), 'utf8');
  }
  return files;
}

/**
 * starter/ or solution/ in every language: the English files at the top, each other language's in a
 * sub-folder of its name (starter/pt-br/launch.ts). The code is the same, the comments are the learner's
 * (tests/grader/localized-files.test.ts compares them token by token). A missing file is an authoring error.
 */
function readLocalizedFolder(id: string, dir: string, names: string[]): Record<Locale, Files> {
  const english = readFolder(dir);
  return Object.fromEntries(locales.map((locale) => {
    const files = locale === 'en' ? english : readFolder(path.join(dir, locale));
    for (const name of names) {
      if (!(name in files)) throw new Error(`exercises/${id}: ${path.basename(dir)}/${locale === 'en' ? '' : `${locale}/`}${name} is missing`);
    }
    return [locale, files];
  })) as Record<Locale, Files>;
}

function readManifest(id: string): ExerciseManifest {
  const file = path.join(exercisesDir, id, 'manifest.json');
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`exercises/${id}/manifest.json cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const problems = manifestProblems(value, id);
  if (problems.length) throw new Error(`exercises/${id}/manifest.json is invalid: ${problems.join('; ')}`);
  return value as ExerciseManifest;
}

/** Ids of the exercise folders (every folder of exercises/ with a manifest; _kit is the test kit). */
function exerciseIds(): string[] {
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(path.join(exercisesDir, d.name, 'manifest.json')))
    .map((d) => d.name);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function listExercises(): ExerciseInfo[] {
  return exerciseIds()
    .map((id) => readManifest(id))
    .map((m) => ({ id: m.id, lesson: m.lesson, title: m.title, files: m.files, maxPoints: maxPointsOf(m) }))
    .sort((a, b) => a.lesson - b.lesson || a.id.localeCompare(b.id));
}

const cache = new Map<string, Exercise>();

export function loadExercise(id: string): Exercise {
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || !exerciseIds().includes(id)) {
    const known = listExercises().map((e) => e.id).join(', ');
    throw new GradeInputError(`unknown exercise "${String(id).slice(0, 60)}"; the exercises are: ${known}`);
  }
  const cached = cache.get(id);
  if (cached) return cached;
  const dir = path.join(exercisesDir, id);
  const manifest = readManifest(id);
  const tests = readFolder(path.join(dir, 'tests'));
  for (const name of manifest.tests) {
    if (!(name in tests)) throw new Error(`exercises/${id}: test file tests/${name} is missing`);
  }
  const starters = readLocalizedFolder(id, path.join(dir, 'starter'), manifest.files);
  const solutions = readLocalizedFolder(id, path.join(dir, 'solution'), manifest.files);
  const exercise: Exercise = {
    manifest,
    dir,
    starter: starters.en,
    solution: solutions.en,
    starters,
    solutions,
    tests, // the test files and what they import beside them (messages.ts)
  };
  cache.set(id, exercise);
  return exercise;
}

const maxPointsOf = (manifest: ExerciseManifest) => sum(Object.values(manifest.points));
