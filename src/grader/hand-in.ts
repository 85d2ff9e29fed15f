// What a hand-in may be, checked before any of it is graded, for every way one arrives: files given as
// { name: text } (the class server, the sandbox's endpoint) and a student's folder on disk (`ec2-lab grade`).
// Each problem names the file and the limit it broke, so a teacher or learner can fix it; a hand-in with
// problems gets a failing result with those messages and the rest of the class is graded as usual.
// On disk, links are never followed and nothing is read beyond the declared files' own bytes, so no byte of
// a file outside the submission can reach a report.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';
import { GradeInputError, type ExerciseManifest, type Files } from './exercise.ts';
import { LIMITS } from './input-checks.ts';
import { handInWords, type HandInWords } from './hand-in-words.ts';
import type { Locale } from '../i18n/locales.ts';

type HandInProblemKind = 'not-files' | 'wrong-name' | 'not-text' | 'binary' | 'too-large' | 'too-large-together' | 'too-many-files' | 'too-deep' | 'symlink' | 'not-a-file';

export interface HandInProblem {
  kind: HandInProblemKind;
  file: string; // the file as the hand-in names it ('' for the hand-in as a whole)
  message: string; // in English, for tools and logs
  say: (words: HandInWords) => string; // the same sentence in any language (hand-in-words.ts)
}

/** A problem, worded once for every language. */
function problem(kind: HandInProblemKind, file: string, say: (words: HandInWords) => string): HandInProblem {
  return { kind, file, message: say(handInWords.en), say };
}

const shown = (name: string) => JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name);
const names = (manifest: ExerciseManifest) => ({ id: manifest.id, names: manifest.files.join(', ') });

/** Every problem, in order, in one line of the given language. */
export function problemsIn(problems: HandInProblem[], lang: Locale = 'en'): string {
  return problems.map((p) => p.say(handInWords[lang])).join('; ');
}

/** One line for a result's message: every problem, in order. */
export function describeProblems(problems: HandInProblem[], lang: Locale = 'en'): string {
  return handInWords[lang].notGraded({ problems: problemsIn(problems, lang) });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL bytes or text that is not UTF-8 (lone surrogates in a JS string): a binary file, not source code. */
function looksBinary(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * Problems of a hand-in given as { name: text }, e.g. a JSON body (empty when it can be graded). The class
 * server calls this on every hand-in before storing it; the grader calls it again before grading.
 */
export function checkHandIn(manifest: ExerciseManifest, files: unknown): HandInProblem[] {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    return [problem('not-files', '', (w) => w.notFiles({ example: manifest.files[0] }))];
  }
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length > LIMITS.files) {
    return [problem('too-many-files', '', (w) => w.tooManyHandedIn({ count: entries.length, limit: LIMITS.files, ...names(manifest) }))];
  }
  const problems: HandInProblem[] = [];
  let total = 0;
  for (const [name, content] of entries) {
    const depth = name.split(/[\\/]/).length - 1;
    if (depth > LIMITS.depth) problems.push(problem('too-deep', name, (w) => w.tooDeep({ file: shown(name), depth, limit: LIMITS.depth })));
    else if (!manifest.files.includes(name)) problems.push(problem('wrong-name', name, (w) => w.notOfExercise({ file: shown(name), ...names(manifest) })));
    else if (typeof content !== 'string') problems.push(problem('not-text', name, (w) => w.notText({ file: name, type: content === null ? 'null' : typeof content })));
    else if (looksBinary(content)) problems.push(problem('binary', name, (w) => w.binary({ file: name })));
    else {
      const bytes = Buffer.byteLength(content, 'utf8');
      total += bytes;
      if (bytes > LIMITS.fileBytes) problems.push(problem('too-large', name, (w) => w.tooLarge({ file: name, bytes, limit: LIMITS.fileBytes })));
    }
  }
  if (total > LIMITS.totalBytes) problems.push(problem('too-large-together', '', (w) => w.tooLargeTogether({ bytes: total, limit: LIMITS.totalBytes })));
  return problems;
}

/** The files, checked, or a GradeInputError naming every problem (a single grading's caller gets a 400). */
export function validateFiles(manifest: ExerciseManifest, files: unknown): Files {
  const problems = checkHandIn(manifest, files);
  if (problems.length) throw new GradeInputError(problems.map((p) => p.message).join('; '));
  return files as Files;
}

/** A student's folder as the grader reads it: the declared files found, and what is wrong with it. */
export interface FolderHandIn {
  files: Files;
  problems: HandInProblem[];
}

/** Source files (by extension) that look like an attempt at a declared file under another name. */
const SOURCE_LIKE = /\.(ts|tsx|mts|cts|js|mjs|cjs|txt)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '_kit', 'mini-ec2', 'tests']);

/** lstat that never follows a link and never throws: undefined when the path does not exist. */
function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Reads at most `limit + 1` bytes of a plain file. O_NOFOLLOW and the check on the open descriptor close the
 * gap between lstat and open: a file swapped for a link meanwhile is refused, not followed.
 */
