// Word shingles for the no-copy rule: a lesson may not share any run of 8 words with a seed text, after
// lower-casing and stripping punctuation. Punctuation is stripped two ways (deleted, and turned into a space)
// so that neither "32-bit" -> "32bit" nor "32-bit" -> "32 bit" can hide a copied run.
import { createHash } from 'node:crypto';

export const RUN_LENGTH = 8;

function wordLists(text: string): string[][] {
  const lower = text.toLowerCase().normalize('NFC');
  const deleted = lower.replace(/[^\p{L}\p{N}\s]/gu, '');
  const spaced = lower.replace(/[^\p{L}\p{N}\s]/gu, ' ');
  return [deleted, spaced].map((t) => t.split(/\s+/).filter(Boolean));
}

export function runs(text: string, n = RUN_LENGTH): Set<string> {
  const out = new Set<string>();
  for (const words of wordLists(text)) {
    for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  }
  return out;
}

/** Seeds are kept in the repository only as hashes of their runs, never as text. */
export function hashRun(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}
