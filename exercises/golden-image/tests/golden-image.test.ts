// Lesson 7, capstone: the golden-image pipeline. An SSM public parameter names the base image (AMI #1),
// which launches the builder (instance #1), whose user data installs the web server at its first boot;
// the builder becomes AMI #2, which holds its disk; a launch template holds the clones' launch settings,
// and the clones launched from it have the web server without running the setup again and carry only
// their own launch's settings; the builder is cleaned up. Judged on the model's state and the model's
// view of each disk.
// Sources: EC2 User Guide, "Create an Amazon EBS-backed AMI" (an image holds snapshots of the instance's EBS
// volumes), "Run commands when you launch an EC2 instance with user data input" (user data runs once, at
// the first boot), "Store instance launch parameters in Amazon EC2 launch templates" and "Launch an
// instance from a launch template" (EC2 tags such instances aws:ec2launchtemplate:id and
// aws:ec2launchtemplate:version); Systems Manager User Guide, "Calling AMI public parameters in Parameter
// Store" (/aws/service/ami-amazon-linux-latest/..., and resolve:ssm: as an image ID); EC2 API Reference,
// RunInstances (type, key pair, groups, user data and tags are launch parameters), DescribeInstanceAttribute.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { describeList, listInstances, ownImages, stateOf, tagMap, type Image, type Instance } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

