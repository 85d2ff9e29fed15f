/** An instance's serial console: text appended at each boot, kept short (GetConsoleOutput: console-output.ts). */
import type { InstanceRecord } from '../state.ts';

/** EC2 keeps the most recent 64 KB of console output. */
const CONSOLE_LIMIT = 64 * 1024;

/** cloud-init's own clock format on the console ("Thu, 15 Jan 2026 09:00:05 +0000"). */
export const cloudInitTime = (t: number) => new Date(t).toUTCString().replace('GMT', '+0000');

export function appendConsole(instance: InstanceRecord, text: string): void {
  const all = (instance.consoleOutput ?? '') + text;
  instance.consoleOutput = all.length > CONSOLE_LIMIT ? all.slice(all.length - CONSOLE_LIMIT) : all;
}
