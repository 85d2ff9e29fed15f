// The sandbox's terminal tab (where a WebContainer boots): openShell mounts and installs the workspace once,
// writes the learner's current files, starts a shell with the terminal's size and the page's language
// (EC2LAB_LANG, so the `npm test` typed there speaks it) and wires both directions.
import { expect, it } from 'vitest';
import { createWebContainerBackend, type ContainerProcess, type ShellTerminal, type Workspace } from '../../src/sandbox/backends/webcontainer.ts';
import { FakeContainer } from './fake-webcontainer.ts';

const workspace: Workspace = {
  exercise: 'launch',
  learnerDir: 's0/submission',
  testCommand: ['npx', 'vitest', 'run', '--config', 'vitest.config.mjs'],
  testEnv: {},
  resultsFile: 'results.jsonl',
  tree: { 'package.json': { file: { contents: '{"name":"x","scripts":{"test":"vitest run"}}' } } },
};

/** A container whose `jsh` echoes what is typed (the fake's scripted processes take no input). */
class ShellContainer extends FakeContainer {
  typed = '';
  terminalSize: { cols: number; rows: number } | undefined;
  override async spawn(command: string, args: string[], options?: Parameters<FakeContainer['spawn']>[2] & { terminal?: { cols: number; rows: number } }): Promise<ContainerProcess> {
    if (command !== 'jsh') return super.spawn(command, args, options);
    this.spawned.push({ command, args, env: options?.env });
    this.terminalSize = options?.terminal;
    let print!: (text: string) => void;
    const output = new ReadableStream<string>({ start: (controller) => { print = (text) => controller.enqueue(text); print('❯ '); } });
    const input = new WritableStream<string>({ write: (chunk) => { this.typed += chunk; print(chunk); } });
    return { output, input, exit: new Promise<number>(() => {}), kill: () => {} };
  }
}

it('opens a shell in the workspace with the learner files and the page\'s language, echoing what is typed', async () => {
  const container = new ShellContainer((line) => {
    if (line.startsWith('npm ci')) return { output: ['added 40 packages\n'] };
    throw new Error(`unexpected command ${line}`);
  });
  const backend = createWebContainerBackend({ boot: async () => container, loadWorkspace: async () => workspace, convertReport: () => { throw new Error('unused'); }, bootTimeoutMs: 1000 });
  let screen = '';
  let listener: ((data: string) => void) | undefined;
  const terminal: ShellTerminal = { cols: 100, rows: 30, write: (text) => (screen += text), onData: (l) => ((listener = l), { dispose: () => (listener = undefined) }) };

  await backend.openShell('launch', { 'launch.ts': 'export const mine = 1;' }, terminal, 'pt-br');
  expect(container.spawned.map((s) => [s.command, ...s.args].join(' '))).toEqual(['npm ci --no-audit --no-fund', 'jsh']);
  expect(container.files.get('s0/submission/launch.ts')).toBe('export const mine = 1;');
  expect(container.terminalSize).toEqual({ cols: 100, rows: 30 });
  expect(container.spawned.find((s) => s.command === 'jsh')?.env).toEqual({ EC2LAB_LANG: 'pt-br' });
  listener?.('npm test\r');
  await expect.poll(() => screen).toContain('❯ npm test\r');
  expect(container.typed).toBe('npm test\r');
});
