// Lesson 1: EC2 offers resizable capacity; the learner asks EC2 which instance types exist and picks the
// smallest that meets the CPU, memory and architecture needs.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances } from '../../_kit/ec2-read.ts';

type Needs = { minVCpus: number; minMemoryMiB: number; architecture: 'x86_64' | 'arm64' };
type TypeInfo = { InstanceType?: string; VCpuInfo?: { DefaultVCpus?: number }; MemoryInfo?: { SizeInMiB?: number }; ProcessorInfo?: { SupportedArchitectures?: string[] } };

const REGION = 'us-east-1';
let model: MiniEc2;
let catalog: TypeInfo[];

/** The rule of the exercise, applied to the model's own catalog. */
function bestFit(needs: Needs): TypeInfo {
  return catalog
    .filter((t) => (t.ProcessorInfo?.SupportedArchitectures ?? []).includes(needs.architecture) && (t.VCpuInfo?.DefaultVCpus ?? 0) >= needs.minVCpus && (t.MemoryInfo?.SizeInMiB ?? 0) >= needs.minMemoryMiB)
    .sort((a, b) => a.MemoryInfo!.SizeInMiB! - b.MemoryInfo!.SizeInMiB! || a.VCpuInfo!.DefaultVCpus! - b.VCpuInfo!.DefaultVCpus! || a.InstanceType!.localeCompare(b.InstanceType!))[0];
}

const describe = (t: TypeInfo | undefined) =>
  t ? `${t.InstanceType} (${t.VCpuInfo?.DefaultVCpus} vCPUs, ${t.MemoryInfo?.SizeInMiB} MiB, ${(t.ProcessorInfo?.SupportedArchitectures ?? []).join('/')})` : 'an unknown type';

const pick = (needs: Needs, main = false) =>
  runLearnerFunction({ file: 'pick-instance-type.ts', export: 'pickInstanceType', args: [needs], model, region: REGION, main, label: JSON.stringify(needs) });

const web: Needs = { minVCpus: 4, minMemoryMiB: 8192, architecture: 'x86_64' };
let webRun: LearnerRun;

beforeAll(async () => {
  model = new MiniEc2({ seed: 1 });
  catalog = (await model.client(REGION).describeInstanceTypes({})).InstanceTypes ?? [];
  webRun = await pick(web, true);
});

test('picks a type with enough vCPUs and memory', () => {
  expectFinished(webRun);
  const chosen = catalog.find((t) => t.InstanceType === webRun.value);
  expect(chosen, `"${String(webRun.value)}" is not an instance type EC2 offers.`).toBeDefined();
  expect(chosen!.VCpuInfo!.DefaultVCpus!, `${describe(chosen)} has too few vCPUs: at least ${web.minVCpus} were needed.`).toBeGreaterThanOrEqual(web.minVCpus);
  expect(chosen!.MemoryInfo!.SizeInMiB!, `${describe(chosen)} has too little memory: at least ${web.minMemoryMiB} MiB were needed.`).toBeGreaterThanOrEqual(web.minMemoryMiB);
});

test('picks the smallest type that fits', () => {
  expectFinished(webRun);
  const best = bestFit(web);
  const chosen = catalog.find((t) => t.InstanceType === webRun.value);
  expect(webRun.value, `For ${web.minVCpus} vCPUs and ${web.minMemoryMiB} MiB the smallest fit is ${describe(best)}; you picked ${describe(chosen)}. Sort by memory, then vCPUs, then name.`).toBe(best.InstanceType);
});

test('breaks ties by vCPUs, then by name', async () => {
  const needs: Needs = { minVCpus: 1, minMemoryMiB: 2048, architecture: 'x86_64' };
  const run = await pick(needs);
  expectFinished(run);
  const best = bestFit(needs);
  expect(run.value, `Several types have exactly 2048 MiB; with the fewest vCPUs first, the answer is ${describe(best)}.`).toBe(best.InstanceType);
});

test('respects the architecture (arm64)', async () => {
  const needs: Needs = { minVCpus: 2, minMemoryMiB: 2048, architecture: 'arm64' };
  const run = await pick(needs);
  expectFinished(run);
  const best = bestFit(needs);
  const chosen = catalog.find((t) => t.InstanceType === run.value);
  expect(run.value, `Software built for arm64 needs an arm64 (Graviton) type: ${describe(best)}. You picked ${describe(chosen)}.`).toBe(best.InstanceType);
});

test('asks EC2 for the instance types instead of guessing', () => {
  expectFinished(webRun);
  expect(webRun.calls.map((c) => c.method), 'Your code never called describeInstanceTypes: ask EC2 what it offers instead of writing names into your code.').toContain('describeInstanceTypes');
});

test('only looks: launches nothing', async () => {
  expectFinished(webRun);
  expect(webRun.calls.length, 'Ask EC2 about its instance types first: this test checks that asking changed nothing.').toBeGreaterThan(0);
  expect((await listInstances(model.client(REGION))).length, 'Choosing a type should not launch instances.').toBe(0);
});
