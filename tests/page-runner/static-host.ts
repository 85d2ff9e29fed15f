// A plain static host for the browser tests: Python's `http.server` serving a folder, the way the issue's
// "new user" serves dist/: no COOP/COEP, no /api/grade, no special headers of any kind.
import { spawn } from 'node:child_process';

export interface StaticHost {
  url: string; // with a trailing slash
  stop(): Promise<void>;
}

export function startStaticHost(dir: string): Promise<StaticHost> {
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`python3 -m http.server did not start within 60 s:\n${output}`));
    }, 60_000);
    child.once('error', (error) => reject(new Error(`python3 is needed for the static-host tests (apt-get install python3): ${error.message}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /port (\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${port}/`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}
