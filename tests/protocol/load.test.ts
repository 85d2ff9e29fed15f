// Load on loopback: 200 concurrent connections, 20,000 requests mixing reads and writes (RunInstances,
// CreateTags), against the real server module running in its own process (load-server.ts). Passes when
// every request got a 2xx, every launch the clients saw is in the model afterwards (no lost write), no
// socket is left open, and 10,000 more requests leave the server's heap (after GC) where it was: no
// per-request leak. Bounded in time: autocannon gives each request 15 s, each test 90 s.
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { fakeAuthorization, ROOT } from './helpers.ts';

let child: ChildProcess;
let url: string;
let imageId: string;
let anchorId: string;

function ask<T>(message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(Object.values(answer as object)[0] as T));
    child.send(message);
  });
}

const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: fakeAuthorization('us-east-1') };
const V = 'Version=2016-11-15';

async function call(body: string): Promise<string> {
  const res = await fetch(url, { method: 'POST', headers, body: `${body}&${V}` });
  const text = await res.text();
  if (!res.ok) throw new Error(text);
  return text;
}

/** Counts the kinds of request errors autocannon meets, so a failure says what went wrong. */
const errorKinds = new Map<string, number>();
function withErrorLog<T>(run: T): T {
  (run as unknown as { on(event: string, listener: (error: Error & { code?: string }) => void): void }).on('reqError', (error) => {
    const kind = error.code ?? error.message;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  });
  return run;
}
afterEach(() => {
  if (errorKinds.size) console.log('load: request errors', Object.fromEntries(errorKinds));
  errorKinds.clear();
});

beforeAll(async () => {
  child = fork(`${ROOT}tests/protocol/load-server.ts`, [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (d) => {
      output += d;
      const match = /ready (\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
  });
  const images = await call('Action=DescribeImages&Owner.1=amazon&Filter.1.Name=name&Filter.1.Value.1=al2023-ami-2023.*-x86_64');
  imageId = /<imageId>(ami-[0-9a-f]+)<\/imageId>/.exec(images)![1];
  anchorId = /<instanceId>(i-[0-9a-f]+)<\/instanceId>/.exec(await call(`Action=RunInstances&ImageId=${imageId}&InstanceType=t3.micro&MinCount=1&MaxCount=1`))![1];
}, 30_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    await exited;
  }
});

it('serves 20,000 mixed requests on 200 connections with no error and no lost write', async () => {
  const before = await ask<number>('instances');
  let launched = 0;
  const post = (body: string) => ({ method: 'POST' as const, headers, body: `${body}&${V}` });
  // One write in five: RunInstances (new instances) and CreateTags (overwrites a tag), among reads.
  const requests = [
    post(`Action=DescribeInstances&InstanceId.1=${anchorId}`),
    {
      ...post(`Action=RunInstances&ImageId=${imageId}&InstanceType=t3.micro&MinCount=1&MaxCount=1`),
      onResponse: (status: number, body: string) => {
        if (status === 200) launched += (body.match(/<instanceId>/g) ?? []).length;
      },
    },
    post(`Action=DescribeImages&ImageId.1=${imageId}`),
    post('Action=DescribeInstanceTypes&InstanceType.1=t3.micro&InstanceType.2=m7i.large'),
    post('Action=DescribeRegions'),
    post(`Action=CreateTags&ResourceId.1=${anchorId}&Tag.1.Key=load&Tag.1.Value=yes`),
    post('Action=DescribeImages&Owner.1=amazon&Filter.1.Name=name&Filter.1.Value.1=al2023-ami-2023.*&Filter.2.Name=architecture&Filter.2.Value.1=arm64'),
    post(`Action=DescribeInstances&Filter.1.Name=instance-id&Filter.1.Value.1=${anchorId}`),
    post('Action=DescribeAvailabilityZones'),
    post(`Action=DescribeImages&ImageId.1=${imageId}`),
  ];
  const result = await withErrorLog(autocannon({ url, connections: 200, amount: 20_000, timeout: 15, requests }));
  console.log(`load: ${result.requests.total} requests in ${(result.duration).toFixed(1)} s, ${result.requests.average} req/s, p99 ${result.latency.p99} ms, ${launched} launches`);
  expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
  expect(result['2xx']).toBe(20_000);
  expect(launched).toBeGreaterThanOrEqual(1_900);
  expect(await ask<number>('instances')).toBe(before + launched);
}, 90_000);

it('holds no memory per request once done (server heap after GC, before and after 10,000 more requests)', async () => {
  const reads = [
    `Action=DescribeInstances&InstanceId.1=${anchorId}`,
    `Action=DescribeImages&ImageId.1=${imageId}`,
    'Action=DescribeInstanceTypes&InstanceType.1=t3.micro',
    'Action=DescribeRegions',
    'Action=Describe', // an error answer too: error paths must not leak either
  ];
  const requests = reads.map((body) => ({ method: 'POST' as const, headers, body: `${body}&${V}` }));
  const heapBefore = await ask<number>('heap');
  expect(heapBefore).toBeGreaterThan(0);
  const openBefore = await ask<number>('connections'); // this test's own fetch() keep-alive sockets
  const run = await withErrorLog(autocannon({ url, connections: 200, amount: 10_000, timeout: 15, requests }));
  expect(run.errors + run.timeouts).toBe(0);
  expect([run['2xx'], run['4xx']]).toEqual([8_000, 2_000]);
  // autocannon closes its 200 sockets when done; the server must see every one of them go.
  let open = await ask<number>('connections');
  for (const deadline = Date.now() + 5_000; open > openBefore && Date.now() < deadline; open = await ask<number>('connections')) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(open).toBe(openBefore);
  const heapAfter = await ask<number>('heap');
  console.log(`load: server heap after GC ${(heapBefore / 2 ** 20).toFixed(1)} MB -> ${(heapAfter / 2 ** 20).toFixed(1)} MB after 10,000 more requests`);
  // A leak of 300 bytes per request would show as 3 MB.
  expect(heapAfter - heapBefore).toBeLessThan(3 * 2 ** 20);
}, 90_000);
