// Lesson 3, what an AMI holds: the operating system, the architecture and the storage mapping are fixed by
// the image; the instance type must match the architecture.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances, type Image } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

const REGION = 'us-east-1';
type Report = { architecture?: string; platform?: string; rootDeviceName?: string; rootVolumeGiB?: number; rootVolumeType?: string; compatibleType?: string };

let model: MiniEc2;
let armImage: Image;
let armRun: LearnerRun;
const armCandidates = ['t3.micro', 'm5.large', 't4g.micro', 'm6g.large'];

/** Amazon's newest image whose name matches the pattern. */
async function newest(pattern: string, architecture: string): Promise<Image> {
  const out = await model.client(REGION).describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [pattern] }, { Name: 'architecture', Values: [architecture] }] });
  return [...(out.Images ?? [])].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
}

const inspect = (imageId: string, candidates: string[], main = false) =>
  runLearnerFunction({ file: 'inspect-ami.ts', export: 'inspectAmi', args: [imageId, candidates], model, region: REGION, main, label: imageId });

const report = (run: LearnerRun) => (run.value ?? {}) as Report;
const rootOf = (image: Image) => (image.BlockDeviceMappings ?? []).find((m) => m.DeviceName === image.RootDeviceName);

beforeAll(async () => {
  model = new MiniEc2({ seed: 3 });
  armImage = await newest('al2023-ami-2023*', 'arm64');
  armRun = await inspect(armImage.ImageId!, armCandidates, true);
});

test(title('architecture'), () => {
  expectFinished(armRun);
  expect(report(armRun).architecture, m.architecture({ name: armImage.Name, architecture: armImage.Architecture })).toBe(armImage.Architecture);
});

test(title('root-volume'), () => {
  expectFinished(armRun);
  const root = rootOf(armImage);
  const r = report(armRun);
  expect(r.rootDeviceName, m.rootDevice({ device: armImage.RootDeviceName })).toBe(armImage.RootDeviceName);
  expect(r.rootVolumeGiB, m.volumeSize({ device: armImage.RootDeviceName, size: root?.Ebs?.VolumeSize })).toBe(root?.Ebs?.VolumeSize);
  expect(r.rootVolumeType, m.volumeType({ device: armImage.RootDeviceName, type: root?.Ebs?.VolumeType })).toBe(root?.Ebs?.VolumeType);
});

test(title('compatible-type'), async () => {
  expectFinished(armRun);
  const chosen = report(armRun).compatibleType;
  expect(chosen, m.firstArm({ candidates: armCandidates.join(', ') })).toBe('t4g.micro');
  // The proof: EC2 accepts the launch (a dry run changes nothing).
  const launch = model.client(REGION).runInstances({ ImageId: armImage.ImageId, InstanceType: chosen, MinCount: 1, MaxCount: 1, DryRun: true });
  await expect(launch, m.refused({ name: armImage.Name, type: chosen })).rejects.toMatchObject({ name: 'DryRunOperation' });
});

test(title('windows'), async () => {
  const windows = await newest('Windows_Server-2022-English-Full-Base-*', 'x86_64');
  const run = await inspect(windows.ImageId!, ['t3.medium']);
  expectFinished(run);
  expect(report(run).platform, m.windows({ name: windows.Name })).toBe('windows');
  expect(report(armRun).platform, m.linux({ name: armImage.Name })).toBe('linux');
});

test(title('x86'), async () => {
  const ubuntu = (await model.client(REGION).describeImages({ Owners: ['099720109477'], Filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] }] })).Images![0];
  const run = await inspect(ubuntu.ImageId!, ['t4g.small', 'm6g.large', 't3.small']);
  expectFinished(run);
  const r = report(run);
  expect([r.architecture, r.rootDeviceName, r.compatibleType], m.x86({ name: ubuntu.Name, device: ubuntu.RootDeviceName })).toEqual(['x86_64', ubuntu.RootDeviceName, 't3.small']);
});

test(title('not-found'), async () => {
  const run = await inspect('ami-0123456789abcdef0', ['t3.micro']);
  expect(run.outcome.kind, m.shouldThrow({ what: run.finished ? m.returnedNormally : run.explanation })).toBe('threw');
  const error = run.outcome.kind === 'threw' ? run.outcome.error : undefined;
  expect(error?.name, m.wrongError({ name: error?.name, message: error?.message })).toBe('InvalidAMIID.NotFound');
});

test(title('only-looks'), async () => {
  expectFinished(armRun);
  expect(armRun.calls.length, m.readFirst).toBeGreaterThan(0);
  expect((await listInstances(model.client(REGION))).length, m.launched).toBe(0);
});
