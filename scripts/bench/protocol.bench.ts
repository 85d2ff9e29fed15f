// Throughput and latency of mini-EC2 over HTTP (the real `ec2-lab mini-ec2` command) next to moto's server
// (`python3 -m moto.server`), in the same run, doing the same work: DescribeInstances (with 10 instances
// present) and RunInstances (one instance per request), 10 connections each, on loopback. mini-EC2's rate
// and p99 come from autocannon; the side-by-side ratio from one node:http loop run against both.
// Targets: mini-EC2 at least 5x moto's rate, p99 latency under 20 ms. Both servers are separate
// processes and are stopped by their own PID at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
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
      output += d.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ name, url: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
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

/** autocannon, keep-alive connections: the headline rate and p99 of mini-EC2. */
async function autocannonLoad(server: Server, body: string, maxRequests?: number): Promise<Figures> {
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: HEADERS,
    body: `${body}&Version=2016-11-15`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    ...(maxRequests ? { amount: maxRequests } : {}),
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

/**
 * The same load from node:http with a keep-alive agent: CONNECTIONS workers, each sending its next
 * request when the previous one is answered. Used for the side-by-side figures because moto's
 * development server answers "Connection: close", which autocannon cannot follow (its connections
 * stall), while node:http simply opens a new connection.
 */
async function httpLoad(server: Server, body: string, maxRequests = Infinity): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const { hostname, port } = new URL(server.url);
  const payload = `${body}&Version=2016-11-15`;
  const headers = { ...HEADERS, 'content-length': Buffer.byteLength(payload) };
  const send = () =>
    new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, method: 'POST', path: '/', headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const end = started + DURATION_S * 1000;
  const worker = async () => {
    while (performance.now() < end && latencies.length + errors < maxRequests) {
      const t = performance.now();
      try {
        const status = await send();
        if (status < 200 || status > 299) non2xx++;
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), requests: latencies.length, errors, non2xx };
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
    mini = await startProcess('mini-EC2', process.execPath, [`${ROOT}src/cli/ec2-lab.mjs`, 'mini-ec2', '--port', '0', '--vcpu-limit', '100000000'], /listening on (http:\/\/\S+)/);
    const motoPort = 20_000 + Math.floor(Math.random() * 20_000);
    moto = await startProcess('moto', 'python3', ['-m', 'moto.server', '-p', String(motoPort)], /Running on (http:\/\/127\.0\.0\.1:\d+)/);

    const rows: Array<[string, string, Figures]> = [];
    const images = { mini: await prepare(mini), moto: await prepare(moto) };
    // RunInstances runs stop at 8,000 requests: a region's six default subnets hold ~24,500 addresses,
    // and an exhausted subnet is an error in mini-EC2 as in EC2.
    for (const [action, body, cap] of [
      ['DescribeInstances', () => 'Action=DescribeInstances', undefined],
      ['RunInstances', (imageId: string) => `Action=RunInstances&ImageId=${imageId}&InstanceType=t3.micro&MinCount=1&MaxCount=1`, 8_000],
    ] as const) {
      rows.push([action, 'mini-EC2', await autocannonLoad(mini, body(images.mini), cap)]);
      rows.push([action, 'mini-EC2*', await httpLoad(mini, body(images.mini), cap)]);
      rows.push([action, 'moto*', await httpLoad(moto, body(images.moto), cap)]);
    }

    console.log(`protocol: ${CONNECTIONS} connections, ${DURATION_S} s per run, loopback, autocannon`);
    console.log(`(* = measured with node:http, same work and concurrency on both servers: moto's server closes every`);
    console.log(`   connection, which autocannon cannot follow; the ratio compares the two * rows)`);
    console.log('action             server     req/s     p50 ms  p99 ms  requests  errors  non-2xx');
    for (const [action, name, f] of rows) {
      console.log(
        `${action.padEnd(18)} ${name.padEnd(9)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(7)} ${String(f.requests).padStart(9)} ${String(f.errors).padStart(7)} ${String(f.non2xx).padStart(8)}`,
      );
    }
    let ok = true;
    for (const action of ['DescribeInstances', 'RunInstances']) {
      const m = rows.find((r) => r[0] === action && r[1] === 'mini-EC2')![2];
      const fresh = rows.find((r) => r[0] === action && r[1] === 'mini-EC2*')![2];
      const o = rows.find((r) => r[0] === action && r[1] === 'moto*')![2];
      const ratio = fresh.rps / o.rps;
      const verdict = `${ratio >= 5 ? 'meets' : 'MISSES'} the 5x target; autocannon p99 ${m.p99} ms ${m.p99 < 20 ? 'meets' : 'MISSES'} the 20 ms target`;
      console.log(`${action}: mini-EC2 / moto = ${ratio.toFixed(1)}x (${verdict})`);
      for (const [name, f] of [['mini-EC2', m], ['mini-EC2*', fresh], ['moto*', o]] as const) {
        if (f.errors || f.non2xx) {
          console.log(`${action}: ${name} answered ${f.errors} errors and ${f.non2xx} non-2xx: the figures are not valid`);
          ok = false;
        }
      }
    }
    return ok ? 0 : 1;
  } finally {
    await Promise.all([stop(mini), stop(moto)]);
  }
}

process.exitCode = await main();
