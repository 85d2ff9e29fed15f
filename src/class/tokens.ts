// Class codes, tokens and their hashes. A token is shown once and only its SHA-256 is stored; a presented
// token is hashed and compared in constant time, so the comparison leaks nothing through its timing.
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

/** A-Z and 2-9 without the lookalikes 0/O, 1/I/L: a code read aloud or off a projector is typed right. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/;

export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 256 random bits, URL-safe. A student's token starts with their id ("<id>.<secret>") so it can be found without a lookup by secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether token hashes to storedHash, in time independent of where they differ. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** A hand-in's id: random, so ids say nothing about how many hand-ins a class has. */
export function newHandinId(): string {
  return `h-${randomUUID()}`;
}

/** The content hash of a hand-in: its exercise and files, in a canonical order. */
export function contentHash(exercise: string, files: Record<string, string>): string {
  const hash = createHash('sha256').update(exercise).update('\0');
  for (const name of Object.keys(files).sort()) hash.update(name).update('\0').update(files[name]).update('\0');
  return `sha256:${hash.digest('hex')}`;
}
