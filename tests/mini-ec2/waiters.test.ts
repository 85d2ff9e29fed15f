// Waiters (src/mini-ec2/BEHAVIOUR.md, "The API's shape"): the SDK's signature and results, driven by the model clock or by real timers.
import { describe, expect, test } from 'vitest';
import {
  MiniEc2,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from '../../src/mini-ec2/index.ts';
import { createSdkClient } from '../../src/mini-ec2/protocol/sdk-client.ts';
import { launch, setup, stateOf } from './helpers.ts';

describe('Waiters', () => {
  test('waitUntilInstanceRunning advances the model clock instead of sleeping', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const t0 = model.clock.now();
    const started = Date.now();
    const result = await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [id] });
    expect(result.state).toBe('SUCCESS');
    expect(await stateOf(ec2, id)).toBe('running');
    expect(model.clock.now() - t0).toBe(15_000); // one poll, the SDK's 15 s minimum delay
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('waitUntilInstanceStopped and waitUntilInstanceTerminated', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    await ec2.stopInstances({ InstanceIds: [id] });
    expect((await waitUntilInstanceStopped({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    await ec2.terminateInstances({ InstanceIds: [id] });
    expect((await waitUntilInstanceTerminated({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
  });

  test('waitUntilImageAvailable waits out the 30 s image creation', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    model.clock.advance(5000);
    const { ImageId } = await ec2.createImage({ InstanceId: id, Name: 'wait-for-me' });
    const r = await waitUntilImageAvailable({ client: ec2, maxWaitTime: 600 }, { ImageIds: [ImageId!] });
    expect(r.state).toBe('SUCCESS');
    expect((r.reason as { Images: { State: string }[] }).Images[0].State).toBe('available');
  });

  test('a waiter that reaches a failure state throws (the SDK throws on FAILURE)', async () => {
    const { ec2 } = setup();
    const id = await launch(ec2);
    await ec2.terminateInstances({ InstanceIds: [id] });
    const error = await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 300 }, { InstanceIds: [id] }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((JSON.parse((error as Error).message) as { state: string }).state).toBe('FAILURE');
  });

  test('a waiter that runs out of time throws a TimeoutError', async () => {
    const { model, ec2 } = setup({ timing: { instanceStartMs: 10 * 60_000 } });
    const id = await launch(ec2);
    const error = (await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 60 }, { InstanceIds: [id] }).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('TimeoutError');
    expect(JSON.parse(error.message)).toMatchObject({ state: 'TIMEOUT', reason: 'Waiter has timed out' });
    expect(model.clock.now() - Date.UTC(2026, 0, 15, 9)).toBe(60_000);
  });

  test('waiter options are checked like the SDK (maxWaitTime must exceed minDelay)', async () => {
    const { ec2 } = setup();
    await expect(waitUntilInstanceRunning({ client: ec2, maxWaitTime: 10 }, { InstanceIds: [] })).rejects.toThrow(/maxWaitTime \[10\] must be greater than WaiterConfiguration.minDelay \[15\]/);
    await expect(waitUntilInstanceRunning({ client: ec2, maxWaitTime: 0 }, { InstanceIds: [] })).rejects.toThrow(/must be greater than 0/);
  });

  test('waiters work with a real SDK EC2 client (through the protocol request handler)', async () => {
    const model = new MiniEc2({ seed: 2 });
    const sdk = createSdkClient(model, 'us-east-1');
    const id = await launch(model.client('us-east-1'));
    const r = await waitUntilInstanceRunning({ client: sdk, maxWaitTime: 120 }, { InstanceIds: [id] });
    expect(r.state).toBe('SUCCESS');
  });

  test('without the sleep hook a waiter uses real timers (realtime model at 100x)', async () => {
    const model = new MiniEc2({ seed: 3, clock: { mode: 'realtime', speed: 100 } });
    const ec2 = model.client('us-east-1');
    const id = await launch(ec2);
    // A plain object with only describeInstances: no Symbol.for('mini-ec2.sleep').
    const plain = { describeInstances: (args: Parameters<typeof ec2.describeInstances>[0]) => ec2.describeInstances(args) };
    const started = Date.now();
    const r = await waitUntilInstanceRunning({ client: plain, maxWaitTime: 5, minDelay: 0.02, maxDelay: 0.05 }, { InstanceIds: [id] });
    expect(r.state).toBe('SUCCESS');
    // 5 simulated seconds at 100x are 50 real ms after the launch: the waiter slept in real time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(model.clock.now() - Date.UTC(2026, 0, 15, 9)).toBeGreaterThanOrEqual(5000);
  });

  test('a proxy client with the sleep hook (as the grader forwards it) drives the model clock', async () => {
    const { model, ec2 } = setup();
    const id = await launch(ec2);
    const slept: number[] = [];
    const proxy = {
      describeInstances: (args: unknown) => ec2.describeInstances(args as never),
      [Symbol.for('mini-ec2.sleep')]: async (ms: number) => {
        slept.push(ms);
        model.clock.advance(ms);
      },
    };
    expect((await waitUntilInstanceRunning({ client: proxy, maxWaitTime: 100 }, { InstanceIds: [id] })).state).toBe('SUCCESS');
    expect(slept).toEqual([15_000]);
  });

  test('in realtime mode the model client waits scaled real time, and transitions happen on their own', async () => {
    const model = new MiniEc2({ clock: { mode: 'realtime', speed: 1000 } });
    const ec2 = model.client('us-east-1');
    const seen: string[] = [];
    model.subscribe((e) => e.type === 'instance-state-changed' && seen.push(e.to));
    await launch(ec2);
    await new Promise((resolve) => setTimeout(resolve, 60)); // 5 simulated seconds = 5 ms real
    expect(seen).toEqual(['running']);
  });
});
