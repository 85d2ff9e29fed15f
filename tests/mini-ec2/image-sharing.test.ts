// Sharing images through launch permissions (src/mini-ec2/BEHAVIOUR.md, "Sharing images"; spec section 15).
// EC2 API reference: ModifyImageAttribute, DescribeImageAttribute, ResetImageAttribute, DescribeImages
// (ExecutableUsers: "self" returns AMIs shared with your account, "all" public AMIs).
import { describe, expect, test } from 'vitest';
import { OtherAccountClient } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, expectNoChange, launch, newestAl2023, REGION, setup } from './helpers.ts';

const FRIEND = '210987654321';
const STRANGER = '555566667777';

async function ownImage() {
  const { model, ec2 } = setup();
  const id = await launch(ec2);
  model.clock.advance(5000);
  const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'golden', NoReboot: true });
  model.clock.advance(30_000);
  const friend = model.client(REGION, { accountId: FRIEND }) as OtherAccountClient;
  const stranger = model.client(REGION, { accountId: STRANGER }) as OtherAccountClient;
  return { model, ec2, imageId: ImageId!, friend, stranger };
}

const ids = (r: { Images?: { ImageId?: string }[] }) => (r.Images ?? []).map((i) => i.ImageId);

describe('Image sharing', () => {
  test('another account is a view of the model with its own ID', async () => {
    const { friend, model } = await ownImage();
    expect(friend).toBeInstanceOf(OtherAccountClient);
    expect(model.client(REGION, { accountId: model.accountId })).toBe(model.client(REGION));
    expect(() => model.client(REGION, { accountId: 'nope' })).toThrow(/12 digits/);
  });

  test('a private image is invisible to other accounts; sharing with one account shows it to that account only', async () => {
    const { ec2, imageId, friend, stranger } = await ownImage();
    await expectEc2Error(friend.describeImages({ ImageIds: [imageId] }), 'InvalidAMIID.NotFound');
    expect((await ec2.describeImageAttribute({ ImageId: imageId, Attribute: 'launchPermission' })).LaunchPermissions).toEqual([]);
    await ec2.modifyImageAttribute({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: FRIEND }] } });
    expect((await ec2.describeImageAttribute({ ImageId: imageId, Attribute: 'launchPermission' })).LaunchPermissions).toEqual([{ UserId: FRIEND }]);
    expect(ids(await friend.describeImages({ ImageIds: [imageId] }))).toEqual([imageId]);
    expect(ids(await friend.describeImages({ ExecutableUsers: ['self'] }))).toEqual([imageId]);
    expect(ids(await friend.describeImages({ Owners: ['self'] }))).toEqual([]);
    await expectEc2Error(stranger.describeImages({ ImageIds: [imageId] }), 'InvalidAMIID.NotFound');
    // The owner asks which of its images a given account may launch.
    expect(ids(await ec2.describeImages({ Owners: ['self'], ExecutableUsers: [FRIEND] }))).toEqual([imageId]);
    expect(ids(await ec2.describeImages({ ExecutableUsers: ['self'] }))).toEqual([]); // nothing is shared *with* the learner
  });

  test('the group all makes the image public: another account finds it among community AMIs (is-public, Owners)', async () => {
    const { model, ec2, imageId, stranger } = await ownImage();
    await ec2.modifyImageAttribute({ ImageId: imageId, OperationType: 'add', UserGroups: ['all'] });
    expect((await ec2.describeImageAttribute({ ImageId: imageId, Attribute: 'launchPermission' })).LaunchPermissions).toEqual([{ Group: 'all' }]);
    const community = await stranger.describeImages({ ExecutableUsers: ['all'], Owners: [model.accountId], Filters: [{ Name: 'is-public', Values: ['true'] }] });
    expect(community.Images!.map((i) => [i.ImageId, i.Public, i.OwnerId])).toEqual([[imageId, true, model.accountId]]);
    expect(community.Images![0].Tags).toBeUndefined();
    await ec2.modifyImageAttribute({ ImageId: imageId, LaunchPermission: { Remove: [{ Group: 'all' }] } });
    expect(ids(await stranger.describeImages({ Owners: [model.accountId] }))).toEqual([]);
  });

  test('ResetImageAttribute removes every launch permission', async () => {
    const { ec2, imageId, friend } = await ownImage();
    await ec2.modifyImageAttribute({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: FRIEND }, { Group: 'all' }] } });
    await ec2.resetImageAttribute({ ImageId: imageId, Attribute: 'launchPermission' });
    expect((await ec2.describeImageAttribute({ ImageId: imageId, Attribute: 'launchPermission' })).LaunchPermissions).toEqual([]);
    await expectEc2Error(friend.describeImages({ ImageIds: [imageId] }), 'InvalidAMIID.NotFound');
  });

  test('only the owner changes permissions; bad account IDs and groups are refused; nothing changes', async () => {
    const { model, ec2, imageId } = await ownImage();
    const catalogImage = await newestAl2023(ec2);
    await expectNoChange(model, () => ec2.modifyImageAttribute({ ImageId: catalogImage, LaunchPermission: { Add: [{ Group: 'all' }] } }), 'AuthFailure');
    await expectNoChange(model, () => ec2.modifyImageAttribute({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: '12' }] } }), 'InvalidUserID.Malformed');
    await expectNoChange(model, () => ec2.modifyImageAttribute({ ImageId: imageId, OperationType: 'add', UserGroups: ['everyone'] }), 'InvalidParameterValue');
    await expectNoChange(model, () => ec2.modifyImageAttribute({ ImageId: 'ami-0123456789abcdef0', LaunchPermission: { Add: [{ Group: 'all' }] } }), 'InvalidAMIID.NotFound');
    await expectEc2Error(ec2.modifyImageAttribute({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] }, DryRun: true }), 'DryRunOperation', undefined, 412);
    expect((await ec2.describeImages({ ImageIds: [imageId] })).Images![0].Public).toBe(false);
  });

  test('DescribeImageAttribute description; ModifyImageAttribute changes it', async () => {
    const { ec2, imageId } = await ownImage();
    await ec2.modifyImageAttribute({ ImageId: imageId, Description: { Value: 'web server, v2' } });
    expect((await ec2.describeImageAttribute({ ImageId: imageId, Attribute: 'description' })).Description).toEqual({ Value: 'web server, v2' });
  });
});
