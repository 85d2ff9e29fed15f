// One process per data folder: PGlite is an embedded database, and two processes opening the same folder would
// corrupt it. The lock is a file holding the owner's PID, created exclusively (O_EXCL); a lock whose process is
// gone (kill -9, a crash, a reboot) is stale and taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataFolderLockedError extends Error {
  constructor(readonly folder: string, readonly pid: number) {
    super(`The class data folder ${folder} is in use by another ec2-lab process (PID ${pid}). Stop that process, or start this one with another --data folder.`);
    this.name = 'DataFolderLockedError';
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by someone else
  }
}

function ownerOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock on folder (creating the folder); returns the function that releases it. */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, 'ec2-lab.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      const release = () => {
        if (ownerOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
      };
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = ownerOf(lockFile);
      if (pid !== undefined && pid !== process.pid && processIsAlive(pid)) throw new DataFolderLockedError(folder, pid);
      rmSync(lockFile, { force: true }); // stale: its process is gone (or it was half-written)
    }
  }
  throw new Error(`Could not take the lock ${lockFile}: another process keeps creating it.`);
}
