// Lesson 4, recipe and cake: one AMI, several independent instances. The tests judge what the learner's
// code left in mini-EC2, not only what it returned.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { describeList, listInstances, tagMap, type Instance } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

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

test(title('count'), () => {
  expectFinished(run);
  expect(instances.length, m.count({ expected: plan.count, found: describeList(instances) })).toBe(plan.count);
});

test(title('same-ami'), () => {
  expectFinished(run);
  expect(instances.length, m.noInstances).toBeGreaterThan(0);
  for (const i of instances) {
    expect(i.ImageId, m.wrongAmi({ id: i.InstanceId, imageId: i.ImageId, planned: plan.imageId })).toBe(plan.imageId);
  }
});

test(title('settings'), () => {
  expectFinished(run);
  expect(instances.length, m.noInstances).toBeGreaterThan(0);
  for (const i of instances) {
    expect(i.InstanceType, m.wrongType({ id: i.InstanceId, type: i.InstanceType, planned: plan.instanceType })).toBe(plan.instanceType);
    expect(i.KeyName, m.wrongKey({ id: i.InstanceId, key: i.KeyName, planned: plan.keyName })).toBe(plan.keyName);
    const groups = (i.SecurityGroups ?? []).map((g) => g.GroupId);
    expect(groups, m.wrongGroups({ id: i.InstanceId, groups: groups.join(', '), planned: plan.securityGroupId })).toEqual([plan.securityGroupId]);
  }
});

test(title('tags'), () => {
  expectFinished(run);
  expect(instances.length, m.noInstances).toBeGreaterThan(0);
  for (const i of instances) {
    const tags = tagMap(i.Tags);
    for (const [key, value] of Object.entries(plan.tags)) {
      expect(tags[key], m.missingTag({ id: i.InstanceId, key, value })).toBe(value);
    }
  }
});

test(title('waits-running'), () => {
  expectFinished(run);
  expect(instances.length, m.noInstances).toBeGreaterThan(0);
  const notRunning = instances.filter((i) => i.State?.Name !== 'running');
  expect(notRunning.length, m.notRunning({ list: describeList(notRunning) })).toBe(0);
});

test(title('returns-ids'), () => {
  expectFinished(run);
  expect(instances.length, m.noInstances).toBeGreaterThan(0);
  const returned = Array.isArray(run.value) ? [...(run.value as string[])].sort() : run.value;
  expect(returned, m.returnIds).toEqual(instances.map((i) => i.InstanceId).sort());
});

test(title('follows-plan'), async () => {
  const other = await setUpAccount(11);
  const otherPlan = { ...plan, imageId: other.imageId, securityGroupId: other.groupId, instanceType: 't3.small', count: 2, tags: { Name: 'cat-photos-api' } };
  const second = await runLearnerFunction({ file: 'launch.ts', export: 'launchWebServers', args: [otherPlan], model: other.model, region: REGION, label: 'second plan' });
  expectFinished(second);
  const launched = await listInstances(other.ec2, { live: true });
  expect(launched.map((i) => `${i.InstanceType}/${i.State?.Name}`), m.otherPlan).toEqual(['t3.small/running', 't3.small/running']);
});
