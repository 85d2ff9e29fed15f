// Error codes and HTTP statuses, and the seeded image catalog (src/mini-ec2/BEHAVIOUR.md, "Errors" and "The image catalog").
import { describe, expect, test } from 'vitest';
import { MiniEc2 } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, launch, newestAl2023, setup } from './helpers.ts';

describe('Errors at a glance', () => {
  test('Errors: every row of the table with its code and HTTP status', async () => {
    const { model, ec2 } = setup();
    const ImageId = await newestAl2023(ec2);
    const id = await launch(ec2);
    await expectEc2Error(ec2.runInstances({ ImageId: 'x', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Malformed', 'Invalid id: "x" (expecting "ami-...")');
    await expectEc2Error(ec2.runInstances({ ImageId: 'ami-00000000', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.NotFound');
    await expectEc2Error(model.client('us-west-2').runInstances({ ImageId, MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.NotFound');
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'too-early' }), 'InvalidParameterValue');
    model.clock.advance(5000);
    const { ImageId: pending } = await ec2.createImage({ InstanceId: id, Name: 'pending' });
    await expectEc2Error(ec2.runInstances({ ImageId: pending, MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.Unavailable');
    await expectEc2Error(ec2.startInstances({ InstanceIds: ['i-1'] }), 'InvalidInstanceID.Malformed');
    await expectEc2Error(ec2.startInstances({ InstanceIds: ['i-00000000'] }), 'InvalidInstanceID.NotFound');
    await ec2.terminateInstances({ InstanceIds: [id] });
    await expectEc2Error(ec2.startInstances({ InstanceIds: [id] }), 'IncorrectInstanceState');
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: '!!' }), 'InvalidAMIName.Malformed');
    await expectEc2Error(ec2.createImage({ InstanceId: id, Name: 'pending' }), 'InvalidAMIName.Duplicate');
    await expectEc2Error(ec2.describeImages({ Filters: [{ Name: 'bogus', Values: ['1'] }] }), 'InvalidParameterValue');
    await expectEc2Error(ec2.runInstances({ MinCount: 1, MaxCount: 1 }), 'MissingParameter');
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, Colour: 'red' } as never), 'UnknownParameter', 'The parameter Colour is not recognized');
    await expectEc2Error(ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1, DryRun: true }), 'DryRunOperation', undefined, 412);
  });

  test('Errors: errors carry a request ID in $metadata', async () => {
    const { ec2 } = setup();
    const e = await expectEc2Error(ec2.describeImages({ ImageIds: ['nope'] }), 'InvalidAMIID.Malformed');
    expect((e.$metadata as { requestId?: string }).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('The catalog', () => {
  const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'sa-east-1', 'ap-southeast-2'];

  test('Catalog: at least five regions seeded with at least 300 images each', async () => {
    const model = new MiniEc2();
    for (const region of regions) {
      const images = (await model.client(region).describeImages({ IncludeDeprecated: true })).Images!;
      expect(images.length, region).toBeGreaterThanOrEqual(300);
    }
  });

  test('Catalog: Quick Start families with current and older versions, so "newest" needs sorting', async () => {
    const { model, ec2 } = setup();
    const qs = model.catalog('us-east-1', 'quick-start');
    const families = new Set(qs.map((m) => m.family));
    for (const f of ['amazon-linux-2023', 'ubuntu-24.04', 'debian-12', 'rhel-9', 'suse-sles-15-sp7', 'windows-server-2022-full']) {
      expect(families.has(f), f).toBe(true);
    }
    const al = (await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023*'] }, { Name: 'architecture', Values: ['arm64'] }] })).Images!;
    expect(al.length).toBeGreaterThan(5);
    const dates = al.map((i) => i.CreationDate!);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).not.toEqual(dates); // not already in date order: sorting matters
    const latest = qs.find((m) => m.family === 'amazon-linux-2023' && m.latest && al.some((i) => i.ImageId === m.imageId))!;
    const newest = [...al].sort((a, b) => b.CreationDate!.localeCompare(a.CreationDate!))[0];
    expect(latest.imageId).toBe(newest.ImageId);
  });

  test('Catalog: Marketplace vendor images (web stack, database, firewall) with product codes', async () => {
    const { model } = setup();
    const mp = model.catalog('us-east-1', 'marketplace');
    expect(new Set(mp.map((m) => m.family))).toEqual(new Set(['marketplace-webstack', 'marketplace-database', 'marketplace-firewall']));
  });

  test('Catalog: community look-alikes of Quick Start names from unknown owners', async () => {
    const { ec2 } = setup();
    const all = (await ec2.describeImages({ Filters: [{ Name: 'name', Values: ['al2023-ami-2023.9.*-x86_64'] }] })).Images!;
    const owners = new Set(all.map((i) => i.OwnerId));
    expect(owners.size).toBeGreaterThan(1);
    const amazonNames = new Set(all.filter((i) => i.ImageOwnerAlias === 'amazon').map((i) => i.Name));
    const impostors = all.filter((i) => i.ImageOwnerAlias === undefined && amazonNames.has(i.Name));
    expect(impostors.length).toBeGreaterThan(0);
    expect(impostors.every((i) => i.Public && i.OwnerId !== '137112412989')).toBe(true);
  });

  test('Catalog: the same entry has a different ami- ID in each region', async () => {
    const model = new MiniEc2();
    const ids = new Map<string, string>();
    for (const region of regions) {
      const meta = model.catalog(region, 'quick-start').find((m) => m.key.startsWith('amazon-linux-2023/') && m.latest)!;
      ids.set(region, meta.imageId);
    }
    expect(new Set(ids.values()).size).toBe(regions.length);
    // ...and every region's catalog IDs are all different from every other region's.
    const east = new Set(model.catalog('us-east-1').map((m) => m.imageId));
    expect(model.catalog('eu-west-1').some((m) => east.has(m.imageId))).toBe(false);
  });

  test('Catalog: Quick Start is metadata, not an API field; IDs do not depend on the seed', async () => {
    const a = new MiniEc2({ seed: 1 });
    const b = new MiniEc2({ seed: 999 });
    expect(a.catalog('sa-east-1').map((m) => m.imageId)).toEqual(b.catalog('sa-east-1').map((m) => m.imageId));
    const img = (await a.client('us-east-1').describeImages({ ImageIds: [a.catalog('us-east-1', 'quick-start')[0].imageId] })).Images![0];
    expect(JSON.stringify(img)).not.toMatch(/quick/i);
    expect(() => a.catalog('nowhere-1')).toThrow();
  });
});
