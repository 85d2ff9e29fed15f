/** GetConsoleOutput: what an instance's serial console shows (disk/console.ts), base64-encoded. */
import type { Ctx } from '../context.ts';
import type { GetConsoleOutputResult } from '../sdk-shapes.ts';
import { requireInstances } from '../resources/instances.ts';

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
