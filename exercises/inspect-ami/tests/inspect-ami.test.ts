// Lesson 3, what an AMI holds: the operating system, the architecture and the storage mapping are fixed by
// the image; the instance type must match the architecture.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances, type Image } from '../../_kit/ec2-read.ts';

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

test('reports the architecture the image was built for', () => {
  expectFinished(armRun);
  expect(report(armRun).architecture, `${armImage.Name} is built for ${armImage.Architecture} (the image's Architecture).`).toBe(armImage.Architecture);
});

test('reports the root device and the size and type of its volume', () => {
  expectFinished(armRun);
  const root = rootOf(armImage);
  const r = report(armRun);
  expect(r.rootDeviceName, `The image boots from ${armImage.RootDeviceName} (RootDeviceName).`).toBe(armImage.RootDeviceName);
  expect(r.rootVolumeGiB, `The block device mapping for ${armImage.RootDeviceName} has VolumeSize ${root?.Ebs?.VolumeSize}.`).toBe(root?.Ebs?.VolumeSize);
  expect(r.rootVolumeType, `The block device mapping for ${armImage.RootDeviceName} has VolumeType ${root?.Ebs?.VolumeType}.`).toBe(root?.Ebs?.VolumeType);
});

test('chooses an instance type that can boot the image', async () => {
  expectFinished(armRun);
  const chosen = report(armRun).compatibleType;
  expect(chosen, `From ${armCandidates.join(', ')}, the first type that runs arm64 images is t4g.micro.`).toBe('t4g.micro');
  // The proof: EC2 accepts the launch (a dry run changes nothing).
  const launch = model.client(REGION).runInstances({ ImageId: armImage.ImageId, InstanceType: chosen, MinCount: 1, MaxCount: 1, DryRun: true });
  await expect(launch, `EC2 refused to launch ${armImage.Name} on ${chosen}.`).rejects.toMatchObject({ name: 'DryRunOperation' });
});

test('tells a Windows image from a Linux one', async () => {
  const windows = await newest('Windows_Server-2022-English-Full-Base-*', 'x86_64');
  const run = await inspect(windows.ImageId!, ['t3.medium']);
  expectFinished(run);
  expect(report(run).platform, `${windows.Name} is a Windows image (its Platform is 'windows'); images without Platform are Linux.`).toBe('windows');
  expect(report(armRun).platform, `${armImage.Name} is a Linux image.`).toBe('linux');
});

test('works for an x86_64 image too', async () => {
  const ubuntu = (await model.client(REGION).describeImages({ Owners: ['099720109477'], Filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] }] })).Images![0];
  const run = await inspect(ubuntu.ImageId!, ['t4g.small', 'm6g.large', 't3.small']);
  expectFinished(run);
  const r = report(run);
  expect([r.architecture, r.rootDeviceName, r.compatibleType], `For ${ubuntu.Name}: x86_64, root ${ubuntu.RootDeviceName}, and t3.small is the first x86_64 type of the list.`).toEqual(['x86_64', ubuntu.RootDeviceName, 't3.small']);
});

test("lets EC2's error about an unknown image reach the caller", async () => {
  const run = await inspect('ami-0123456789abcdef0', ['t3.micro']);
  expect(run.outcome.kind, `Asking about an image that does not exist should fail with EC2's error (InvalidAMIID.NotFound); your function ${run.finished ? 'returned normally' : run.explanation}.`).toBe('threw');
  const error = run.outcome.kind === 'threw' ? run.outcome.error : undefined;
  expect(error?.name, `Expected EC2's InvalidAMIID.NotFound error, got ${error?.name}: ${error?.message}`).toBe('InvalidAMIID.NotFound');
});

test('only looks: launches nothing', async () => {
  expectFinished(armRun);
  expect(armRun.calls.length, 'Read the image from EC2 first: this test checks that reading changed nothing.').toBeGreaterThan(0);
  expect((await listInstances(model.client(REGION))).length, 'Reading an image should not launch instances.').toBe(0);
});
