// Lesson 1: EC2 offers resizable capacity; the learner asks EC2 which instance types exist and picks the
// smallest that meets the CPU, memory and architecture needs.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

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
  t ? m.typeInfo({ type: t.InstanceType ?? '', vcpus: t.VCpuInfo?.DefaultVCpus, memory: t.MemoryInfo?.SizeInMiB, architectures: (t.ProcessorInfo?.SupportedArchitectures ?? []).join('/') }) : m.unknown;

const pick = (needs: Needs, main = false) =>
  runLearnerFunction({ file: 'pick-instance-type.ts', export: 'pickInstanceType', args: [needs], model, region: REGION, main, label: JSON.stringify(needs) });

const web: Needs = { minVCpus: 4, minMemoryMiB: 8192, architecture: 'x86_64' };
let webRun: LearnerRun;

beforeAll(async () => {
  model = new MiniEc2({ seed: 1 });
  catalog = (await model.client(REGION).describeInstanceTypes({})).InstanceTypes ?? [];
  webRun = await pick(web, true);
});

test(title('enough'), () => {
  expectFinished(webRun);
  const chosen = catalog.find((t) => t.InstanceType === webRun.value);
  expect(chosen, m.unknownType({ value: String(webRun.value) })).toBeDefined();
  expect(chosen!.VCpuInfo!.DefaultVCpus!, m.tooFewVCpus({ type: describe(chosen), vcpus: web.minVCpus })).toBeGreaterThanOrEqual(web.minVCpus);
  expect(chosen!.MemoryInfo!.SizeInMiB!, m.tooLittleMemory({ type: describe(chosen), memory: web.minMemoryMiB })).toBeGreaterThanOrEqual(web.minMemoryMiB);
});

test(title('smallest'), () => {
  expectFinished(webRun);
  const best = bestFit(web);
  const chosen = catalog.find((t) => t.InstanceType === webRun.value);
  expect(webRun.value, m.notSmallest({ vcpus: web.minVCpus, memory: web.minMemoryMiB, best: describe(best), chosen: describe(chosen) })).toBe(best.InstanceType);
});

test(title('ties'), async () => {
  const needs: Needs = { minVCpus: 1, minMemoryMiB: 2048, architecture: 'x86_64' };
  const run = await pick(needs);
  expectFinished(run);
  const best = bestFit(needs);
  expect(run.value, m.ties({ best: describe(best) })).toBe(best.InstanceType);
});

test(title('arm64'), async () => {
  const needs: Needs = { minVCpus: 2, minMemoryMiB: 2048, architecture: 'arm64' };
  const run = await pick(needs);
  expectFinished(run);
  const best = bestFit(needs);
  const chosen = catalog.find((t) => t.InstanceType === run.value);
  expect(run.value, m.arm64({ best: describe(best), chosen: describe(chosen) })).toBe(best.InstanceType);
});

test(title('asks-ec2'), () => {
  expectFinished(webRun);
  expect(webRun.calls.map((c) => c.method), m.neverAsked).toContain('describeInstanceTypes');
});

test(title('only-looks'), async () => {
  expectFinished(webRun);
  expect(webRun.calls.length, m.askFirst).toBeGreaterThan(0);
  expect((await listInstances(model.client(REGION))).length, m.launched).toBe(0);
});
