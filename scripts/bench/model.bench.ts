// mini-EC2 benchmarks (run: npx tsx scripts/bench/model.bench.ts, or npm run bench). Prints figures with
// their targets and the ratio to target; it never fails on a slow figure (targets are for reading).
import { MiniEc2, type ModelState } from '../../src/mini-ec2/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const line = (label: string, value: string, target: string, ratio: number) =>
  console.log(`${label.padEnd(58)} ${value.padStart(16)}   target ${target.padEnd(14)} ${ratio >= 1 ? 'OK ' : 'LOW'} x${ratio.toFixed(2)}`);

function newestAl2023(model: MiniEc2, region: string): string {
  return model.catalog(region, 'quick-start').find((m) => m.family === 'amazon-linux-2023' && m.latest && m.key.endsWith('x86_64'))!.imageId;
}

type Client = ReturnType<MiniEc2['client']>;
const launchOne = (ec2: Client, ImageId: string) => ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });

/** 10,000 launches on a fresh model: wall ms and CPU ms. */
async function tenThousandLaunches(seed: number): Promise<{ ms: number; cpuMs: number }> {
  const model = new MiniEc2({ seed, vcpuLimit: 100_000_000 });
  const ec2 = model.client('us-east-1');
  const ImageId = newestAl2023(model, 'us-east-1');
  gc?.();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < 10_000; i++) await launchOne(ec2, ImageId);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function runInstancesRate(): Promise<void> {
  await tenThousandLaunches(100); // JIT warm-up on a throwaway model
  const runs = [await tenThousandLaunches(1), await tenThousandLaunches(2), await tenThousandLaunches(3)];
  const best = Math.min(...runs.map((r) => r.ms));
  const rate = 10_000 / (best / 1000);
  line('runInstances, 10,000 calls of one instance (best of 3)', `${Math.round(rate).toLocaleString('en')} calls/s`, '>= 50,000/s', rate / 50_000);
  const cpuRate = 10_000 / (Math.min(...runs.map((r) => r.cpuMs)) / 1000);
  line('  same, per CPU-second of this process (less load-sensitive)', `${Math.round(cpuRate).toLocaleString('en')} calls/s`, '(info)', 1);
}

async function describeImagesMedian(): Promise<void> {
  const model = new MiniEc2({ seed: 1 });
  const ec2 = model.client('us-east-1');
  const input = {
    Owners: ['amazon'],
    Filters: [
      { Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] },
      { Name: 'architecture', Values: ['x86_64'] },
      { Name: 'state', Values: ['available'] },
    ],
  };
  const catalogSize = (await ec2.describeImages({ IncludeDeprecated: true })).Images!.length;
  for (let i = 0; i < 200; i++) await ec2.describeImages(input);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    found = (await ec2.describeImages(input)).Images!.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  line(`describeImages, 3 filters + wildcard over ${catalogSize} images (${found} hits)`, `${(median * 1000).toFixed(0)} µs median`, '< 1 ms', 1 / median);
  line('  same, 95th percentile', `${(times[Math.floor(times.length * 0.95)] * 1000).toFixed(0)} µs`, '(info)', 1);
}

async function exportImport(): Promise<void> {
  const model = new MiniEc2({ seed: 1, vcpuLimit: 100_000_000 });
  const ec2 = model.client('us-east-1');
  const ImageId = newestAl2023(model, 'us-east-1');
  for (let i = 0; i < 100; i++) await ec2.runInstances({ ImageId, MinCount: 100, MaxCount: 100 });
  model.clock.advance(5000);
  const running = (await ec2.describeInstances({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] })).Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!));
  for (let i = 0; i < 1000; i++) await ec2.createImage({ InstanceId: running[i], Name: `bench-image-${i}`, NoReboot: true });
  let state: ModelState | undefined;
  const runs: number[] = [];
  let json = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    state = model.exportState();
    const loaded = MiniEc2.fromState(state);
    runs.push(performance.now() - t);
    if (r === 0) {
      const counts = loaded.exportState().regions['us-east-1'];
      if (Object.keys(counts.instances).length !== 10_000 || Object.keys(counts.images).length !== 1000) throw new Error('round trip lost data');
    }
  }
  const textRuns: number[] = [];
  let cpuBest = Infinity;
  for (let r = 0; r < 5; r++) {
    const cpu0 = process.cpuUsage();
    MiniEc2.fromState(model.exportState());
    const cpu = process.cpuUsage(cpu0);
    cpuBest = Math.min(cpuBest, (cpu.user + cpu.system) / 1000);
  }
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    const text = model.exportStateJson();
    MiniEc2.fromState(text);
    textRuns.push(performance.now() - t);
    json = text.length;
  }
  const best = Math.min(...runs);
  line('exportState + fromState, 10,000 instances + 1,000 images', `${best.toFixed(0)} ms`, '< 200 ms', 200 / best);
  line('  same, CPU time of this process', `${cpuBest.toFixed(0)} ms`, '(info)', 1);
  const bestText = Math.min(...textRuns);
  line(`exportStateJson + fromState(text) (${(json / 1e6).toFixed(1)} MB of JSON)`, `${bestText.toFixed(0)} ms`, '< 200 ms', 200 / bestText);
}

