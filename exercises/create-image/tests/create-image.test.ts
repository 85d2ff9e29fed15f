// Lesson 5, reuse a configuration: an AMI made from a configured instance gives the same setup to every
// instance launched from it (AMI #1 -> instance #1 -> AMI #2 -> instance #2).
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { imageById, listInstances, ownImages, stateOf, tagMap, type Image } from '../../_kit/ec2-read.ts';

const REGION = 'us-east-1';
const BASE_NAME = 'cat-photos web: nginx+app';
const VALID_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
const SETUP_SCRIPT = '#!/bin/bash\ndnf install -y nginx\nsystemctl enable --now nginx\n';

let model: MiniEc2;
let instanceId: string;
let run: LearnerRun;
let image: Image | undefined;
let stateAtReturn: string | undefined;

/** A builder instance configured by hand (user data + software tags), still starting: it is `pending`. */
async function launchConfiguredInstance(m: MiniEc2): Promise<string> {
  const ec2 = m.client(REGION);
  const base = (await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023*-x86_64'] }] })).Images!;
  const newest = [...base].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  const out = await ec2.runInstances({
    ImageId: newest.ImageId,
    InstanceType: 't3.small',
    MinCount: 1,
    MaxCount: 1,
    KeyName: 'cat-photos-key',
    UserData: Buffer.from(SETUP_SCRIPT).toString('base64'),
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'cat-photos-builder' }, { Key: 'software:nginx', Value: '1.24' }, { Key: 'software:cat-photos', Value: '2.3' }] }],
  });
  return out.Instances![0].InstanceId!;
}

const createImage = (id: string, label: string, main = false) =>
  runLearnerFunction({ file: 'create-image.ts', export: 'createGoldenImage', args: [id, BASE_NAME], model, region: REGION, main, label });

beforeAll(async () => {
  model = new MiniEc2({ seed: 5 });
  await model.client(REGION).createKeyPair({ KeyName: 'cat-photos-key' });
  instanceId = await launchConfiguredInstance(model);
  run = await createImage(instanceId, 'image of the builder', true);
  image = typeof run.value === 'string' ? await imageById(model.client(REGION), run.value) : undefined;
  stateAtReturn = image?.State;
});

function explainFailure(r: LearnerRun): void {
  if (r.outcome.kind === 'threw' && /not in state 'running'/.test(r.outcome.error.message)) {
    throw new Error(`CreateImage refused the instance because it was still starting (pending): ${r.outcome.error.message}. Wait until it is running first (waitUntilInstanceRunning).`);
  }
  if (r.outcome.kind === 'threw' && /InvalidAMIName/.test(r.outcome.error.name)) {
    throw new Error(`EC2 refused the image name: ${r.outcome.error.name}: ${r.outcome.error.message}`);
  }
  expectFinished(r);
}

test('images the configured instance', () => {
  explainFailure(run);
  expect(image, `Return the new image's ID (ImageId); "${String(run.value)}" is not one of your images.`).toBeDefined();
  expect(image?.SourceInstanceId, `The image was made from ${image?.SourceInstanceId}, not from the instance you were given (${instanceId}).`).toBe(instanceId);
});

test('waits for a starting instance to be running before imaging it', () => {
  explainFailure(run);
  expect(image, 'No image was created.').toBeDefined();
});

test('gives the image a valid name based on the one asked for', () => {
  explainFailure(run);
  const name = image?.Name ?? '';
  expect(name, `"${name}" is not a valid AMI name: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _`).toMatch(VALID_NAME);
  expect(name, `Keep the team's name recognisable: "${name}" should start with "cat-photos web".`).toMatch(/^cat-photos web/);
});

test('waits until the image is available before returning', () => {
  explainFailure(run);
  expect(stateAtReturn, `When your function returned, the image was ${stateAtReturn ?? 'missing'}. New images start pending: wait with waitUntilImageAvailable.`).toBe('available');
});

test('a clone launched from the image carries the original configuration', async () => {
  explainFailure(run);
  expect(image, 'No image was created.').toBeDefined();
  const ec2 = model.client(REGION);
  const clone = (await ec2.runInstances({ ImageId: image!.ImageId, MinCount: 1, MaxCount: 1 })).Instances![0];
  const original = (await listInstances(ec2)).find((i) => i.InstanceId === instanceId)!;
  const userData = async (id: string) => (await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' })).UserData?.Value;
  const software = (tags: Record<string, string>) => Object.fromEntries(Object.entries(tags).filter(([k]) => k.startsWith('software:')));
  expect(
    { type: clone.InstanceType, key: clone.KeyName, userData: await userData(clone.InstanceId!), software: software(tagMap(clone.Tags)) },
    'An instance launched from your image should start with the same type, key pair, setup script and software as the original.',
  ).toEqual({ type: original.InstanceType, key: original.KeyName, userData: await userData(instanceId), software: software(tagMap(original.Tags)) });
});

test('uses a new name each time (AMI names are unique)', async () => {
  explainFailure(run);
  const second = await launchConfiguredInstance(model);
  const again = await createImage(second, 'second image, same base name');
  explainFailure(again);
  const names = (await ownImages(model.client(REGION))).map((i) => i.Name);
  expect(new Set(names).size, `Two images with the base name "${BASE_NAME}" need two different names; your account has: ${names.join(', ')}`).toBe(2);
});

test('leaves the original instance running', async () => {
  explainFailure(run);
  const original = (await listInstances(model.client(REGION))).find((i) => i.InstanceId === instanceId);
  expect(original && stateOf(original), 'The original instance should keep running after it was imaged.').toBe('running');
});
