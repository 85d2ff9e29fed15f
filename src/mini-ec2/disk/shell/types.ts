/** What every command of the shell subset gets and gives back. */
import type { DiskContents } from '../contents.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ShellEnv {
  /** The disk, to read. */
  read(): Readonly<DiskContents>;
  /** The disk, to change (a disk still on its base picture gets its own copy first). */
  write(): DiskContents;
  /** The instance's architecture (package names carry it: x86_64 or aarch64). */
  arch: string;
  /** The script's file name, as bash names it in its messages ("<path>: line 3: foo: command not found"). */
  scriptPath: string;
}
