// Shared helpers of the protocol tests: start the real `ec2-lab mini-ec2` command, send raw HTTP.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}src/cli/ec2-lab.mjs`;

export type CommandServer = { url: string; port: number; child: ChildProcess; output: () => string; stop(): Promise<number | null> };

/** Starts `node src/cli/ec2-lab.mjs mini-ec2 --port 0 ...` and waits for the endpoint it prints. */
export async function startCommandServer(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CommandServer> {
  const child = spawn(process.execPath, [BIN, 'mini-ec2', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mini-ec2 did not start in 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mini-ec2 exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url, port: Number(new URL(url).port), child, output: () => output, stop };
}

/**
 * Runs `ec2-lab mini-ec2 <args>` for the tests of the calling file: started before the first, stopped
 * after the last (a clean exit, code 0, is part of the test). Read its fields inside the tests only.
 */
export function useCommandServer(args: string[] = []): CommandServer {
  let server: CommandServer | undefined;
  beforeAll(async () => {
    server = await startCommandServer(args);
  }, 60_000);
  afterAll(async () => {
    expect(await started().stop()).toBe(0);
  }, 60_000);
  const started = (): CommandServer => {
    if (!server) throw new Error('the mini-ec2 command has not started: use the server inside a test, not at load time');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    get child() {
      return started().child;
    },
    output: () => started().output(),
    stop: () => started().stop(),
  };
}

/** Sends raw bytes on a fresh connection; resolves with everything received until the server closes. */
export function rawHttp(
  port: number,
  chunks: Array<string | { wait: number }>,
  { timeoutMs = 5_000 } = {},
): Promise<{ text: string; status: number; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let closedByServer = false;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, status: statusOf(text), closedByServer });
    }, timeoutMs);
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => (closedByServer = true));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, status: statusOf(text), closedByServer });
    });
    socket.on('error', reject);
    const writeChunks = async () => {
      for (const chunk of chunks) {
        if (typeof chunk === 'string') socket.write(chunk);
        else await new Promise((r) => setTimeout(r, chunk.wait));
        if (socket.destroyed) return;
      }
    };
    socket.on('connect', () => void writeChunks());
  });
}

function statusOf(text: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
}

export function errorCodeOf(xml: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
}

/** A SigV4-looking Authorization header for a region (mini-EC2 reads the scope, never the signature). */
export function fakeAuthorization(region: string): string {
  return `AWS4-HMAC-SHA256 Credential=test/20260115/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000`;
}

/** Fails with a clear message when a client program is missing (the test must not pass silently). */
export function requireProgram(command: string, args: string[], what: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${what} is not available (${command} ${args.join(' ')} failed: ${probe.error?.message ?? probe.stderr}). Install it to run this test.`);
  }
}
