// Lesson 2, what you define to launch an instance: hardware (type, storage) and logical configuration
// (image, network location, firewall, authentication). The learner's request is judged by what EC2 does
// with it: a dry run, then a real launch in the model.
import { beforeAll, expect, test } from 'vitest';
import { MiniEc2 } from 'mini-ec2';
import { expectFinished, runLearnerFunction, type LearnerRun } from '../../_kit/harness.ts';
import { listInstances, type Instance } from '../../_kit/ec2-read.ts';

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

test('builds a request that EC2 accepts', () => {
  expectFinished(run);
  expect(launched.error, `EC2 refused your request: ${launched.error}`).toBeUndefined();
});

test('asks for exactly one instance of the right image and type', () => {
  expectFinished(run);
  expect({ ImageId: request.ImageId, InstanceType: request.InstanceType, MinCount: request.MinCount, MaxCount: request.MaxCount }, 'The request needs ImageId and InstanceType from the spec, and MinCount = MaxCount = 1.').toEqual({ ImageId: spec.imageId, InstanceType: spec.instanceType, MinCount: 1, MaxCount: 1 });
});

test('uses the key pair and the security group (by its ID)', () => {
  expectFinished(run);
  expect(request.KeyName, 'Set KeyName to the spec\'s key pair.').toBe(spec.keyName);
  expect(request.SecurityGroupIds, `SecurityGroupIds needs the ID of the group named ${spec.securityGroupName} (${groupId}), found with describeSecurityGroups.`).toEqual([groupId]);
  expect(launched.instance?.SecurityGroups?.map((g) => g.GroupName), 'The launched instance should be in the cat-photos-web group only.').toEqual([spec.securityGroupName]);
});

test('places the instance in the requested availability zone', () => {
  expectFinished(run);
  expect(request.SubnetId, `SubnetId should be the default subnet of ${spec.availabilityZone} (${subnetId}); without it EC2 picks a zone for you.`).toBe(subnetId);
  expect((launched.instance as { Placement?: { AvailabilityZone?: string } } | undefined)?.Placement?.AvailabilityZone, 'The launched instance is in the wrong zone.').toBe(spec.availabilityZone);
});

test("sizes the root volume on the image's root device", async () => {
  expectFinished(run);
  const mapping = (request.BlockDeviceMappings ?? []).find((m) => m.DeviceName === rootDevice);
  expect(mapping, `BlockDeviceMappings needs an entry for the image's root device ${rootDevice} (see the image's RootDeviceName).`).toBeDefined();
  const root = launched.instance?.BlockDeviceMappings?.find((m) => m.DeviceName === rootDevice);
  const volumes = root?.Ebs?.VolumeId ? (await model.client(REGION).describeVolumes({ VolumeIds: [root.Ebs.VolumeId] })).Volumes ?? [] : [];
  expect(volumes[0]?.Size, `The launched instance's root volume should be ${spec.rootVolumeGiB} GiB (Ebs.VolumeSize).`).toBe(spec.rootVolumeGiB);
});

test('only builds the request: launches nothing itself', () => {
  expectFinished(run);
  expect(Object.keys(request).length, 'Return the request object first: this test checks that building it launched nothing.').toBeGreaterThan(0);
  expect(launchedByLearner, 'Your function launched instances; it should only build the request and return it.').toBe(0);
});
