// Lesson 4, recipe and cake: one AMI, several independent instances. The tests judge what the learner's
// code left in mini-EC2, not only what it returned.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { describeList, listInstances, tagMap, type Instance } from '../../_kit/ec2-read.ts';

const REGION = 'us-east-1';

/** A fresh account with a key pair, a security group and the newest Amazon Linux 2023 AMI to launch from. */
async function setUpAccount(seed: number) {
  const model = new MiniEc2({ seed });
  const ec2 = model.client(REGION);
  await ec2.createKeyPair({ KeyName: 'cat-photos-key' });
  const group = await ec2.createSecurityGroup({ GroupName: 'cat-photos-web', Description: 'HTTP for the cat photo app' });
  const images = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023*-x86_64'] }] });
  const newest = [...(images.Images ?? [])].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  return { model, ec2, groupId: group.GroupId!, imageId: newest.ImageId! };
}

let main: Awaited<ReturnType<typeof setUpAccount>>;
let plan: { imageId: string; instanceType: string; count: number; keyName: string; securityGroupId: string; tags: Record<string, string> };
let run: LearnerRun;
let instances: Instance[];

beforeAll(async () => {
  main = await setUpAccount(4);
  plan = {
    imageId: main.imageId,
    instanceType: 't3.micro',
    count: 3,
    keyName: 'cat-photos-key',
    securityGroupId: main.groupId,
    tags: { Name: 'cat-photos-web', App: 'cat-photos' },
  };
  run = await runLearnerFunction({ file: 'launch.ts', export: 'launchWebServers', args: [plan], model: main.model, region: REGION, main: true });
  instances = await listInstances(main.ec2);
});

test('launches exactly the requested number of instances', () => {
  expectFinished(run);
  expect(instances.length, `Expected ${plan.count} instances after your launch, found ${describeList(instances)}. Use MinCount and MaxCount.`).toBe(plan.count);
});

test('every instance starts from the requested AMI', () => {
  expectFinished(run);
  expect(instances.length, 'No instances were launched.').toBeGreaterThan(0);
  for (const i of instances) {
    expect(i.ImageId, `${i.InstanceId} was launched from ${i.ImageId}, not from plan.imageId (${plan.imageId}).`).toBe(plan.imageId);
  }
});

test('every instance has the requested type, key pair and security group', () => {
  expectFinished(run);
  expect(instances.length, 'No instances were launched.').toBeGreaterThan(0);
  for (const i of instances) {
    expect(i.InstanceType, `${i.InstanceId} has type ${i.InstanceType}; the plan asked for ${plan.instanceType} (InstanceType).`).toBe(plan.instanceType);
    expect(i.KeyName, `${i.InstanceId} has key pair ${i.KeyName ?? '(none)'}; the plan asked for ${plan.keyName} (KeyName).`).toBe(plan.keyName);
    const groups = (i.SecurityGroups ?? []).map((g) => g.GroupId);
    expect(groups, `${i.InstanceId} is in security groups [${groups.join(', ')}]; the plan asked for ${plan.securityGroupId} (SecurityGroupIds).`).toEqual([plan.securityGroupId]);
  }
});

test('every instance carries the requested tags', () => {
  expectFinished(run);
  expect(instances.length, 'No instances were launched.').toBeGreaterThan(0);
  for (const i of instances) {
    const tags = tagMap(i.Tags);
    for (const [key, value] of Object.entries(plan.tags)) {
      expect(tags[key], `${i.InstanceId} lacks the tag ${key}=${value}. Tag at launch with TagSpecifications (ResourceType 'instance').`).toBe(value);
    }
  }
});

test('waits until every instance is running before returning', () => {
  expectFinished(run);
  expect(instances.length, 'No instances were launched.').toBeGreaterThan(0);
  const notRunning = instances.filter((i) => i.State?.Name !== 'running');
  expect(notRunning.length, `When your function returned, ${describeList(notRunning)} were not running yet. Wait with waitUntilInstanceRunning.`).toBe(0);
});

test('returns the IDs of the instances it launched', () => {
  expectFinished(run);
  expect(instances.length, 'No instances were launched.').toBeGreaterThan(0);
  const returned = Array.isArray(run.value) ? [...(run.value as string[])].sort() : run.value;
  expect(returned, 'Return the list of instance IDs (InstanceId) of the servers you launched.').toEqual(instances.map((i) => i.InstanceId).sort());
});

test('follows the plan it is given (another count and type)', async () => {
  const other = await setUpAccount(11);
  const otherPlan = { ...plan, imageId: other.imageId, securityGroupId: other.groupId, instanceType: 't3.small', count: 2, tags: { Name: 'cat-photos-api' } };
  const second = await runLearnerFunction({ file: 'launch.ts', export: 'launchWebServers', args: [otherPlan], model: other.model, region: REGION, label: 'second plan' });
  expectFinished(second);
  const launched = await listInstances(other.ec2, { live: true });
  expect(launched.map((i) => `${i.InstanceType}/${i.State?.Name}`), 'With a plan of 2 t3.small servers, expected 2 running t3.small instances: read the values from the plan instead of writing them in your code.').toEqual(['t3.small/running', 't3.small/running']);
});
