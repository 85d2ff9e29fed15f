// Picks where runs go: a WebContainer when it starts in time, else the course server's /api/grade, else
// nothing (a static host while offline) and the sandbox offers the exercise as a download instead.
import type { Backend } from './backend.ts';

export type BackendChoice =
  | { kind: 'webcontainer'; backend: Backend }
  | { kind: 'local'; backend: Backend; webcontainerProblem: string }
  | { kind: 'none'; webcontainerProblem: string };

export interface ChooseOptions {
  /** Boots the WebContainer; rejects (by its own timeout) when it cannot start. */
  startWebContainer: () => Promise<Backend>;
  probeLocal: () => Promise<boolean>;
  createLocal: () => Backend;
}

export async function chooseBackend(options: ChooseOptions): Promise<BackendChoice> {
  // Probe the local server while the WebContainer boots, so falling back costs no extra wait.
  const local = options.probeLocal();
  try {
    const backend = await options.startWebContainer();
    return { kind: 'webcontainer', backend };
  } catch (error) {
    const webcontainerProblem = error instanceof Error ? error.message : String(error);
    if (await local) return { kind: 'local', backend: options.createLocal(), webcontainerProblem };
    return { kind: 'none', webcontainerProblem };
  }
}