function memory(): void {
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const model = new MiniEc2({ seed: 1 });
  let images = 0;
  for (const region of model.regions) images += model.catalog(region).length; // builds every region's catalog
  gc?.();
  gc?.();
  const used = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  line(`memory, model with ${model.regions.length} seeded regions (${images} catalog images)`, `${used.toFixed(1)} MB`, '< 30 MB', 30 / Math.max(used, 0.01));
  if (!gc) console.log('  (run with node --expose-gc for a precise figure; npm run bench does)');
}

/** Heap per running instance: plain (disk on its base picture) and after user data wrote to its disk. */
async function memoryPerInstance(userData: string | undefined): Promise<number> {
  const model = new MiniEc2({ seed: 1, vcpuLimit: 1_000_000 });
  const ec2 = model.client('us-east-1');
  const ImageId = newestAl2023(model, 'us-east-1');
  model.catalog('us-east-1');
  gc?.();
  gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100; i++) await ec2.runInstances({ ImageId, MinCount: 100, MaxCount: 100, ...(userData ? { UserData: userData } : {}) });
  model.clock.advance(5000);
  await ec2.describeInstances({ MaxResults: 5 });
  gc?.();
  gc?.();
  return (process.memoryUsage().heapUsed - before) / 10_000;
}

/** Run Command: simulated time from SendCommand to Success, and wall time of the calls that get there. */
async function sendCommandLatency(): Promise<void> {
  const model = new MiniEc2({ seed: 1 });
  const ec2 = model.client('us-east-1');
  const ssm = model.ssmClient('us-east-1');
  const id = (await ec2.runInstances({ ImageId: newestAl2023(model, 'us-east-1'), MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
  model.clock.advance(5000);
  const once = async () => {
    const sentAt = model.clock.now();
    const { Command } = await ssm.sendCommand({ DocumentName: 'AWS-RunShellScript', InstanceIds: [id], Parameters: { commands: ['dnf install -y httpd', 'systemctl enable --now httpd', 'systemctl is-active httpd'] } });
    for (;;) {
      const inv = await ssm.getCommandInvocation({ CommandId: Command!.CommandId, InstanceId: id });
      if (inv.Status === 'Success') return model.clock.now() - sentAt;
      model.clock.advance(100); // poll every 100 simulated ms
    }
  };
  for (let i = 0; i < 200; i++) await once();
  const t = performance.now();
  let simulated = 0;
  for (let i = 0; i < 2000; i++) simulated = await once();
  const wallUs = ((performance.now() - t) / 2000) * 1000;
  line('SendCommand -> Success, simulated time (3-line script)', `${(simulated / 1000).toFixed(1)} s`, '(info)', 1);
  line('  same, wall time in-process incl. 21 polls', `${wallUs.toFixed(0)} µs`, '(info)', 1);
}

memory();
const plain = await memoryPerInstance(undefined);
line('memory per running instance, disk on its base picture', `${(plain / 1024).toFixed(2)} KB`, '(info)', 1);
const configured = await memoryPerInstance(btoa('#!/bin/bash\ndnf install -y httpd\nsystemctl enable --now httpd\n'));
line('  same, after user data installed httpd (own disk picture, console)', `${(configured / 1024).toFixed(2)} KB`, '(info)', 1);
await sendCommandLatency();
await runInstancesRate();
await describeImagesMedian();
await exportImport();
