// A long-lived vitest process: it loads vitest, the config and the model once, then runs the test files it
// is sent, one batch at a time. Later runs reuse the warm transform cache and worker pool, which is what
// makes one submission fast (the sandbox's local endpoint) and a class fast (one process for everyone).
// It runs in its own process group, so the grader can kill it (and every worker and learner child under
// it) at a time limit and start a fresh one.
// Plain JavaScript on purpose: started with tsx's loader, this process spent seconds of CPU in tsx's hook
// thread on every module vitest and vite load; the TypeScript it needs (the kit's reporter) vitest loads itself.
//
// Messages, parent -> daemon: run {id, files, resultsFile};  daemon -> parent: ready | done {id, error?}
import { createVitest } from 'vitest/node';

const configFile = process.argv[2];
if (!configFile || !process.send) throw new Error('usage: node vitest-daemon-child.mjs <vitest.config.mjs> (with an IPC channel)');

const vitest = await createVitest('test', { config: configFile, watch: false, run: true });
const project = vitest.getRootProject();

/** @param {unknown} raw */
async function run(raw) {
  const message = /** @type {{ type?: string; id?: number; files?: string[]; resultsFile?: string }} */ (raw);
  if (message?.type !== 'run' || !Array.isArray(message.files) || typeof message.resultsFile !== 'string') return;
  // The kit's reporter (in this process) appends each finished test file to this run's results file.
  process.env.EC2LAB_RESULTS_FILE = message.resultsFile;
  try {
    await vitest.runTestSpecifications(message.files.map((file) => project.createSpecification(file)));
    process.send?.({ type: 'done', id: message.id });
  } catch (error) {
    process.send?.({ type: 'done', id: message.id, error: String(error instanceof Error ? error.stack : error).slice(0, 2000) });
  }
}
process.on('message', (raw) => void run(raw));
process.on('disconnect', () => {
  void vitest.close().finally(() => process.exit(0));
});
process.send({ type: 'ready' });
