// The grader's limits, and the check of the time and memory limits callers ask for. What a hand-in's files
// may be is checked in hand-in.ts against these LIMITS.
import { GradeInputError } from './exercise.ts';

export const LIMITS = {
  fileBytes: 200_000,
  totalBytes: 500_000,
  files: 500, // entries in a hand-in (files given, or files and folders in a student's folder)
  depth: 8, // folders below the hand-in's own
  timeoutMs: { min: 2_000, max: 300_000, default: 20_000 },
  memoryMb: { min: 32, max: 4_096, default: 256 },
};

export function validateLimit(name: string, value: unknown, range: { min: number; max: number; default: number }): number {
  if (value === undefined) return range.default;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new GradeInputError(`${name} must be a number from ${range.min} to ${range.max}`);
  }
  return Math.round(value);
}
