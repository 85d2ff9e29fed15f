// Lesson 5, reuse a configuration: an AMI made from a configured instance holds its disks, so every
// instance launched from it starts with the same software (AMI #1 -> instance #1 -> AMI #2 -> instance #2),
// while its type, key pair, tags and user data come from its own launch.
// Sources: EC2 User Guide, "Create an Amazon EBS-backed AMI" (the image holds a snapshot of each attached
// EBS volume; by default EC2 reboots the instance); EC2 API Reference, CreateImage and RunInstances (type,
// key pair, user data and tags are parameters of a launch); EC2 User Guide, "Run commands when you launch an
// EC2 instance with user data input" (user data runs once, at the instance's first boot).
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { imageById, listInstances, ownImages, stateOf, tagMap, type Image } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

const REGION = 'us-east-1';
const BASE_NAME = 'cat-photos web: httpd+app';
const VALID_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
const SETUP_SCRIPT = '#!/bin/bash\ndnf install -y httpd\nsystemctl enable httpd\nsystemctl start httpd\necho "cat photos" > /var/www/html/index.html\n';

let model: MiniEc2;
let instanceId: string;
let run: LearnerRun;
let image: Image | undefined;
let stateAtReturn: string | undefined;

/** A builder set up by its user data (httpd), with its own key pair, type and tags; still starting (pending). */
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
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'cat-photos-builder' }, { Key: 'Role', Value: 'builder' }] }],
  });
  return out.Instances![0].InstanceId!;
}

/** What the model's disk view says is installed on an instance (what `rpm -q` would answer on it). */
const installed = (id: string, name: string) => model.instanceDisk(REGION, id)?.packages[name] !== undefined;

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
    throw new Error(m.stillPending({ message: r.outcome.error.message }));
  }
  if (r.outcome.kind === 'threw' && /InvalidAMIName/.test(r.outcome.error.name)) {
    throw new Error(m.badName({ name: r.outcome.error.name, message: r.outcome.error.message }));
  }
  expectFinished(r);
}

test(title('images-instance'), () => {
  explainFailure(run);
  expect(image, m.notYourImage({ value: String(run.value) })).toBeDefined();
  expect(image?.SourceInstanceId, m.wrongSource({ source: image?.SourceInstanceId, instance: instanceId })).toBe(instanceId);
});

test(title('waits-running'), () => {
  explainFailure(run);
  expect(image, m.noImage).toBeDefined();
});

test(title('valid-name'), () => {
  explainFailure(run);
  const name = image?.Name ?? '';
  expect(name, m.invalidName({ name })).toMatch(VALID_NAME);
  expect(name, m.recognisable({ name })).toMatch(/^cat-photos web/);
});

test(title('waits-available'), () => {
  explainFailure(run);
  expect(stateAtReturn, m.notAvailable({ state: stateAtReturn })).toBe('available');
});

test(title('clone-has-software'), async () => {
  explainFailure(run);
  expect(image, m.noImage).toBeDefined();
  const ec2 = model.client(REGION);
  const base = (await listInstances(ec2)).find((i) => i.InstanceId === instanceId)!.ImageId!;
  // A plain instance of the base AMI does not have it: the software came from the builder's disk.
  const plain = (await ec2.runInstances({ ImageId: base, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
  const clone = (await ec2.runInstances({ ImageId: image!.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
  model.clock.advance(60_000);
  expect(installed(plain, 'httpd'), m.plainHasHttpd).toBe(false);
  expect(installed(clone, 'httpd'), m.cloneLacksHttpd).toBe(true);
  expect(model.instanceDisk(REGION, clone)?.services.httpd?.enabled, m.cloneStartsHttpd).toBe(true);
});

test(title('own-settings'), async () => {
  explainFailure(run);
  expect(image, m.noImage).toBeDefined();
  const ec2 = model.client(REGION);
  const launched = (await ec2.runInstances({
    ImageId: image!.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'cat-photos-web-2' }] }],
  })).Instances![0];
  const userData = (await ec2.describeInstanceAttribute({ InstanceId: launched.InstanceId!, Attribute: 'userData' })).UserData?.Value;
  // An AMI holds disks; the builder's type, key pair, tags and user data belong to the builder's launch.
  expect({ type: launched.InstanceType, key: launched.KeyName, tags: tagMap(launched.Tags), userData }, m.ownSettings).toEqual({
    type: 't3.micro', key: undefined, tags: { Name: 'cat-photos-web-2' }, userData: undefined,
  });
});

test(title('unique-names'), async () => {
  explainFailure(run);
  const second = await launchConfiguredInstance(model);
  const again = await createImage(second, 'second image, same base name');
  explainFailure(again);
  const names = (await ownImages(model.client(REGION))).map((i) => i.Name);
  expect(new Set(names).size, m.sameName({ base: BASE_NAME, names: names.join(', ') })).toBe(2);
});

test(title('original-running'), async () => {
  explainFailure(run);
  const original = (await listInstances(model.client(REGION))).find((i) => i.InstanceId === instanceId);
  expect(original && stateOf(original), m.originalStopped).toBe('running');
});
