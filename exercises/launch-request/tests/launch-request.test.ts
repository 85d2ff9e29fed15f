// Lesson 2, what you define to launch an instance: hardware (type, storage) and logical configuration
// (image, network location, firewall, authentication). The learner's request is judged by what EC2 does
// with it: a dry run, then a real launch in the model.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances, type Instance } from '../../_kit/ec2-read.ts';
import { inLanguage, titlesIn } from '../../_kit/lang.ts';
import manifest from '../manifest.json';
import { messages } from './messages.ts';

// Titles and messages in the learner's language; results join the manifest's points by the stable id.
const title = titlesIn(manifest.titles);
const m = inLanguage(messages);

const REGION = 'us-east-1';
type Request = Record<string, unknown> & { SecurityGroupIds?: string[]; BlockDeviceMappings?: { DeviceName?: string; Ebs?: { VolumeSize?: number } }[] };

let model: MiniEc2;
let spec: { imageId: string; instanceType: string; keyName: string; securityGroupName: string; availabilityZone: string; rootVolumeGiB: number };
let groupId: string;
let subnetId: string;
let rootDevice: string;
let run: LearnerRun;
let launchedByLearner: number;
let request: Request;
let launched: { instance?: Instance; error?: string };

beforeAll(async () => {
  model = new MiniEc2({ seed: 2 });
  const ec2 = model.client(REGION);
  await ec2.createKeyPair({ KeyName: 'cat-photos-key' });
  groupId = (await ec2.createSecurityGroup({ GroupName: 'cat-photos-web', Description: 'HTTP for the cat photo app' })).GroupId!;
  await ec2.createSecurityGroup({ GroupName: 'cat-photos-admin', Description: 'SSH for the team' });
  subnetId = (await ec2.describeSubnets({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1c'] }] })).Subnets![0].SubnetId!;
  const ubuntu = (await ec2.describeImages({ Owners: ['099720109477'], Filters: [{ Name: 'name', Values: ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'] }] })).Images!;
  const image = [...ubuntu].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  rootDevice = image.RootDeviceName!;
  spec = { imageId: image.ImageId!, instanceType: 't3.small', keyName: 'cat-photos-key', securityGroupName: 'cat-photos-web', availabilityZone: 'us-east-1c', rootVolumeGiB: 20 };

  run = await runLearnerFunction({ file: 'launch-request.ts', export: 'buildLaunchRequest', args: [spec], model, region: REGION, main: true });
  launchedByLearner = (await listInstances(ec2)).length;
  request = (run.value && typeof run.value === 'object' ? run.value : {}) as Request;
  // Now send the learner's request for real, as the team would.
  try {
    const out = await ec2.runInstances(request as never);
    launched = { instance: out.Instances?.[0] };
  } catch (error) {
    launched = { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
});

test(title('accepted'), () => {
  expectFinished(run);
  expect(launched.error, m.refused({ error: launched.error })).toBeUndefined();
});

test(title('image-and-type'), () => {
  expectFinished(run);
  expect({ ImageId: request.ImageId, InstanceType: request.InstanceType, MinCount: request.MinCount, MaxCount: request.MaxCount }, m.imageAndType).toEqual({ ImageId: spec.imageId, InstanceType: spec.instanceType, MinCount: 1, MaxCount: 1 });
});

test(title('key-and-group'), () => {
  expectFinished(run);
  expect(request.KeyName, m.keyName).toBe(spec.keyName);
  expect(request.SecurityGroupIds, m.groupId({ name: spec.securityGroupName, id: groupId })).toEqual([groupId]);
  expect(launched.instance?.SecurityGroups?.map((g) => g.GroupName), m.groupOnly).toEqual([spec.securityGroupName]);
});

test(title('zone'), () => {
  expectFinished(run);
  expect(request.SubnetId, m.subnet({ zone: spec.availabilityZone, subnet: subnetId })).toBe(subnetId);
  expect((launched.instance as { Placement?: { AvailabilityZone?: string } } | undefined)?.Placement?.AvailabilityZone, m.wrongZone).toBe(spec.availabilityZone);
});

test(title('root-volume'), async () => {
  expectFinished(run);
  const mapping = (request.BlockDeviceMappings ?? []).find((m) => m.DeviceName === rootDevice);
  expect(mapping, m.rootMapping({ device: rootDevice })).toBeDefined();
  const root = launched.instance?.BlockDeviceMappings?.find((m) => m.DeviceName === rootDevice);
  const volumes = root?.Ebs?.VolumeId ? (await model.client(REGION).describeVolumes({ VolumeIds: [root.Ebs.VolumeId] })).Volumes ?? [] : [];
  expect(volumes[0]?.Size, m.rootSize({ size: spec.rootVolumeGiB })).toBe(spec.rootVolumeGiB);
});

test(title('only-builds'), () => {
  expectFinished(run);
  expect(Object.keys(request).length, m.returnFirst).toBeGreaterThan(0);
  expect(launchedByLearner, m.launched).toBe(0);
});
