// Picks where runs go: a WebContainer when it starts, else the course server's /api/grade, else nothing
// (a static host while offline) and the sandbox offers the exercise as a download instead.
//
// How long to wait for the WebContainer depends on what else there is: with the course server on hand we
// give it `localGraceMs` (the learner should not wait long for an answer the server can give), without one
// it is the only way to run tests, so it gets the backend's own, longer, boot timeout.
import type { Backend } from './backend.ts';

/**
 * How long we wait for WebContainer.boot(), which never settles when stackblitz.com is unreachable; a real
 * boot on a fair connection takes 2-4 s. With the course server at hand (npm start) runs go there after
 * LOCAL_GRACE_MS, so the fallback comes within 10 s of the first Run even when that click woke the sandbox.
 * Without one (a static host) the WebContainer is the only way to run tests and gets BOOT_TIMEOUT_MS.
 */
export const LOCAL_GRACE_MS = 5000;
export const BOOT_TIMEOUT_MS = 15_000;

export type BackendChoice =
  | { kind: 'webcontainer'; backend: Backend }
  | { kind: 'local'; backend: Backend; webcontainerProblem: string }
  | { kind: 'none'; webcontainerProblem: string };

export interface ChooseOptions {
  /** Boots the WebContainer; rejects (by its own timeout) when it cannot start. */
  startWebContainer: () => Promise<Backend>;
  probeLocal: () => Promise<boolean>;
  createLocal: () => Backend;
  /** With a local server available, how long the WebContainer may take before runs go to the server. */
  localGraceMs: number;
}

const never = new Promise<never>(() => {});
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function chooseBackend(options: ChooseOptions): Promise<BackendChoice> {
  const local = options.probeLocal().catch(() => false);
  const webcontainer = options.startWebContainer().then(
    (backend): BackendChoice => ({ kind: 'webcontainer', backend }),
    async (error: unknown): Promise<BackendChoice> => {
      const webcontainerProblem = message(error);
      return (await local)
        ? { kind: 'local', backend: options.createLocal(), webcontainerProblem }
        : { kind: 'none', webcontainerProblem };
    },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const localAfterGrace = local.then((available) =>
    available
      ? new Promise<BackendChoice>((resolve) => {
          timer = setTimeout(() => resolve({
            kind: 'local',
            backend: options.createLocal(),
            webcontainerProblem: `WebContainer did not start within ${Math.round(options.localGraceMs / 1000)} s`,
          }), options.localGraceMs);
        })
      : never,
  );
  try {
    return await Promise.race([webcontainer, localAfterGrace]);
  } finally {
    clearTimeout(timer);
  }
}
