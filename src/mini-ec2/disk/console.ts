/** An instance's serial console and GetConsoleOutput: text appended at each boot, kept short. */
import type { Ctx } from '../context.ts';
import type { InstanceRecord } from '../state.ts';
import type { GetConsoleOutputResult } from '../sdk-shapes.ts';
import { requireInstances } from '../resources/instances.ts';

/** EC2 keeps the most recent 64 KB of console output. */
const CONSOLE_LIMIT = 64 * 1024;

/** cloud-init's own clock format on the console ("Thu, 15 Jan 2026 09:00:05 +0000"). */
export const cloudInitTime = (t: number) => new Date(t).toUTCString().replace('GMT', '+0000');

export function appendConsole(instance: InstanceRecord, text: string): void {
  const all = (instance.consoleOutput ?? '') + text;
  instance.consoleOutput = all.length > CONSOLE_LIMIT ? all.slice(all.length - CONSOLE_LIMIT) : all;
}

/** base64 of the text's UTF-8 bytes, with the platform's btoa (no Node Buffer in the model). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * GetConsoleOutput: the instance's console text, base64-encoded, and when it was taken. Before the
 * first boot there is no output yet, and EC2 leaves `Output` out (the SDK types it optional).
 */
export function getConsoleOutput(ctx: Ctx, instanceId: string): Omit<GetConsoleOutputResult, '$metadata'> {
  const [instance] = requireInstances(ctx.region, [instanceId]);
  return {
    InstanceId: instance.id,
    Timestamp: new Date(ctx.now),
    ...(instance.consoleOutput ? { Output: base64(instance.consoleOutput) } : {}),
  };
}