function readBounded(file: string, limit: number): { bytes: Buffer; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > limit) return { bytes: Buffer.alloc(0), size: stat.size };
    const buffer = Buffer.alloc(limit + 1);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return { bytes: buffer.subarray(0, length), size: Math.max(length, stat.size) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Walks the folder (no links followed, folders the grader never reads skipped) and reports the first time
 * it holds too many files or goes too deep; it stops there, so a hostile folder costs little to look at.
 */
function walkProblems(folder: string): HandInProblem[] {
  let count = 0;
  const walk = (dir: string, depth: number): HandInProblem | undefined => {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of names) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const relative = path.relative(folder, path.join(dir, entry.name));
      if (++count > LIMITS.files) return problem('too-many-files', '', (w) => w.tooManyInFolder({ limit: LIMITS.files }));
      if (entry.isDirectory()) {
        if (depth + 1 > LIMITS.depth) return problem('too-deep', relative, (w) => w.tooDeep({ file: relative, depth: depth + 1, limit: LIMITS.depth }));
        const found = walk(path.join(dir, entry.name), depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = walk(folder, 0);
  return found ? [found] : [];
}

/** The places a declared file may be, relative to the student's folder (the folder, a returned assignment). */
function candidates(manifest: ExerciseManifest, name: string): string[] {
  return [name, path.join(manifest.id, name), path.join('submission', name)];
}

/** The first place holding something named like the declared file (of any kind: a link is found, not followed). */
function locate(folder: string, manifest: ExerciseManifest, name: string): { relative: string; stat: Stats } | undefined {
  for (const relative of candidates(manifest, name)) {
    // Every folder on the way must be a real folder: a linked <exercise-id>/ would lead outside.
    const parts = relative.split(path.sep);
    let linkedOnTheWay: string | undefined;
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join(path.sep);
      if (lstatOrUndefined(path.join(folder, dir))?.isSymbolicLink()) linkedOnTheWay = dir;
    }
    const stat = lstatOrUndefined(path.join(folder, relative));
    if (linkedOnTheWay && stat) return { relative: linkedOnTheWay, stat: lstatSync(path.join(folder, linkedOnTheWay)) };
    if (stat) return { relative, stat };
  }
  return undefined;
}

/** Files in the places the grader looks that are not declared but look like source: likely misnamed. */
function misnamed(folder: string, manifest: ExerciseManifest): string[] {
  const found: string[] = [];
  for (const dir of ['', manifest.id, 'submission']) {
    let names: string[];
    try {
      names = readdirSync(path.join(folder, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      if (SOURCE_LIKE.test(name) && !manifest.files.includes(name) && !/\.config\.|^vitest|^package/.test(name)) found.push(path.join(dir, name));
    }
  }
  return found.sort();
}

function readDeclared(folder: string, manifest: ExerciseManifest, name: string): { content?: string; problem?: HandInProblem } {
  const place = locate(folder, manifest, name);
  if (!place) return {};
  const { relative, stat } = place;
  if (stat.isSymbolicLink()) {
    return { problem: problem('symlink', relative, (w) => w.symlink({ file: relative })) };
  }
  if (!stat.isFile()) return { problem: problem('not-a-file', relative, (w) => w.notAFile({ file: relative })) };
  return readPlain(path.join(folder, relative), relative);
}

/** A plain file's text, or why it cannot be graded (too large, binary); `relative` is how messages name it. */
function readPlain(file: string, relative: string): { content?: string; problem?: HandInProblem } {
  const read = readBounded(file, LIMITS.fileBytes);
  if (!read) return { problem: problem('not-a-file', relative, (w) => w.swapped({ file: relative })) };
  const { bytes, size } = read;
  if (size > LIMITS.fileBytes) {
    return { problem: problem('too-large', relative, (w) => w.tooLarge({ file: relative, bytes: size, limit: LIMITS.fileBytes })) };
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    content = '\u0000';
  }
  if (looksBinary(content)) return { problem: problem('binary', relative, (w) => w.binary({ file: relative })) };
  return { content };
}

/** A one-file hand-in given as a file path (the teacher's path: followed if it is a link, then read as a plain file). */
export function readHandInFile(file: string, manifest: ExerciseManifest): FolderHandIn {
  const name = manifest.files[0];
  const { content, problem } = readPlain(realpathSync(file), path.basename(file));
  return problem ? { files: {}, problems: [problem] } : { files: { [name]: content! }, problems: [] };
}

/** Does the folder hold anything named like a declared file (so it is a student's folder, not a class)? */
export function holdsDeclaredFile(folder: string, manifest: ExerciseManifest): boolean {
  return manifest.files.some((name) => locate(folder, manifest, name) !== undefined);
}

/** Reads a student's folder: the declared files (looked up directly, then in <id>/ and submission/) and its problems. */
export function readHandInFolder(folder: string, manifest: ExerciseManifest): FolderHandIn {
  const problems = walkProblems(folder);
  const files: Files = {};
  let total = 0;
  for (const name of manifest.files) {
    const { content, problem } = readDeclared(folder, manifest, name);
    if (problem) problems.push(problem);
    if (content !== undefined) {
      files[name] = content;
      total += Buffer.byteLength(content, 'utf8');
    }
  }
  if (total > LIMITS.totalBytes) problems.push(problem('too-large-together', '', (w) => w.tooLargeTogether({ bytes: total, limit: LIMITS.totalBytes })));
  const missing = manifest.files.filter((name) => files[name] === undefined && !problems.some((p) => p.file.endsWith(name)));
  const others = missing.length ? misnamed(folder, manifest) : [];
  if (others.length) {
    problems.push(problem('wrong-name', others[0], (w) => w.misnamed({ missing: missing.join(', '), others: others.join(', '), several: others.length > 1, ...names(manifest) })));
  }
  return { files, problems };
}
