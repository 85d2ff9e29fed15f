// RunInstances (src/mini-ec2/BEHAVIOUR.md, "RunInstances").
import { describe, expect, test } from 'vitest';
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { vcpuBucket } from '../../src/mini-ec2/resources/vcpu-limits.ts';
import { expectEc2Error, expectNoChange, launch, newestAl2023, REGION, setup } from './helpers.ts';

describe('RunInstances', () => {
  test('RunInstances: missing ImageId is MissingParameter', async () => {
    const { model, ec2 } = setup();
    await expectNoChange(model, () => ec2.runInstances({ MinCount: 1, MaxCount: 1 }), 'MissingParameter');
    await expectEc2Error(ec2.runInstances({ MinCount: 1, MaxCount: 1 }), 'MissingParameter', 'The request must contain the parameter ImageId');
  });

  test('RunInstances: MinCount and MaxCount are required', async () => {
    const { ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1 } as never), 'MissingParameter', /MaxCount/);
    await expectEc2Error(ec2.runInstances({ ImageId, MaxCount: 1 } as never), 'MissingParameter', /MinCount/);
  });

  test('RunInstances: MaxCount < 1 and MinCount < 1 are InvalidParameterValue', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 0 }), 'InvalidParameterValue', 'Maximum instance count must be greater than zero');
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 0, MaxCount: 1 }), 'InvalidParameterValue', /^Minimum instance count/);
    await expectNoChange(model, () => ec2.runInstances({ ImageId, MinCount: -3, MaxCount: -1 }), 'InvalidParameterValue');
  });

  test('RunInstances: MinCount > MaxCount is InvalidParameterValue', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    await expectNoChange(model, () => ec2.runInstances({ ImageId, MinCount: 3, MaxCount: 2 }), 'InvalidParameterValue');
  });

  test('RunInstances: MaxCount instances in one reservation with AmiLaunchIndex 0..n-1', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), InstanceType: 't3.micro', MinCount: 1, MaxCount: 4 });
    expect(r.Instances!.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2, 3]);
    const d = await ec2.describeInstances();
    expect(d.Reservations).toHaveLength(1);
    expect(d.Reservations![0].ReservationId).toBe(r.ReservationId);
    expect(new Set(r.Instances!.map((i) => i.InstanceId)).size).toBe(4);
  });

  // EC2 counts On-Demand limits in vCPUs per instance-family bucket (EC2 user guide, "On-Demand Instance quotas").
  // Real message quoted in scrapoxy/scrapoxy#202 and bentoml/bentoctl#202: "You have requested more vCPU capacity
  // than your current vCPU limit of 32 allows for the instance bucket that the specified instance type belongs to. ..."
  test('RunInstances: vCPU limit: when MinCount does not fit it is VcpuLimitExceeded, else what fits launches', async () => {
    const { model, ec2 } = setup({ vcpuLimit: 11 });
    const ImageId = await newestAl2023(ec2);
    await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 3, MaxCount: 3 }); // 3 x 2 vCPUs
    await expectNoChange(model, () => ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 3, MaxCount: 5 }), 'VcpuLimitExceeded');
    await expectEc2Error(
      ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 3, MaxCount: 5 }),
      'VcpuLimitExceeded',
      'You have requested more vCPU capacity than your current vCPU limit of 11 allows for the instance bucket that the specified instance type belongs to. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.',
    );
    const r = await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 5 });
    expect(r.Instances).toHaveLength(2);
    // 1 vCPU left: a t2.micro (1 vCPU) still fits, a t3.micro (2) does not.
    await ec2.runInstances({ ImageId, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 });
    await expectEc2Error(ec2.runInstances({ ImageId, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }), 'VcpuLimitExceeded');
  });

  test('RunInstances: the default limit is 32 vCPUs per bucket and region; stopped and terminated instances free their vCPUs', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const r = await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 100 });
    expect(r.Instances).toHaveLength(16); // 16 x 2 vCPUs = 32
    await expectEc2Error(ec2.runInstances({ ImageId, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }), 'VcpuLimitExceeded');
    expect((await model.client('us-west-2').runInstances({ ImageId: await newestAl2023(model.client('us-west-2')), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 })).Instances).toHaveLength(1);
    const [a, b] = r.Instances!.map((i) => i.InstanceId!);
    model.clock.advance(5000);
    await ec2.stopInstances({ InstanceIds: [a] });
    await ec2.terminateInstances({ InstanceIds: [b] });
    const more = await ec2.runInstances({ ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 5 });
    expect(more.Instances).toHaveLength(2);
    // The stopped instance cannot start again while the bucket is full: VcpuLimitExceeded, nothing changes.
    model.clock.advance(10_000);
    await expectNoChange(model, () => ec2.startInstances({ InstanceIds: [a] }), 'VcpuLimitExceeded');
  });

  test('RunInstances: malformed and unknown AMIs fail', async () => {
    const { model, ec2 } = setup();
    await expectNoChange(model, () => ec2.runInstances({ ImageId: 'ami-bogus', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Malformed');
    await expectEc2Error(ec2.runInstances({ ImageId: 'ami-bogus', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Malformed', 'Invalid id: "ami-bogus" (expecting "ami-...")');
    await expectNoChange(model, () => ec2.runInstances({ ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.NotFound');
  });

  test('RunInstances: a pending or deregistered image is InvalidAMIID.Unavailable', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'pending-one' });
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Unavailable');
    model.clock.advance(30_000);
    await ec2.deregisterImage({ ImageId });
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Unavailable');
  });

  test('RunInstances: the instance type must support the image architecture', async () => {
    const { model, ec2 } = setup();
    const arm = await newestAl2023(ec2, 'arm64');
    await expectNoChange(model, () => ec2.runInstances({ ImageId: arm, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }), 'InvalidParameterValue');
    await expectEc2Error(
      ec2.runInstances({ ImageId: arm, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
      'InvalidParameterValue',
      "The architecture 'x86_64' of the specified instance type does not match the architecture 'arm64' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.",
    );
    const ok = await ec2.runInstances({ ImageId: arm, InstanceType: 't4g.micro', MinCount: 1, MaxCount: 1 });
    expect(ok.Instances![0].Architecture).toBe('arm64');
  });

  test('RunInstances: unknown key pair, group and subnet; malformed group and subnet IDs', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const base = { ImageId, MinCount: 1, MaxCount: 1 };
    await expectEc2Error(ec2.runInstances({ ...base, KeyName: 'x' }), 'InvalidKeyPair.NotFound', "The key pair 'x' does not exist");
    await expectNoChange(model, () => ec2.runInstances({ ...base, SecurityGroupIds: ['sg-12345678'] }), 'InvalidGroup.NotFound');
    await expectNoChange(model, () => ec2.runInstances({ ...base, SecurityGroupIds: ['sg-nope'] }), 'InvalidGroupId.Malformed');
    await expectNoChange(model, () => ec2.runInstances({ ...base, SubnetId: 'subnet-12345678' }), 'InvalidSubnetID.NotFound');
    await expectNoChange(model, () => ec2.runInstances({ ...base, SubnetId: 'subnet-zz' }), 'InvalidSubnetID.Malformed');
  });

  test('RunInstances: default subnet of the default VPC and the default security group', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: 1 });
    const i = r.Instances![0];
    const vpcs = await ec2.describeVpcs({ Filters: [{ Name: 'is-default', Values: ['true'] }] });
    expect(i.VpcId).toBe(vpcs.Vpcs![0].VpcId);
    const subnet = (await ec2.describeSubnets({ SubnetIds: [i.SubnetId!] })).Subnets![0];
    expect(subnet.DefaultForAz).toBe(true);
    expect(i.SecurityGroups).toEqual([{ GroupId: expect.stringMatching(/^sg-/) as unknown, GroupName: 'default' }]);
    expect(i.InstanceType).toBe('t2.micro'); // the model's documented default
  });

  test('RunInstances: Placement.AvailabilityZone picks that zone; an unknown zone fails', async () => {
    const { ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const r = await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1c' } });
    expect(r.Instances![0].Placement!.AvailabilityZone).toBe('us-east-1c');
    const subnet = (await ec2.describeSubnets({ SubnetIds: [r.Instances![0].SubnetId!] })).Subnets![0];
    expect(subnet.AvailabilityZone).toBe('us-east-1c');
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1z' } }), 'InvalidParameterValue');
  });

  test('RunInstances: Marketplace images need a subscription (OptInRequired)', async () => {
    const { model, ec2 } = setup();
    const mp = await ec2.describeImages({ Owners: ['aws-marketplace'], Filters: [{ Name: 'architecture', Values: ['x86_64'] }] });
    const image = mp.Images![0];
    const code = image.ProductCodes![0].ProductCodeId!;
    await expectNoChange(model, () => ec2.runInstances({ ImageId: image.ImageId, MinCount: 1, MaxCount: 1 }), 'OptInRequired', 401);
    model.subscribeToMarketplaceProduct(code);
    const r = await ec2.runInstances({ ImageId: image.ImageId, MinCount: 1, MaxCount: 1 });
    expect(r.Instances![0].ProductCodes).toEqual([{ ProductCodeId: code, ProductCodeType: 'marketplace' }]);
  });

  test('RunInstances: DryRun fails with DryRunOperation (412) and changes nothing', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const before = JSON.stringify(model.exportState());
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, DryRun: true }), 'DryRunOperation', undefined, 412);
    expect(JSON.stringify(model.exportState())).toBe(before);
    // A dry run of a call that would fail reports the real error.
    await expectEc2Error(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, DryRun: true }), 'InvalidAMIID.NotFound');
  });

  test('RunInstances: a repeated ClientToken returns the first reservation and launches nothing new', async () => {
    const { ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const a = await ec2.runInstances({ ImageId, MinCount: 2, MaxCount: 2, ClientToken: 'abc' });
    const b = await ec2.runInstances({ ImageId, MinCount: 2, MaxCount: 2, ClientToken: 'abc' });
    expect(b.ReservationId).toBe(a.ReservationId);
    expect(b.Instances!.map((i) => i.InstanceId)).toEqual(a.Instances!.map((i) => i.InstanceId));
    expect((await ec2.describeInstances()).Reservations![0].Instances).toHaveLength(2);
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, ClientToken: 'abc' }), 'IdempotentParameterMismatch');
  });

  test('RunInstances: the response carries everything the spec lists', async () => {
    const { ec2 } = setup();
    await ec2.createKeyPair({ KeyName: 'lab' });
    const ImageId = await newestAl2023(ec2);
    const r = await ec2.runInstances({
      ImageId,
      InstanceType: 't3.small',
      MinCount: 1,
      MaxCount: 1,
      KeyName: 'lab',
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    const i = r.Instances![0];
    expect(i.State).toEqual({ Code: 0, Name: 'pending' });
    expect(i.ImageId).toBe(ImageId);
    expect(i.InstanceType).toBe('t3.small');
    expect(i.Architecture).toBe('x86_64');
    expect(i.VirtualizationType).toBe('hvm');
    expect(i.RootDeviceName).toBe('/dev/xvda');
    expect(i.RootDeviceType).toBe('ebs');
    expect(i.BlockDeviceMappings).toHaveLength(1);
    expect(i.BlockDeviceMappings![0]).toMatchObject({ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Status: 'attached' } });
    expect(i.Placement!.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);
    expect(i.PrivateIpAddress).toMatch(/^172\.31\.\d+\.\d+$/);
    expect(i.PrivateDnsName).toBe(`ip-${i.PrivateIpAddress!.replace(/\./g, '-')}.ec2.internal`);
    expect(i.KeyName).toBe('lab');
    expect(i.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    expect(i.LaunchTime!.getTime()).toBe(Date.UTC(2026, 0, 15, 9));
    expect(r.Groups).toEqual([]);
    const untagged = await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1 });
    expect(untagged.Instances![0].Tags).toBeUndefined();
  });

  test('RunInstances: Windows images give Platform windows', async () => {
    const { ec2 } = setup();
    const win = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'platform', Values: ['windows'] }] });
    const r = await ec2.runInstances({ ImageId: win.Images![0].ImageId, InstanceType: 't3.medium', MinCount: 1, MaxCount: 1 });
    expect(r.Instances![0].Platform).toBe('windows');
    expect(r.Instances![0].RootDeviceName).toBe('/dev/sda1');
  });

  test('RunInstances: one EBS volume per image mapping, each with a new vol- ID, visible in describeVolumes', async () => {
    const { ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const r = await ec2.runInstances({
      ImageId,
      MinCount: 2,
      MaxCount: 2,
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 20, VolumeType: 'gp3', DeleteOnTermination: false } }],
    });
    const volumeIds = r.Instances!.flatMap((i) => i.BlockDeviceMappings!.map((b) => b.Ebs!.VolumeId));
    expect(new Set(volumeIds).size).toBe(4);
    const v = await ec2.describeVolumes({ Filters: [{ Name: 'size', Values: ['20'] }] });
    expect(v.Volumes).toHaveLength(2);
    expect(v.Volumes![0]).toMatchObject({ State: 'in-use', VolumeType: 'gp3', Attachments: [{ DeleteOnTermination: false, State: 'attached' }] });
  });

  test('RunInstances: UserData must be base64', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    await expectNoChange(model, () => ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, UserData: '#!/bin/bash not base64!' }), 'InvalidParameterValue');
    const id = await launch(ec2, { UserData: btoa('#!/bin/bash\necho hi') });
    const attr = await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' });
    expect(atob(attr.UserData!.Value!)).toBe('#!/bin/bash\necho hi');
  });

  test('RunInstances: a model works in every region with its own default network', async () => {
    const model = new MiniEc2({ seed: 3 });
    for (const region of model.regions) {
      const ec2 = model.client(region);
      const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), MinCount: 1, MaxCount: 1 });
      expect(r.Instances![0].Placement!.AvailabilityZone!.startsWith(region)).toBe(true);
    }
    expect(REGION).toBe('us-east-1');
  });
});

// Buckets as Service Quotas names them: "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances",
// "... G and VT instances", "... P instances", "... X instances", "... F instances", "... Inf instances".
test('vCPU buckets follow the instance family', () => {
  const cases: Record<string, string> = {
    't3.micro': 'standard', 'm7i.large': 'standard', 'c7g.large': 'standard', 'r6i.large': 'standard', 'z1d.large': 'standard',
    'g5.xlarge': 'g-vt', 'vt1.3xlarge': 'g-vt', 'p4d.24xlarge': 'p', 'x2idn.16xlarge': 'x', 'f1.2xlarge': 'f', 'inf2.xlarge': 'inf',
    'trn1.2xlarge': 'trn', 'dl1.24xlarge': 'dl', 'u-6tb1.metal': 'high-memory', 'hpc7g.4xlarge': 'hpc', 'mac2.metal': 'mac',
  };
  for (const [type, bucket] of Object.entries(cases)) expect(vcpuBucket(type), type).toBe(bucket);
});
