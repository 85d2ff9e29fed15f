// The API's shape (src/mini-ec2/BEHAVIOUR.md): SDK method names and shapes, SDK-style errors, waiters, determinism, events, regions.
import { describe, expect, test } from 'vitest';
import { Ec2ServiceException, MiniEc2 } from '../../src/mini-ec2/index.ts';
import { expectEc2Error, launch, newestAl2023, REGION, setup } from './helpers.ts';

describe('Shape of the API', () => {
  test('RunInstances returns { ReservationId, OwnerId, Instances } with $metadata like the SDK', async () => {
    const { ec2 } = setup();
    const r = await ec2.runInstances({ ImageId: await newestAl2023(ec2), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
    expect(r.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(r.OwnerId).toBe('123456789012');
    expect(r.Instances).toHaveLength(1);
    expect(r.$metadata.httpStatusCode).toBe(200);
    expect(r.$metadata.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.Instances![0].LaunchTime).toBeInstanceOf(Date);
  });

  test('errors are thrown as SDK-shaped service exceptions (name, Code, message, $fault, $metadata)', async () => {
    const { ec2 } = setup();
    const e = await expectEc2Error(ec2.runInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 }), 'InvalidAMIID.NotFound');
    expect(e).toBeInstanceOf(Ec2ServiceException);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("The image id '[ami-12345678]' does not exist");
  });

  test('DryRun fails with DryRunOperation and HTTP 412', async () => {
    const { ec2 } = setup();
    await expectEc2Error(ec2.describeInstances({ DryRun: true }), 'DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  });

  test('methods return promises: errors are rejections, never synchronous throws', async () => {
    const { ec2 } = setup();
    const p = ec2.runInstances(null as never);
    expect(p).toBeInstanceOf(Promise);
    await expect(p).rejects.toBeInstanceOf(Ec2ServiceException);
  });

  test('deterministic: the same seed and calls give the same state, byte for byte', async () => {
    const runScript = async () => {
      const { model, ec2 } = setup({ seed: 42 });
      const id = await launch(ec2);
      model.clock.advance(5000);
      await ec2.createImage({ InstanceId: id, Name: 'snapshot-1' });
      await ec2.stopInstances({ InstanceIds: [id] });
      model.clock.advance(60_000);
      return JSON.stringify(model.exportState());
    };
    const a = await runScript();
    expect(await runScript()).toBe(a);
    const other = new MiniEc2({ seed: 43 });
    await launch(other.client(REGION));
    expect(JSON.stringify(other.exportState())).not.toBe(a);
  });

  test('multi-region: a client is bound to one region and sees only its resources', async () => {
    const model = new MiniEc2({ seed: 1 });
    expect(model.regions).toEqual(expect.arrayContaining(['us-east-1', 'us-west-2', 'eu-west-1', 'sa-east-1', 'ap-southeast-2']));
    const east = model.client('us-east-1');
    const west = model.client('us-west-2');
    const id = await launch(east);
    expect((await east.describeInstances()).Reservations).toHaveLength(1);
    expect((await west.describeInstances()).Reservations).toHaveLength(0);
    await expectEc2Error(west.describeInstances({ InstanceIds: [id] }), 'InvalidInstanceID.NotFound');
    expect(() => model.client('mars-north-1')).toThrow(/Unknown region/);
  });

  test('observable: every change of state is an event with seq, time and region', async () => {
    const { model, ec2 } = setup();
    const events: string[] = [];
    const off = model.subscribe((e) => events.push(`${e.seq}:${e.type}:${e.region}`));
    const id = await launch(ec2);
    model.clock.advance(5000);
    await ec2.terminateInstances({ InstanceIds: [id] });
    off();
    await launch(ec2);
    expect(events).toEqual([
      '1:instance-launched:us-east-1',
      '2:volume-created:us-east-1',
      '3:instance-state-changed:us-east-1',
      '4:instance-state-changed:us-east-1',
    ]);
  });
});
