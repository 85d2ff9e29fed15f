// A fake of the @webcontainer/api boundary (boot, mount, spawn, fs) for the WebContainer backend's tests.
// Processes are scripted: each spawn looks up a handler by command line, which may write files and print.
import type { FileSystemTree } from '@webcontainer/api';
import type { Container, ContainerProcess } from '../../src/sandbox/backends/webcontainer.ts';

export interface ScriptedProcess {
  output?: string[];
  exitCode?: number;
  /** Called when the process runs; may write files into the fake fs. */
  effect?: (fs: Map<string, string>) => void;
  /** Never exits on its own (until killed). */
  hang?: boolean;
}

export class FakeContainer implements Container {
  readonly files = new Map<string, string>();
  readonly mounted: FileSystemTree[] = [];
  readonly spawned: { command: string; args: string[]; env?: Record<string, string | number | boolean> }[] = [];
  killed = 0;

  constructor(private readonly script: (commandLine: string) => ScriptedProcess) {}

  async mount(tree: FileSystemTree): Promise<void> {
    this.mounted.push(tree);
    const walk = (node: FileSystemTree, prefix: string) => {
      for (const [name, entry] of Object.entries(node)) {
        if ('directory' in entry) walk(entry.directory, `${prefix}${name}/`);
        else if ('file' in entry && 'contents' in entry.file) this.files.set(`${prefix}${name}`, String(entry.file.contents));
      }
    };
    walk(tree, '');
  }

  async spawn(command: string, args: string[], options?: { env?: Record<string, string | number | boolean> }): Promise<ContainerProcess> {
    this.spawned.push({ command, args, env: options?.env });
    const step = this.script([command, ...args].join(' '));
    let resolveExit!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (resolveExit = resolve));
    let closeOutput!: () => void;
    const output = new ReadableStream<string>({
      start(controller) {
        for (const chunk of step.output ?? []) controller.enqueue(chunk);
        closeOutput = () => {
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
      },
    });
    if (!step.hang) {
      queueMicrotask(() => {
        step.effect?.(this.files);
        closeOutput();
        resolveExit(step.exitCode ?? 0);
      });
    }
    return {
      output,
      exit,
      kill: () => {
        this.killed++;
        closeOutput();
        resolveExit(137);
      },
    };
  }

  readonly fs = {
    readFile: async (path: string): Promise<string> => {
      const content = this.files.get(path);
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    writeFile: async (path: string, data: string): Promise<void> => {
      this.files.set(path, data);
    },
    rm: async (path: string, options?: { force?: boolean }): Promise<void> => {
      if (!this.files.delete(path) && !options?.force) throw new Error(`ENOENT: ${path}`);
    },
  };
}

/** A results file as the grader's kit reporter writes it: one JSON line per finished test file. */
export function kitReport(tests: { name: string; state: 'passed' | 'failed'; error?: string }[], meta: unknown = {}): string {
  const record = {
    file: '/home/ec2lab/s0/tests/launch.test.ts',
    tests: tests.map((t) => ({ name: t.name, state: t.state, errors: t.error ? [t.error] : [] })),
    errors: [],
    meta,
  };
  return `${JSON.stringify(record)}\n`;
}
