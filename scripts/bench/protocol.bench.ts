// Throughput and latency of mini-EC2 over HTTP (the real `ec2-lab mini-ec2` command) next to moto's server
// (`python3 -m moto.server`), in the same run, doing the same work: DescribeInstances (with 10 instances
// present) and RunInstances (one instance per request), 10 connections each, on loopback, with autocannon.
// Targets: mini-EC2 at least 5x moto's rate, p99 latency under 20 ms. Both servers are separate
// processes and are stopped by their own PID at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DURATION_S = Number(process.env.PROTOCOL_BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const AUTH = 'AWS4-HMAC-SHA256 Credential=test/20260115/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';
const HEADERS = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: AUTH };

type Server = { name: string; url: string; child: ChildProcess };

function startProcess(name: string, command: string, args: string[], ready: RegExp): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 30 s:\n${output}`)), 30_000);
    const onData = (d: Buffer) => {
      output += d;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ name, url: match[1], child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
}

async function call(server: Server, body: string): Promise<string> {
  const res = await fetch(server.url, { method: 'POST', headers: HEADERS, body: `${body}&Version=2016-11-15` });
  const text = await res.text();
  if (!res.ok) throw new Error(`${server.name}: ${body} -> ${res.status} ${text.slice(0, 300)}`);
  return text;
}

/** An x86_64 Amazon image of the server's own catalog, then 10 instances launched from it. */
async function prepare(server: Server): Promise<string> {
  const images = await call(server, 'Action=DescribeImages&Owner.1=amazon&Filter.1.Name=architecture&Filter.1.Value.1=x86_64&Filter.2.Name=state&Filter.2.Value.1=available');
  const imageIds = [...images.matchAll(/<imageId>(ami-[0-9a-f]+)<\/imageId>/g)].map((m) => m[1]);
  if (imageIds.length === 0) throw new Error(`${server.name}: no x86_64 Amazon image`);
  // Prefer an image both sides have a t3.micro-compatible, non-marketplace, Linux flavour of: any x86_64 one does.
  const imageId = imageIds[0];
  await call(server, `Action=RunInstances&ImageId=${imageId}&InstanceType=t3.micro&MinCount=10&MaxCount=10`);
  return imageId;
}

type Figures = { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };

async function load(server: Server, body: string): Promise<Figures> {
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: HEADERS,
    body: `${body}&Version=2016-11-15`,
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function stop(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.child.exitCode !== null || server.child.pid === undefined) return resolve();
    server.child.once('exit', () => resolve());
    process.kill(server.child.pid, 'SIGTERM');
    setTimeout(() => server.child.exitCode === null && process.kill(server.child.pid!, 'SIGKILL'), 5_000).unref();
  });
}

async function main(): Promise<number> {
  let mini: Server | undefined;
  let moto: Server | undefined;
  try {
    // Node directly (not npx), so the PID we hold is the server's.
    mini = await startProcess('mini-EC2', process.execPath, [`${ROOT}src/cli/ec2-lab.mjs`, 'mini-ec2', '--port', '0', '--instance-limit', '1000000'], /listening on (http:\/\/\S+)/);
    const motoPort = 20_000 + Math.floor(Math.random() * 20_000);
    moto = await startProcess('moto', 'python3', ['-m', 'moto.server', '-p', String(motoPort)], /Running on (http:\/\/127\.0\.0\.1:\d+)/);

    const rows: Array<[string, string, Figures]> = [];
    const images = { mini: await prepare(mini), moto: await prepare(moto) };
    for (const [action, body] of [
      ['DescribeInstances', () => 'Action=DescribeInstances'],
      ['RunInstances', (imageId: string) => `Action=RunInstances&ImageId=${imageId}&InstanceType=t3.micro&MinCount=1&MaxCount=1`],
    ] as const) {
      rows.push([action, 'mini-EC2', await load(mini, body(images.mini))]);
      rows.push([action, 'moto', await load(moto, body(images.moto))]);
    }

    console.log(`protocol: ${CONNECTIONS} connections, ${DURATION_S} s per run, loopback, autocannon`);
    console.log('action             server     req/s     p50 ms  p99 ms  requests  errors  non-2xx');
    for (const [action, name, f] of rows) {
      console.log(
        `${action.padEnd(18)} ${name.padEnd(9)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(7)} ${String(f.requests).padStart(9)} ${String(f.errors).padStart(7)} ${String(f.non2xx).padStart(8)}`,
      );
    }
    let ok = true;
    for (const action of ['DescribeInstances', 'RunInstances']) {
      const m = rows.find((r) => r[0] === action && r[1] === 'mini-EC2')![2];
      const o = rows.find((r) => r[0] === action && r[1] === 'moto')![2];
      const ratio = m.rps / o.rps;
      const verdict = `${ratio >= 5 ? 'meets' : 'MISSES'} the 5x target; p99 ${m.p99} ms ${m.p99 < 20 ? 'meets' : 'MISSES'} the 20 ms target`;
      console.log(`${action}: mini-EC2 / moto = ${ratio.toFixed(1)}x (${verdict})`);
      if (m.errors || m.non2xx) {
        console.log(`${action}: mini-EC2 answered ${m.errors} errors and ${m.non2xx} non-2xx: the figures are not valid`);
        ok = false;
      }
    }
    return ok ? 0 : 1;
  } finally {
    await Promise.all([stop(mini), stop(moto)]);
  }
}

process.exitCode = await main();
