// The instance lifecycle (src/mini-ec2/BEHAVIOUR.md): states and codes, timings, start/stop/reboot/terminate rules, visibility, fresh copies.
import { describe, expect, test } from 'vitest';
import { STATE_CODES } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, expectNoChange, launch, setup, stateOf } from './helpers.ts';

describe('Lifecycle', () => {
  test('Lifecycle: state codes are those of EC2', () => {
    expect(STATE_CODES).toEqual({ pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 });
  });

  test('Lifecycle: launch goes pending -> running after 5 simulated seconds', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(4999);
    expect(await stateOf(ec2, id)).toBe('pending');
    model.clock.advance(1);
    expect(await stateOf(ec2, id)).toBe('running');
  });

  test('Lifecycle: stop goes running -> stopping -> stopped (10 s); start goes stopped -> pending -> running', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const stop = await ec2.stopInstances({ InstanceIds: [id] });
    expect(stop.StoppingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }]);
    model.clock.advance(9999);
    expect(await stateOf(ec2, id)).toBe('stopping');
    model.clock.advance(1);
    expect(await stateOf(ec2, id)).toBe('stopped');
    const start = await ec2.startInstances({ InstanceIds: [id] });
    expect(start.StartingInstances).toEqual([{ InstanceId: id, CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } }]);
    model.clock.advance(5000);
    expect(await stateOf(ec2, id)).toBe('running');
  });

  test('Lifecycle: terminate goes any -> shutting-down -> terminated', async () => {
    const { model, ec2 } = setup();
    const pendingId = await launch(ec2);
    const r = await ec2.terminateInstances({ InstanceIds: [pendingId] });
    expect(r.TerminatingInstances![0]).toEqual({ InstanceId: pendingId, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 0, Name: 'pending' } });
    model.clock.advance(5000);
    expect(await stateOf(ec2, pendingId)).toBe('terminated');
  });

  test('Lifecycle: reboot keeps the instance running', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const events: string[] = [];
    model.subscribe((e) => events.push(e.type));
    await ec2.rebootInstances({ InstanceIds: [id] });
    expect(await stateOf(ec2, id)).toBe('running');
    expect(events).toEqual(['instance-rebooted']);
  });

  test('Lifecycle: starting a terminated instance is IncorrectInstanceState', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    await expectEc2Error(ec2.startInstances({ InstanceIds: [id] }), 'IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be started.`);
    await expectNoChange(model, () => ec2.startInstances({ InstanceIds: [id] }), 'IncorrectInstanceState');
  });

  test('Lifecycle: stopping a terminated instance is IncorrectInstanceState', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    await expectEc2Error(ec2.stopInstances({ InstanceIds: [id] }), 'IncorrectInstanceState', `This instance '${id}' is not in a state from which it can be stopped.`);
  });

  test('Lifecycle: one bad ID fails the whole call and changes nothing', async () => {
    const { model, ec2 } = setup();
    const a = await launch(ec2);
    const b = await launch(ec2);
    model.clock.advance(5000);
    await expectNoChange(model, () => ec2.stopInstances({ InstanceIds: [a, 'i-0000000000000000f', b] }), 'InvalidInstanceID.NotFound');
    await expectNoChange(model, () => ec2.terminateInstances({ InstanceIds: [a, 'i-bad'] }), 'InvalidInstanceID.Malformed');
    await ec2.terminateInstances({ InstanceIds: [b] });
    model.clock.advance(5000);
    await expectNoChange(model, () => ec2.startInstances({ InstanceIds: [a, b] }), 'IncorrectInstanceState');
    expect(await stateOf(ec2, a)).toBe('running');
  });

  test('Lifecycle: terminate with no IDs is InvalidParameterCombination "No instances specified"', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.terminateInstances({ InstanceIds: [] }), 'InvalidParameterCombination', 'No instances specified');
    await expectEc2Error(ec2.terminateInstances({} as never), 'InvalidParameterCombination', 'No instances specified');
  });

  test('Lifecycle: terminating twice is allowed', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    const again = await ec2.terminateInstances({ InstanceIds: [id] });
    expect(again.TerminatingInstances![0].CurrentState!.Name).toBe('shutting-down');
    model.clock.advance(5000);
    const third = await ec2.terminateInstances({ InstanceIds: [id] });
    expect(third.TerminatingInstances![0]).toMatchObject({ CurrentState: { Name: 'terminated' }, PreviousState: { Name: 'terminated' } });
  });

  test('Lifecycle: terminated instances stay visible for one simulated hour, then vanish', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000); // terminated now
    model.clock.advance(3_600_000 - 1);
    expect(await stateOf(ec2, id)).toBe('terminated');
    model.clock.advance(1);
    expect((await ec2.describeInstances()).Reservations).toEqual([]);
    await expectEc2Error(ec2.describeInstances({ InstanceIds: [id] }), 'InvalidInstanceID.NotFound');
  });

  test('Lifecycle: mutating a returned object never changes the model', async () => {
    const { model, ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: (await ec2.describeImages({ Owners: ['amazon'] })).Images![0].ImageId, MinCount: 1, MaxCount: 1 });
    const id = r.Instances![0].InstanceId!;
    r.Instances![0].State!.Name = 'terminated';
    r.Instances![0].InstanceType = 'x1e.32xlarge';
    const d = await ec2.describeInstances();
    d.Reservations![0].Instances![0].Tags = [{ Key: 'hacked', Value: 'yes' }];
    d.Reservations![0].Instances!.pop();
    const img = await ec2.describeImages({ ImageIds: [r.Instances![0].ImageId!] });
    img.Images![0].State = 'failed';
    img.Images![0].BlockDeviceMappings![0].Ebs!.VolumeSize = 1;
    const again = await ec2.describeInstances({ InstanceIds: [id] });
    expect(again.Reservations![0].Instances![0]).toMatchObject({ State: { Name: 'pending' }, InstanceType: 't2.micro' });
    expect(again.Reservations![0].Instances![0].Tags).toBeUndefined();
    const img2 = await ec2.describeImages({ ImageIds: [r.Instances![0].ImageId!] });
    expect(img2.Images![0].State).toBe('available');
    expect(img2.Images![0].BlockDeviceMappings![0].Ebs!.VolumeSize).toBeGreaterThan(1);
    // Mutating the input after the call does not reach the model either.
    const tags = [{ Key: 'Name', Value: 'a' }];
    const id2 = (await ec2.runInstances({ ImageId: r.Instances![0].ImageId, MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: tags }] })).Instances![0].InstanceId!;
    tags[0].Value = 'b';
    expect((await ec2.describeInstances({ InstanceIds: [id2] })).Reservations![0].Instances![0].Tags).toEqual([{ Key: 'Name', Value: 'a' }]);
    expect(model.exportState().regions['us-east-1'].instances[id].state).toBe('pending');
  });

  test('Lifecycle: terminating deletes DeleteOnTermination volumes and detaches the others', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2, { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 5, DeleteOnTermination: false } }] });
    await ec2.terminateInstances({ InstanceIds: [id] });
    model.clock.advance(5000);
    const vols = await ec2.describeVolumes();
    expect(vols.Volumes).toHaveLength(1);
    expect(vols.Volumes![0]).toMatchObject({ Size: 5, State: 'available', Attachments: [] });
  });

  test('Lifecycle: stop of a pending instance and start of a stopping one are IncorrectInstanceState', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    await expectEc2Error(ec2.stopInstances({ InstanceIds: [id] }), 'IncorrectInstanceState');
    model.clock.advance(5000);
    await ec2.stopInstances({ InstanceIds: [id] });
    await expectEc2Error(ec2.startInstances({ InstanceIds: [id] }), 'IncorrectInstanceState');
  });
});
