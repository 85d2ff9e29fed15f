// Learner code written against the model runs unchanged against a real SDK client (src/mini-ec2/BEHAVIOUR.md, "The API's shape"): the same
// learner-style script runs against the model's client and against a real @aws-sdk/client-ec2 `EC2`
// client wired to a second model through the SDK's requestHandler hook (the wire protocol). Same seed,
// same calls: the results a learner sees and the final model states must be the same.
import { describe, expect, test } from 'vitest';
import { MiniEc2, waitUntilImageAvailable, waitUntilInstanceRunning, waitUntilInstanceStopped, type Ec2Api } from '../../src/mini-ec2/index.ts';
import { createSdkClient } from '../../src/mini-ec2/protocol/sdk-client.ts';

async function learnerScript(ec2: Ec2Api) {
  const log: unknown[] = [];
  const { Images = [] } = await ec2.describeImages({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }, { Name: 'state', Values: ['available'] }] });
  const newest = [...Images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''))[0];
  log.push(['images', Images.length, newest.ImageId, newest.Name, newest.CreationDate, newest.BlockDeviceMappings?.[0]?.Ebs?.VolumeSize]);
  const key = await ec2.createKeyPair({ KeyName: 'lab' });
  const sg = await ec2.createSecurityGroup({ GroupName: 'web', Description: 'web servers' });
  await ec2.authorizeSecurityGroupIngress({ GroupId: sg.GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  log.push(['access', key.KeyName, key.KeyPairId, sg.GroupId]);
  const r = await ec2.runInstances({
    ImageId: newest.ImageId,
    InstanceType: 't3.micro',
    MinCount: 2,
    MaxCount: 2,
    KeyName: 'lab',
    SecurityGroupIds: [sg.GroupId!],
    UserData: btoa('#!/bin/bash\ndnf install -y nginx'),
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }, { Key: 'software:nginx', Value: '1.24' }] }],
  });
  const ids = (r.Instances ?? []).map((i) => i.InstanceId!);
  log.push(['launched', r.ReservationId, ids, r.Instances?.map((i) => [i.State?.Name, i.AmiLaunchIndex, i.PrivateIpAddress, i.Placement?.AvailabilityZone, i.LaunchTime?.toISOString()])]);
  await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: ids });
  const { ImageId } = await ec2.createImage({ InstanceId: ids[0], Name: 'web-golden', Description: 'nginx baked in' });
  await waitUntilImageAvailable({ client: ec2, maxWaitTime: 600 }, { ImageIds: [ImageId!] });
  const image = (await ec2.describeImages({ ImageIds: [ImageId!] })).Images![0];
  log.push(['image', image.ImageId, image.State, image.SourceInstanceId, image.OwnerId, image.Public, image.BlockDeviceMappings?.length]);
  const clone = (await ec2.runInstances({ ImageId, MinCount: 1, MaxCount: 1 })).Instances![0];
  log.push(['clone', clone.InstanceId, clone.InstanceType, clone.KeyName, clone.Tags, clone.SecurityGroups]);
  await ec2.stopInstances({ InstanceIds: [ids[1]] });
  await waitUntilInstanceStopped({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [ids[1]] });
  const t = await ec2.terminateInstances({ InstanceIds: ids });
  log.push(['terminate', t.TerminatingInstances?.map((c) => [c.InstanceId, c.PreviousState?.Name, c.CurrentState?.Name])]);
  for (const bad of [
    () => ec2.runInstances({ ImageId: 'ami-nope', MinCount: 1, MaxCount: 1 }),
    () => ec2.createImage({ InstanceId: ids[0], Name: 'web-golden' }),
    () => ec2.startInstances({ InstanceIds: ['i-0000000000000000f'] }),
    () => ec2.describeImages({ Filters: [{ Name: 'colour', Values: ['red'] }] }),
  ]) {
    const e = (await bad().catch((error: unknown) => error)) as { name: string; message: string; $metadata: { httpStatusCode?: number } };
    log.push(['error', e.name, e.message, e.$metadata.httpStatusCode]);
  }
  const d = await ec2.describeInstances({ Filters: [{ Name: 'tag:Name', Values: ['web'] }] });
  log.push(['final', d.Reservations?.flatMap((x) => x.Instances?.map((i) => [i.InstanceId, i.State?.Name, i.Tags]) ?? [])]);
  return log;
}

describe('learner code runs unchanged against a real SDK client', () => {
  test('the same script gives the same results through the model client and the real SDK (wire protocol)', async () => {
    const direct = new MiniEc2({ seed: 11 });
    const viaWire = new MiniEc2({ seed: 11 });
    const a = await learnerScript(direct.client('us-east-1'));
    const b = await learnerScript(createSdkClient(viaWire, 'us-east-1'));
    expect(b).toEqual(a);
    // The one expected difference: the SDK fills RunInstances' ClientToken with a random UUID (it is an
    // idempotency token), which the model records. Everything else is identical, byte for byte.
    const withoutTokens = (model: MiniEc2) => {
      const state = model.exportState();
      for (const region of Object.values(state.regions)) {
        region.clientTokens = {};
        for (const i of Object.values(region.instances)) delete i.clientToken;
      }
      return JSON.stringify(state);
    };
    const viaWireState = viaWire.exportState();
    const tokens = Object.keys(viaWireState.regions['us-east-1'].clientTokens);
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => /^[0-9a-f-]{36}$/.test(t))).toBe(true);
    const same = withoutTokens(viaWire) === withoutTokens(direct);
    expect(same, 'the two models differ beyond the SDK-generated client tokens').toBe(true);
  }, 60_000);
});
