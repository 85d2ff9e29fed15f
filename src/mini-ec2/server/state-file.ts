// The server's --state FILE: load the model's JSON snapshot at start, save it after every change (a
// short debounce groups bursts of changes) and once more when the server stops. Saves are atomic (write
// a temporary file in the same folder, then rename over the target), so a crash mid-save never leaves a
// half-written file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The saved state, or undefined when the file does not exist yet. Throws a readable error on bad JSON. */
export function readStateFile(file: string): unknown {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not a mini-EC2 state file (invalid JSON: ${(error as Error).message})`, { cause: error });
  }
}

/** Writes `json` (the model's exportStateJson()) to `file` through a temporary file and a rename. */
export function writeStateFileAtomic(file: string, json: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, json);
  renameSync(temp, file);
}

export type StateSaver = {
  /** Note a change: a save follows within `debounceMs`. */
  changed(): void;
  /** Save now if a change is pending (synchronous, so it also works in a signal handler). */
  flush(): void;
  /** Forget a pending save (the caller saves by itself, e.g. at stop). */
  cancel(): void;
  saves(): number;
};

export function createStateSaver(save: () => unknown, debounceMs = 100): StateSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let count = 0;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    pending = false;
    save();
    count++;
  };
  return {
    changed() {
      pending = true;
      timer ??= setTimeout(flush, debounceMs);
    },
    flush,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = false;
    },
    saves: () => count,
  };
}
