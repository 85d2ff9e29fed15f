// Lesson 6, finding AMIs: the newest image of the right family and architecture, from a trusted owner,
// with the ID of the region asked about.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { imageById, listInstances, ownImages, type Image } from '../../_kit/ec2-read.ts';

type Arch = 'x86_64' | 'arm64';

/** The right answer, computed from the model: Amazon's newest standard AL2023 image of that architecture. */
async function expected(model: MiniEc2, region: string, architecture: Arch): Promise<Image> {
  const out = await model.client(region).describeImages({
    Owners: ['amazon'],
    Filters: [{ Name: 'name', Values: ['al2023-ami-2023*'] }, { Name: 'architecture', Values: [architecture] }],
  });
  return [...(out.Images ?? [])].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
}

const find = (model: MiniEc2, region: string, architecture: Arch, main = false) =>
  runLearnerFunction({ file: 'find-ami.ts', export: 'findLatestAmazonLinux', args: [architecture], model, region, main, label: `${architecture} in ${region}` });

let model: MiniEc2;
let x86: LearnerRun;
let chosen: Image | undefined;

beforeAll(async () => {
  model = new MiniEc2({ seed: 6 });
  x86 = await find(model, 'us-east-1', 'x86_64', true);
  chosen = typeof x86.value === 'string' ? await imageById(model.client('us-east-1'), x86.value) : undefined;
});

test('returns the ID of an existing Amazon Linux 2023 image for x86_64', () => {
  expectFinished(x86);
  expect(typeof x86.value, 'Return the image ID as a string, like "ami-0abc...".').toBe('string');
  expect(chosen, `"${String(x86.value)}" is not an image ID that exists in us-east-1.`).toBeDefined();
  expect(chosen?.Name ?? '', `You picked "${chosen?.Name}", which is not an Amazon Linux 2023 image (names start with al2023-ami-2023).`).toMatch(/^al2023-ami-2023/);
  expect(chosen?.Architecture, `You picked an ${chosen?.Architecture} image; x86_64 was asked for.`).toBe('x86_64');
});

test('trusts only images published by Amazon, not community look-alikes', () => {
  expectFinished(x86);
  expect(chosen, 'No existing image was returned.').toBeDefined();
  expect(chosen?.ImageOwnerAlias, `"${chosen?.Name}" belongs to account ${chosen?.OwnerId}, not to Amazon: anyone can publish an image with that name. Ask only for Owners: ['amazon'].`).toBe('amazon');
});

test('picks the newest release, not an older one', async () => {
  expectFinished(x86);
  const best = await expected(model, 'us-east-1', 'x86_64');
  expect(x86.value, `Amazon's newest x86_64 release is ${best.Name} (${best.CreationDate}); you returned ${chosen?.Name ?? String(x86.value)} (${chosen?.CreationDate ?? '?'}). Sort by CreationDate.`).toBe(best.ImageId);
});

test('finds the arm64 image when asked for arm64', async () => {
  const arm = await find(model, 'us-east-1', 'arm64');
  expectFinished(arm);
  const best = await expected(model, 'us-east-1', 'arm64');
  expect(arm.value, `For arm64 the answer is ${best.ImageId} (${best.Name}). Filter on the architecture you are given.`).toBe(best.ImageId);
});

test('answers with the ID of the region the client is in', async () => {
  const eu = await find(model, 'eu-west-1', 'x86_64');
  expectFinished(eu);
  const best = await expected(model, 'eu-west-1', 'x86_64');
  expect(eu.value, `The same image has another ID in eu-west-1 (${best.ImageId}). Ask the client you are given; never write an AMI ID into your code.`).toBe(best.ImageId);
});

test('only looks: launches and creates nothing', async () => {
  expectFinished(x86);
  expect(chosen, 'Find an image first: this test checks that finding it changed nothing.').toBeDefined();
  const ec2 = model.client('us-east-1');
  expect((await listInstances(ec2)).length, 'Finding an image should not launch instances.').toBe(0);
  expect((await ownImages(ec2)).length, 'Finding an image should not create images.').toBe(0);
});
