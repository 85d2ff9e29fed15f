// Checks what callers hand the grader (the CLI, the sandbox's local endpoint) before anything touches the
// disk: only the exercise's declared file names, plain strings, bounded sizes, sane limits.
import { GradeInputError, type ExerciseManifest, type Files } from './exercise.ts';

export const LIMITS = {
  fileBytes: 200_000,
  totalBytes: 500_000,
  timeoutMs: { min: 2_000, max: 300_000, default: 20_000 },
  memoryMb: { min: 32, max: 4_096, default: 256 },
};

export function validateFiles(manifest: ExerciseManifest, files: unknown): Files {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new GradeInputError(`files must be an object like { "${manifest.files[0]}": "<source>" }`);
  }
  const result: Files = {};
  let total = 0;
  for (const [name, content] of Object.entries(files)) {
    if (!manifest.files.includes(name)) {
      const shown = JSON.stringify(name.slice(0, 80));
      throw new GradeInputError(`${shown} is not a file of exercise ${manifest.id}; it accepts: ${manifest.files.join(', ')}`);
    }
    if (typeof content !== 'string') throw new GradeInputError(`the content of ${name} must be a string, not ${content === null ? 'null' : typeof content}`);
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > LIMITS.fileBytes) throw new GradeInputError(`${name} is too large (${bytes} bytes; the limit is ${LIMITS.fileBytes})`);
    total += bytes;
    result[name] = content;
  }
  if (total > LIMITS.totalBytes) throw new GradeInputError(`the files are too large together (${total} bytes; the limit is ${LIMITS.totalBytes})`);
  return result;
}

export function validateLimit(name: string, value: unknown, range: { min: number; max: number; default: number }): number {
  if (value === undefined) return range.default;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new GradeInputError(`${name} must be a number from ${range.min} to ${range.max}`);
  }
  return Math.round(value);
}
