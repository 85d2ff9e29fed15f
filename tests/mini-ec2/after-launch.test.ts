// Instances after launch (src/mini-ec2/BEHAVIOUR.md, "Instances after launch"): reboot of a terminated
// instance, ModifyInstanceAttribute, DescribeInstanceStatus and waitUntilInstanceStatusOk.
import { describe, expect, test } from 'vitest';
import { waitUntilInstanceStatusOk } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, expectNoChange, launch, setup, stateOf } from './helpers.ts';

const b64 = (text: string) => btoa(text);

async function stoppedInstance() {
  const { model, ec2 } = setup();
  const id = await launch(ec2);
  model.clock.advance(5000);
  await ec2.stopInstances({ InstanceIds: [id] });
  model.clock.advance(10_000);
  expect(await stateOf(ec2, id)).toBe('stopped');
  return { model, ec2, id };
}

describe('Instances after launch', () => {
  // EC2 API reference, RebootInstances: "Requests to reboot terminated instances are ignored."
  test('RebootInstances of a terminated instance succeeds and does nothing', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    expect(await stateOf(ec2, id)).toBe('terminated');
    const seq = model.events().length;
    const r = await ec2.rebootInstances({ InstanceIds: [id] });
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(model.events().slice(seq).filter((e) => e.type === 'instance-rebooted')).toEqual([]);
    expect(await stateOf(ec2, id)).toBe('terminated');
  });

  // EC2 API reference, TerminateInstances: "Terminated instances remain visible after termination (for approximately one hour)";
  // terminating again answers the terminated state as both previous and current.
  test('TerminateInstances of a terminated instance answers terminated -> terminated', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    const again = await ec2.terminateInstances({ InstanceIds: [id] });
    expect(again.TerminatingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 48, Name: 'terminated' }, PreviousState: { Code: 48, Name: 'terminated' } }]);
  });
});

describe('ModifyInstanceAttribute', () => {
  // The SDK's form (ModifyInstanceAttributeRequest.InstanceType: AttributeValue { Value }, @aws-sdk/client-ec2).
  test('changes the instance type of a stopped instance; DescribeInstanceAttribute and DescribeInstances show it', async () => {
    const { ec2, id } = await stoppedInstance();
    await ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't3.large' } });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'instanceType' })).InstanceType).toEqual({ Value: 't3.large' });
    const r = await ec2.describeInstances({ InstanceIds: [id] });
    expect(r.Reservations![0].Instances![0].InstanceType).toBe('t3.large');
  });

  test('the older Attribute + Value form works too', async () => {
    const { ec2, id } = await stoppedInstance();
    await ec2.modifyInstanceAttribute({ InstanceId: id, Attribute: 'instanceType', Value: 't3.small' });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'instanceType' })).InstanceType).toEqual({ Value: 't3.small' });
  });

  // UserData is a blob (BlobAttributeValue): the SDK takes raw bytes and base64-encodes them;
  // DescribeInstanceAttribute answers the base64 text (EC2 API reference, DescribeInstanceAttribute).
  test('changes the user data of a stopped instance (raw bytes from the SDK, stored as base64)', async () => {
    const { ec2, id } = await stoppedInstance();
    await ec2.modifyInstanceAttribute({ InstanceId: id, UserData: { Value: new TextEncoder().encode('#!/bin/bash\necho hi\n') } });
    expect((await ec2.describeInstanceAttribute({ InstanceId: id, Attribute: 'userData' })).UserData).toEqual({ Value: b64('#!/bin/bash\necho hi\n') });
  });

  // Real answer quoted from the AWS CLI (modify-instance-attribute on a running instance):
  // "IncorrectInstanceState ... The instance 'i-XXXXXXXXXXXX' is not in the 'stopped' state."
  test('a running instance is IncorrectInstanceState and nothing changes', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    await expectEc2Error(ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't3.large' } }), 'IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`);
    await expectNoChange(model, () => ec2.modifyInstanceAttribute({ InstanceId: id, UserData: { Value: b64('x') } }), 'IncorrectInstanceState');
  });

  // RunInstances answers an unknown type with "Invalid value 't3.nano' for InstanceType." (quoted from real
  // EC2 in getmoto/moto#1695); the model answers ModifyInstanceAttribute the same way (wording unverified).
  test('an unknown instance type is InvalidParameterValue', async () => {
    const { model, ec2, id } = await stoppedInstance();
    await expectNoChange(model, () => ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't9.bogus' } }), 'InvalidParameterValue');
    await expectEc2Error(ec2.modifyInstanceAttribute({ InstanceId: id, InstanceType: { Value: 't9.bogus' } }), 'InvalidParameterValue', "Invalid value 't9.bogus' for InstanceType.");
  });

  // "No attributes specified." quoted from real EC2 in ansible-collections/amazon.aws#470.
  test('no attribute is InvalidParameterCombination "No attributes specified."', async () => {
    const { ec2, id } = await stoppedInstance();
    await expectEc2Error(ec2.modifyInstanceAttribute({ InstanceId: id }), 'InvalidParameterCombination', 'No attributes specified.');
    await expectEc2Error(ec2.modifyInstanceAttribute({ InstanceId: 'i-0123456789abcdef0', InstanceType: { Value: 't3.large' } }), 'InvalidInstanceID.NotFound');
  });
});

