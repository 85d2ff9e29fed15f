// Picks where Run sends the tests, at once (never waiting for a WebContainer):
// 1. the page runner (src/page-runner: workers in this page) wherever module workers exist: every current
//    browser, on any host, offline too;
// 2. else the course server's POST /api/grade when the page came from `npm start` (a browser without
//    module workers);
// 3. else nothing, and the sandbox offers the exercise as a download.
// The WebContainer is no backend for Run any more: where it boots it gives the sandbox's terminal tab.
import type { Backend } from './backend.ts';

export type BackendChoice =
  | { kind: 'page'; backend: Backend }
  | { kind: 'local'; backend: Backend }
  | { kind: 'none' };

export interface ChooseOptions {
  supportsModuleWorkers: () => boolean;
  createPage: () => Backend;
  probeLocal: () => Promise<boolean>;
  createLocal: () => Backend;
}

export async function chooseBackend(options: ChooseOptions): Promise<BackendChoice> {
  if (options.supportsModuleWorkers()) return { kind: 'page', backend: options.createPage() };
  if (await options.probeLocal().catch(() => false)) return { kind: 'local', backend: options.createLocal() };
  return { kind: 'none' }; // the sandbox says why, in the learner's language
}
