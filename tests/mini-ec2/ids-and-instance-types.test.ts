// IDs and instance types (src/mini-ec2/BEHAVIOUR.md, "IDs and instance types").
import { describe, expect, test } from 'vitest';
import { isWellFormedId, MiniEc2 } from '../../src/mini-ec2/index.ts';
import { SeededRandom } from '../../src/mini-ec2/ids.ts';
import { expectEc2Error, launch, setup } from './helpers.ts';

describe('IDs', () => {
  test('new IDs are a prefix, a dash and 17 lowercase hex digits', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId, MinCount: 1, MaxCount: 1, InstanceType: 't2.micro' });
    const i = r.Instances![0];
    expect(i.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(r.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(i.BlockDeviceMappings![0].Ebs!.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(i.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(i.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(i.SecurityGroups![0].GroupId).toMatch(/^sg-[0-9a-f]{17}$/);
    const key = await ec2.createKeyPair({ KeyName: 'k' });
    expect(key.KeyPairId).toMatch(/^key-[0-9a-f]{17}$/);
  });

  test('IDs of 8 hex digits are well formed; other lengths, upper case and wrong prefixes are malformed', () => {
    expect(isWellFormedId('ami-12345678', 'ami')).toBe(true);
    expect(isWellFormedId('ami-0123456789abcdef0', 'ami')).toBe(true);
    for (const bad of ['ami-1234567', 'ami-123456789', 'ami-0123456789ABCDEF0', 'i-12345678', 'ami12345678', ' ami-12345678', 'ami-1234567g']) {
      expect(isWellFormedId(bad, 'ami'), bad).toBe(false);
    }
  });

  test('malformed and not-found IDs are different errors', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.describeInstances({ InstanceIds: ['i-xyz'] }), 'InvalidInstanceID.Malformed', 'Invalid id: "i-xyz" (expecting "i-...")');
    await expectEc2Error(ec2.describeInstances({ InstanceIds: ['i-12345678'] }), 'InvalidInstanceID.NotFound', "The instance ID 'i-12345678' does not exist");
    await expectEc2Error(ec2.describeImages({ ImageIds: ['ami-xyz'] }), 'InvalidAMIID.Malformed');
    await expectEc2Error(ec2.describeImages({ ImageIds: ['ami-12345678'] }), 'InvalidAMIID.NotFound');
  });

  test('the account ID is 12 digits and fixed per model; request IDs are UUIDs', async () => {
    const model = new MiniEc2({ accountId: '210987654321' });
    const r = await model.client('us-east-1').describeVpcs();
    expect(r.Vpcs![0].OwnerId).toBe('210987654321');
    expect(r.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => new MiniEc2({ accountId: '123' })).toThrow(/12 digits/);
  });

  test('every resource belongs to one region: a copied image gets another ID', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'web' });
    model.clock.advance(30_000);
    const west = model.client('us-west-2');
    const copy = await west.copyImage({ SourceImageId: ImageId, SourceRegion: 'us-east-1', Name: 'web' });
    expect(copy.ImageId).not.toBe(ImageId);
    await expectEc2Error(west.describeImages({ ImageIds: [ImageId!] }), 'InvalidAMIID.NotFound');
  });

  test('the seeded generator is reproducible and resumable from its state', () => {
    const a = SeededRandom.fromSeed(5);
    const first = [a.id('i'), a.id('ami')];
    const resumed = new SeededRandom(a.state());
    expect([SeededRandom.fromSeed(5).id('i'), SeededRandom.fromSeed(5).id('i')]).toEqual([first[0], first[0]]);
    expect(resumed.id('vol')).toBe(a.id('vol'));
  });
});

describe('Instance types', () => {
  const required = ['t2.micro', 't3.micro', 't3.small', 't3.medium', 't3.large', 't4g.micro', 't4g.small', 'm5.large', 'm6g.large', 'm7i.large', 'c6i.xlarge', 'c7g.large', 'r6i.large'];

  test('describeInstanceTypes serves every required type with real figures', async () => {
    const { ec2 } = setup();
    const r = await ec2.describeInstanceTypes({ InstanceTypes: required });
    expect(r.InstanceTypes!.map((t) => t.InstanceType).sort()).toEqual([...required].sort());
    const byName = Object.fromEntries(r.InstanceTypes!.map((t) => [String(t.InstanceType), t] as const));
    expect(byName['t2.micro'].VCpuInfo!.DefaultVCpus).toBe(1);
    expect(byName['t2.micro'].MemoryInfo!.SizeInMiB).toBe(1024);
    expect(byName['t2.micro'].FreeTierEligible).toBe(true);
    expect(byName['t3.micro'].VCpuInfo!.DefaultVCpus).toBe(2);
    expect(byName['t3.large'].MemoryInfo!.SizeInMiB).toBe(8192);
    expect(byName['t4g.micro'].ProcessorInfo!.SupportedArchitectures).toEqual(['arm64']);
    expect(byName['m5.large'].NetworkInfo!.NetworkPerformance).toBe('Up to 10 Gigabit');
    expect(byName['c6i.xlarge'].VCpuInfo!.DefaultVCpus).toBe(4);
    expect(byName['r6i.large'].MemoryInfo!.SizeInMiB).toBe(16384);
    expect(byName['m7i.large'].FreeTierEligible).toBe(false);
  });

  test('filters: processor-info.supported-architecture, vcpu-info.default-vcpus, memory-info.size-in-mib', async () => {
    const { ec2 } = setup();
    const arm = await ec2.describeInstanceTypes({ Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }] });
    expect(arm.InstanceTypes!.length).toBeGreaterThan(3);
    expect(arm.InstanceTypes!.every((t) => t.ProcessorInfo!.SupportedArchitectures!.includes('arm64'))).toBe(true);
    const small = await ec2.describeInstanceTypes({
      Filters: [
        { Name: 'vcpu-info.default-vcpus', Values: ['2'] },
        { Name: 'memory-info.size-in-mib', Values: ['1024', '2048'] },
        { Name: 'processor-info.supported-architecture', Values: ['x86_64'] },
      ],
    });
    expect(small.InstanceTypes!.map((t) => t.InstanceType).sort()).toEqual(['t3.micro', 't3.small']);
    const free = await ec2.describeInstanceTypes({ Filters: [{ Name: 'free-tier-eligible', Values: ['true'] }] });
    expect(free.InstanceTypes!.map((t) => t.InstanceType).sort()).toEqual(['t2.micro', 't3.micro']);
  });

  test('an unknown type is an error at launch (InvalidParameterValue), and in describeInstanceTypes', async () => {
    const { ec2 } = setup();
    await expectEc2Error(launch(ec2, { InstanceType: 't9.gigantic' }), 'InvalidParameterValue', /t9\.gigantic/);
    await expectEc2Error(ec2.describeInstanceTypes({ InstanceTypes: ['t9.gigantic'] }), 'InvalidParameterValue');
    await expectEc2Error(ec2.describeInstanceTypes({ Filters: [{ Name: 'colour', Values: ['red'] }] }), 'InvalidParameterValue', "The filter 'colour' is invalid");
  });
});