describe('DescribeInstanceStatus', () => {
  // EC2 API reference, DescribeInstanceStatus: by default only running instances are described;
  // IncludeAllInstances includes all. Status checks report initializing, then ok (user guide, "Status checks").
  test('running: initializing first, ok after the checks; reachability details', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    expect((await ec2.describeInstanceStatus({ InstanceIds: [id] })).InstanceStatuses).toEqual([]);
    model.clock.advance(5000);
    const first = (await ec2.describeInstanceStatus({ InstanceIds: [id] })).InstanceStatuses!;
    expect(first).toEqual([
      {
        AvailabilityZone: expect.stringMatching(/^us-east-1[a-f]$/) as unknown,
        InstanceId: id,
        InstanceState: { Code: 16, Name: 'running' },
        InstanceStatus: { Status: 'initializing', Details: [{ Name: 'reachability', Status: 'initializing' }] },
        SystemStatus: { Status: 'initializing', Details: [{ Name: 'reachability', Status: 'initializing' }] },
      },
    ]);
    model.clock.advance(120_000);
    const later = (await ec2.describeInstanceStatus({ InstanceIds: [id] })).InstanceStatuses![0];
    expect(later.InstanceStatus).toEqual({ Status: 'ok', Details: [{ Name: 'reachability', Status: 'passed' }] });
    expect(later.SystemStatus?.Status).toBe('ok');
  });

  test('IncludeAllInstances lists instances that are not running, their checks not-applicable', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const r = await ec2.describeInstanceStatus({ IncludeAllInstances: true });
    expect(r.InstanceStatuses!.map((s) => [s.InstanceId, s.InstanceState?.Name, s.InstanceStatus?.Status])).toEqual([[id, 'pending', 'not-applicable']]);
    model.clock.advance(5000);
    expect((await ec2.describeInstanceStatus()).InstanceStatuses!.map((s) => s.InstanceId)).toEqual([id]);
  });

  test('filters: instance-status.status, system-status.reachability; an unknown filter is refused', async () => {
    const { model, ec2 } = setup();
    const a = await launch(ec2);
    model.clock.advance(200_000);
    const b = await launch(ec2);
    model.clock.advance(5000);
    const ok = await ec2.describeInstanceStatus({ Filters: [{ Name: 'instance-status.status', Values: ['ok'] }] });
    expect(ok.InstanceStatuses!.map((s) => s.InstanceId)).toEqual([a]);
    const init = await ec2.describeInstanceStatus({ Filters: [{ Name: 'system-status.reachability', Values: ['initializing'] }] });
    expect(init.InstanceStatuses!.map((s) => s.InstanceId)).toEqual([b]);
    await expectEc2Error(ec2.describeInstanceStatus({ Filters: [{ Name: 'nope', Values: ['x'] }] }), 'InvalidParameterValue', "The filter 'nope' is invalid");
    await expectEc2Error(ec2.describeInstanceStatus({ InstanceIds: ['i-0123456789abcdef0'] }), 'InvalidInstanceID.NotFound');
  });

  // Acceptors of @aws-sdk/client-ec2 waitForInstanceStatusOk: success when all InstanceStatus.Status are ok.
  test('waitUntilInstanceStatusOk waits past running until the checks pass', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const start = model.clock.now();
    const result = await waitUntilInstanceStatusOk({ client: ec2, maxWaitTime: 600 }, { InstanceIds: [id] });
    expect(result.state).toBe('SUCCESS');
    expect(model.clock.now() - start).toBeGreaterThanOrEqual(125_000);
  });

  test('waitUntilInstanceStatusOk times out on a stopped instance (it is never listed)', async () => {
    const { ec2, id } = await stoppedInstance();
    await expect(waitUntilInstanceStatusOk({ client: ec2, maxWaitTime: 100 }, { InstanceIds: [id] })).rejects.toThrow(/TIMEOUT|timed out/);
  });
});
