// The load test's server, in its own process (run with `node --import tsx --expose-gc`), so the server
// and the load generator each get a core as on a real machine, and the heap measured is the server's
// alone. Prints `ready <url>`; answers IPC messages: 'heap' (heap used after full GC), 'instances'
// (instances in the model), 'connections' (open sockets).
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { startMiniEc2Server } from '../../src/mini-ec2/server/http-server.ts';

const model = new MiniEc2({ seed: 11, vcpuLimit: 10_000_000 });
const server = await startMiniEc2Server(model, { port: 0 });
const gc = (globalThis as { gc?: () => void }).gc;

async function countInstances(): Promise<number> {
  const out = await model.client('us-east-1').describeInstances({});
  return (out.Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
}

async function answer(message: string): Promise<void> {
  if (message === 'heap') {
    if (!gc) {
      process.send!({ heap: -1 });
      return;
    }
    for (let i = 0; i < 3; i++) gc();
    process.send!({ heap: process.memoryUsage().heapUsed });
  } else if (message === 'instances') {
    process.send!({ instances: await countInstances() });
  } else if (message === 'connections') {
    server.server.getConnections((_error, count) => process.send!({ connections: count }));
  } else if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
}
process.on('message', (message: string) => void answer(message));
console.log(`ready ${server.url}`);