const REGION = 'us-east-1';
const TEMPLATE_TAG = 'aws:ec2launchtemplate:id';
let model: MiniEc2;
let plan: {
  baseImageParameter: string; instanceType: string; keyName: string; securityGroupId: string; setupScript: string;
  builderTags: Record<string, string>; imageName: string; templateName: string; cloneCount: number; cloneTags: Record<string, string>;
};
let baseImageId: string;
let run: LearnerRun;
let images: Image[];
let instances: Instance[];
let builders: Instance[];
let clones: Instance[];
/** What the model's disk view says is installed on an instance (what `rpm -q` would answer on it). */
const installed = (id: string, name: string) => model.instanceDisk(REGION, id)?.packages[name] !== undefined;
const userDataOf = async (id: string) => (await model.client(REGION).describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' })).UserData?.Value;
/** The learner's launch template, by the name the plan gave it. */
const templateNamed = async (name: string) => (await model.client(REGION).describeLaunchTemplates({ Filters: [{ Name: 'launch-template-name', Values: [name] }] })).LaunchTemplates?.[0];
/** Tags EC2 adds by itself (aws:...) are not the launch's own. */
const ownTags = (instance: Instance) => Object.fromEntries(Object.entries(tagMap(instance.Tags)).filter(([key]) => !key.startsWith('aws:')));

beforeAll(async () => {
  model = new MiniEc2({ seed: 7 });
  const ec2 = model.client(REGION);
  await ec2.createKeyPair({ KeyName: 'cat-photos-key' });
  const groupId = (await ec2.createSecurityGroup({ GroupName: 'cat-photos-web', Description: 'HTTP for the cat photo app' })).GroupId!;
  plan = {
    baseImageParameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    instanceType: 't3.small',
    keyName: 'cat-photos-key',
    securityGroupId: groupId,
    setupScript: '#!/bin/bash\ndnf install -y httpd\nsystemctl enable httpd\nsystemctl start httpd\necho "cat photos" > /var/www/html/index.html\n',
    builderTags: { Name: 'cat-photos-builder', Role: 'builder' },
    imageName: 'cat-photos-web-2026-01-15',
    templateName: 'cat-photos-web',
    cloneCount: 3,
    cloneTags: { Name: 'cat-photos-web', app: 'cat-photos' },
  };
  baseImageId = (await model.ssmClient(REGION).getParameter({ Name: plan.baseImageParameter })).Parameter!.Value!;
  run = await runLearnerFunction({ file: 'golden-image.ts', export: 'buildWebFleet', args: [plan], model, region: REGION, ssm: true, main: true });
  images = await ownImages(ec2);
  instances = await listInstances(ec2);
  builders = instances.filter((i) => i.ImageId === baseImageId);
  clones = instances.filter((i) => images.some((image) => image.ImageId === i.ImageId));
});

test(title('base-from-ssm'), () => {
  expectFinished(run);
  const asked = run.calls.some((c) => c.method === 'ssm.getParameter' || c.method === 'ssm.getParameters');
  const resolved = run.calls.some((c) => c.method === 'runInstances' && (c.input as { ImageId?: unknown } | undefined)?.ImageId === `resolve:ssm:${plan.baseImageParameter}`);
  expect(asked || resolved, m.readParameter).toBe(true);
  expect(builders.length, m.noBuilderFromBase({ image: baseImageId, found: describeList(instances) })).toBeGreaterThan(0);
});

test(title('one-image'), () => {
  expectFinished(run);
  expect(builders.length, m.oneBuilder({ found: describeList(builders) })).toBe(1);
  expect(images.length, m.oneImage({ count: images.length })).toBe(1);
  expect(images[0].SourceInstanceId, m.imageFromBuilder).toBe(builders[0].InstanceId);
  expect(images[0].State, m.imageAvailable).toBe('available');
});

test(title('builder-user-data'), async () => {
  expectFinished(run);
  expect(builders.length, m.noBuilder).toBe(1);
  expect(await userDataOf(builders[0].InstanceId!), m.builderUserData).toBe(Buffer.from(plan.setupScript).toString('base64'));
  const tags = tagMap(builders[0].Tags);
  for (const [key, value] of Object.entries(plan.builderTags)) expect(tags[key], m.builderTag({ key, value })).toBe(value);
});

test(title('launch-template'), async () => {
  expectFinished(run);
  const template = await templateNamed(plan.templateName);
  expect(template, m.noTemplate({ name: plan.templateName })).toBeDefined();
  const version = (await model.client(REGION).describeLaunchTemplateVersions({ LaunchTemplateId: template!.LaunchTemplateId, Versions: ['$Default'] })).LaunchTemplateVersions![0];
  const data = version.LaunchTemplateData ?? {};
  expect(data.ImageId, m.templateImage).toBe(images[0]?.ImageId);
  expect(data.InstanceType, m.templateType).toBe(plan.instanceType);
  expect(data.KeyName, m.templateKey).toBe(plan.keyName);
  expect(data.SecurityGroupIds, m.templateGroup).toEqual([plan.securityGroupId]);
  expect(data.UserData, m.templateNoUserData).toBeUndefined();
  const instanceTags = (data.TagSpecifications ?? []).filter((s) => s.ResourceType === 'instance').flatMap((s) => s.Tags ?? []);
  expect(tagMap(instanceTags), m.templateTags).toEqual(plan.cloneTags);
  expect((run.value as { launchTemplateId?: unknown } | undefined)?.launchTemplateId, m.returnTemplate).toBe(template!.LaunchTemplateId);
});

test(title('clones-from-template'), async () => {
  expectFinished(run);
  const running = clones.filter((i) => stateOf(i) === 'running');
  expect(running.length, m.cloneCount({ count: plan.cloneCount, found: describeList(clones) })).toBe(plan.cloneCount);
  const templateId = (await templateNamed(plan.templateName))?.LaunchTemplateId;
  for (const clone of clones) {
    expect(tagMap(clone.Tags)[TEMPLATE_TAG], m.notFromTemplate({ id: clone.InstanceId, name: plan.templateName })).toBe(templateId ?? 'a launch template');
  }
});

test(title('clones-have-software'), async () => {
  expectFinished(run);
  expect(clones.length, m.noClones).toBeGreaterThan(0);
  // The control: a plain instance of the base image has no web server, so the clones' came from the image.
  const ec2 = model.client(REGION);
  const plain = (await ec2.runInstances({ ImageId: baseImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })).Instances![0].InstanceId!;
  model.clock.advance(60_000);
  expect(installed(plain, 'httpd'), m.plainHasHttpd).toBe(false);
  for (const clone of clones) {
    expect(installed(clone.InstanceId!, 'httpd'), m.cloneLacksHttpd({ id: clone.InstanceId })).toBe(true);
    expect(model.instanceDisk(REGION, clone.InstanceId!)?.services.httpd?.active, m.httpdStopped({ id: clone.InstanceId })).toBe(true);
    expect(await userDataOf(clone.InstanceId!), m.cloneUserData({ id: clone.InstanceId })).toBeUndefined();
  }
});

test(title('clone-tags'), () => {
  expectFinished(run);
  expect(clones.length, m.noClones).toBeGreaterThan(0);
  for (const clone of clones) {
    const tags = ownTags(clone);
    for (const [key, value] of Object.entries(plan.cloneTags)) {
      expect(tags[key], m.cloneTag({ id: clone.InstanceId, key, value })).toBe(value);
    }
    expect(Object.keys(tags).filter((key) => !(key in plan.cloneTags)), m.foreignTags({ id: clone.InstanceId })).toEqual([]);
  }
});

test(title('builder-cleaned'), () => {
  expectFinished(run);
  expect(builders.length, m.noBuilder).toBe(1);
  expect(['shutting-down', 'terminated'], m.builderLeft({ id: builders[0].InstanceId, state: stateOf(builders[0]) })).toContain(stateOf(builders[0]));
});

test(title('returns-fleet'), () => {
  expectFinished(run);
  const fleet = (run.value ?? {}) as { imageId?: unknown; instanceIds?: unknown };
  expect(fleet.imageId, m.returnImage).toBe(images[0]?.ImageId);
  const ids = Array.isArray(fleet.instanceIds) ? [...(fleet.instanceIds as unknown[])].sort() : fleet.instanceIds;
  expect(ids, m.returnClones).toEqual(clones.map((c) => c.InstanceId).sort());
});

test(title('only-clones'), () => {
  expectFinished(run);
  const live = instances.filter((i) => !['shutting-down', 'terminated'].includes(stateOf(i)));
  expect(clones.length, m.noClones).toBeGreaterThan(0);
  expect(live.map((i) => i.InstanceId).sort(), m.onlyClones({ count: plan.cloneCount, found: describeList(live) })).toEqual(clones.map((c) => c.InstanceId).sort());
});
