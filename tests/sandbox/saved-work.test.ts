import { describe, expect, it } from 'vitest';
import {
  type KeyValueStorage,
  backToOwnCode,
  canShowSolution,
  loadWork,
  recordRun,
  resetToStarter,
  revealHint,
  saveWork,
  showSolution,
  storageKey,
  withFile,
} from '../../src/sandbox/saved-work.ts';

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  failWrites = false;
  getItem(key: string) { return this.map.get(key) ?? null; }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) { this.map.delete(key); }
}

const starter = { 'launch.ts': '// write your code here\n' };
const solution = { 'launch.ts': 'export async function launch() {}\n' };

describe('saved work', () => {
  it('starts from the starter when nothing is saved', () => {
    const work = loadWork(new MemoryStorage(), 'launch', starter);
    expect(work.files).toEqual(starter);
    expect(work.hintsShown).toBe(0);
  });

  it('keeps every edit across a reload, per exercise', () => {
    const storage = new MemoryStorage();
    const edited = withFile(loadWork(storage, 'launch', starter), 'launch.ts', 'const mine = 1;');
    expect(saveWork(storage, 'launch', edited)).toBe(true);
    expect(loadWork(storage, 'launch', starter).files['launch.ts']).toBe('const mine = 1;');
    expect(loadWork(storage, 'find-ami', { 'find.ts': 'x' }).files).toEqual({ 'find.ts': 'x' });
  });

  it('falls back to the starter on malformed saved data and drops files the exercise no longer has', () => {
    const storage = new MemoryStorage();
    storage.map.set(storageKey('launch'), '{not json');
    expect(loadWork(storage, 'launch', starter).files).toEqual(starter);
    storage.map.set(storageKey('launch'), JSON.stringify({ files: { 'launch.ts': 'mine', 'old.ts': 'gone' }, hintsShown: -3 }));
    const work = loadWork(storage, 'launch', { ...starter, 'new.ts': 'fresh' });
    expect(work.files).toEqual({ 'launch.ts': 'mine', 'new.ts': 'fresh' });
    expect(work.hintsShown).toBe(0);
  });

  it('says when the browser refuses to save', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(saveWork(storage, 'launch', loadWork(storage, 'launch', starter))).toBe(false);
  });

  it('reset restores the starter; show solution keeps the learner code to go back to', () => {
    let work = withFile(loadWork(new MemoryStorage(), 'launch', starter), 'launch.ts', 'my attempt');
    work = showSolution(work, solution);
    expect(work.files).toEqual(solution);
    expect(work.ownFiles).toEqual({ 'launch.ts': 'my attempt' });
    // Showing the solution twice does not overwrite the kept code with the solution.
    work = showSolution(work, solution);
    expect(work.ownFiles).toEqual({ 'launch.ts': 'my attempt' });
    work = backToOwnCode(work);
    expect(work.files).toEqual({ 'launch.ts': 'my attempt' });
    expect(work.ownFiles).toBeUndefined();
    expect(resetToStarter(work, starter).files).toEqual(starter);
  });

  it('offers the solution only after a failed run and two hints', () => {
    let work = loadWork(new MemoryStorage(), 'launch', starter);
    expect(canShowSolution(work, 3)).toBe(false);
    work = recordRun(work, false);
    work = revealHint(work, 3);
    expect(canShowSolution(work, 3)).toBe(false);
    work = revealHint(work, 3);
    expect(canShowSolution(work, 3)).toBe(true);
    expect(revealHint(revealHint(work, 3), 3).hintsShown).toBe(3);
    expect(canShowSolution(recordRun(loadWork(new MemoryStorage(), 'x', starter), true), 0)).toBe(false);
  });
});
