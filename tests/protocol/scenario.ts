// The one scenario every real client runs against `ec2-lab mini-ec2` (JavaScript SDK, AWS CLI, boto3),
// each reporting what it saw as a ScenarioSummary; checkSummary() holds the expectations, so the three
// clients are judged by the same rules:
//   find the newest Amazon Linux 2023 x86_64 AMI by filters -> launch two instances -> wait until running
//   -> create an image -> wait until available -> launch from it -> tag -> find it by tag -> stop
//   -> terminate all, and six error cases (the error code as the client reports it).
import {
  EC2,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import { expect } from 'vitest';

export const SCENARIO = {
  region: 'us-west-2',
  amiNameFilter: 'al2023-ami-2023.*-x86_64',
  imageName: 'golden-web-1',
  /** An ID that is well formed but does not exist. */
  missingAmi: 'ami-0123456789abcdef0',
};

export type ScenarioSummary = {
  client: string;
  /** The chosen AMI: the newest of those the filters matched. */
  ami: { id: string; name: string; matched: number; architecture: string; owner: string };
  launch: { reservationId: string; instanceIds: string[]; states: string[]; amiLaunchIndexes: number[] };
  runningStates: string[];
  image: { id: string; stateRightAfterCreate: string; finalState: string; sourceInstanceId?: string };
  clone: { instanceId: string; imageId: string; state: string };
  taggedIds: string[];
  stop: { previous: string; current: string; final: string };
  terminate: { current: string[]; final: string[] };
  errors: {
    amiNotFound: string;
    amiMalformed: string;
    dryRun: string;
    duplicateImageName: string;
    startTerminated: string;
    unknownFilter: string;
  };
};

export function checkSummary(s: ScenarioSummary): void {
  expect(s.ami.id, `${s.client}: chosen AMI`).toMatch(/^ami-[0-9a-f]{17}$/);
  expect(s.ami.name).toMatch(/^al2023-ami-2023\..*-x86_64$/);
  expect(s.ami.matched).toBeGreaterThan(1); // several releases: "the newest" needed sorting
  expect([s.ami.architecture, s.ami.owner]).toEqual(['x86_64', 'amazon']);

  expect(s.launch.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
  expect(s.launch.instanceIds).toHaveLength(2);
  for (const id of s.launch.instanceIds) expect(id).toMatch(/^i-[0-9a-f]{17}$/);
  expect(s.launch.states).toEqual(['pending', 'pending']);
  expect([...s.launch.amiLaunchIndexes].sort()).toEqual([0, 1]);
  expect(s.runningStates).toEqual(['running', 'running']);

  expect(s.image.id).toMatch(/^ami-[0-9a-f]{17}$/);
  expect(s.image.id).not.toBe(s.ami.id);
  expect(s.image.finalState).toBe('available');
  expect(['pending', 'available']).toContain(s.image.stateRightAfterCreate);
  expect(s.image.sourceInstanceId).toBe(s.launch.instanceIds[0]);

  expect(s.clone.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
  expect(s.clone.imageId).toBe(s.image.id);
  expect(s.clone.state).toBe('pending');
  expect(s.taggedIds).toEqual([s.clone.instanceId]);

  expect([s.stop.previous, s.stop.current, s.stop.final]).toEqual(['running', 'stopping', 'stopped']);
  expect(s.terminate.current).toEqual(['shutting-down', 'shutting-down', 'shutting-down']);
  expect(s.terminate.final).toEqual(['terminated', 'terminated', 'terminated']);

  expect(s.errors).toEqual({
    amiNotFound: 'InvalidAMIID.NotFound',
    amiMalformed: 'InvalidAMIID.Malformed',
    dryRun: 'DryRunOperation',
    duplicateImageName: 'InvalidAMIName.Duplicate',
    startTerminated: 'IncorrectInstanceState',
    unknownFilter: 'InvalidParameterValue',
  });
}

async function errorCode(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'no error';
  } catch (error) {
    return (error as { name: string }).name;
  }
}

/** The scenario in the JavaScript SDK v3, with the SDK's own waiters (real timers, 1 s polls). */
export async function runSdkScenario(ec2: EC2): Promise<ScenarioSummary> {
  const wait = { client: ec2, maxWaitTime: 60, minDelay: 1, maxDelay: 1 };
  const found = await ec2.describeImages({
    Owners: ['amazon'],
    Filters: [
      { Name: 'name', Values: [SCENARIO.amiNameFilter] },
      { Name: 'architecture', Values: ['x86_64'] },
      { Name: 'state', Values: ['available'] },
    ],
  });
  const images = [...(found.Images ?? [])].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''));
  const ami = images[0];

  const launch = await ec2.runInstances({ ImageId: ami.ImageId, InstanceType: 't3.micro', MinCount: 2, MaxCount: 2 });
  const ids = launch.Instances!.map((i) => i.InstanceId!);
  await waitUntilInstanceRunning(wait, { InstanceIds: ids });
  const running = await ec2.describeInstances({ InstanceIds: ids });
  const runningById = new Map(running.Reservations!.flatMap((r) => r.Instances!).map((i) => [i.InstanceId, i.State!.Name!]));

  const created = await ec2.createImage({ InstanceId: ids[0], Name: SCENARIO.imageName, Description: 'web server' });
  const rightAfter = await ec2.describeImages({ ImageIds: [created.ImageId!] });
  await waitUntilImageAvailable(wait, { ImageIds: [created.ImageId!] });
  const available = await ec2.describeImages({ ImageIds: [created.ImageId!] });

  const clone = await ec2.runInstances({ ImageId: created.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  const cloneId = clone.Instances![0].InstanceId!;
  await ec2.createTags({ Resources: [cloneId], Tags: [{ Key: 'Role', Value: 'clone' }] });
  const tagged = await ec2.describeInstances({ Filters: [{ Name: 'tag:Role', Values: ['clone'] }] });

  await waitUntilInstanceRunning(wait, { InstanceIds: [cloneId] });
  const stopped = await ec2.stopInstances({ InstanceIds: [cloneId] });
  await waitUntilInstanceStopped(wait, { InstanceIds: [cloneId] });
  const afterStop = await ec2.describeInstances({ InstanceIds: [cloneId] });
  // While the clone is stopped (a state CreateImage accepts), only the name can be wrong.
  const duplicateImageName = await errorCode(() => ec2.createImage({ InstanceId: cloneId, Name: SCENARIO.imageName }));

  const all = [...ids, cloneId];
  const terminated = await ec2.terminateInstances({ InstanceIds: all });
  await waitUntilInstanceTerminated(wait, { InstanceIds: all });
  const afterTerminate = await ec2.describeInstances({ InstanceIds: all });
  const finalById = new Map(afterTerminate.Reservations!.flatMap((r) => r.Instances!).map((i) => [i.InstanceId, i.State!.Name!]));

  return {
    client: 'JavaScript SDK v3',
    ami: { id: ami.ImageId!, name: ami.Name!, matched: images.length, architecture: ami.Architecture!, owner: ami.ImageOwnerAlias! },
    launch: {
      reservationId: launch.ReservationId!,
      instanceIds: ids,
      states: launch.Instances!.map((i) => i.State!.Name!),
      amiLaunchIndexes: launch.Instances!.map((i) => i.AmiLaunchIndex!),
    },
    runningStates: ids.map((id) => runningById.get(id)!),
    image: {
      id: created.ImageId!,
      stateRightAfterCreate: rightAfter.Images![0].State!,
      finalState: available.Images![0].State!,
      sourceInstanceId: available.Images![0].SourceInstanceId,
    },
    clone: { instanceId: cloneId, imageId: clone.Instances![0].ImageId!, state: clone.Instances![0].State!.Name! },
    taggedIds: tagged.Reservations!.flatMap((r) => r.Instances!).map((i) => i.InstanceId!),
    stop: {
      previous: stopped.StoppingInstances![0].PreviousState!.Name!,
      current: stopped.StoppingInstances![0].CurrentState!.Name!,
      final: afterStop.Reservations![0].Instances![0].State!.Name!,
    },
    terminate: {
      current: all.map((id) => terminated.TerminatingInstances!.find((t) => t.InstanceId === id)!.CurrentState!.Name!),
      final: all.map((id) => finalById.get(id)!),
    },
    errors: {
      amiNotFound: await errorCode(() => ec2.describeImages({ ImageIds: [SCENARIO.missingAmi] })),
      amiMalformed: await errorCode(() => ec2.runInstances({ ImageId: 'ami-nope', MinCount: 1, MaxCount: 1 })),
      dryRun: await errorCode(() => ec2.runInstances({ ImageId: ami.ImageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, DryRun: true })),
      duplicateImageName,
      startTerminated: await errorCode(() => ec2.startInstances({ InstanceIds: [ids[1]] })),
      unknownFilter: await errorCode(() => ec2.describeImages({ Filters: [{ Name: 'colour', Values: ['blue'] }] })),
    },
  };
}
