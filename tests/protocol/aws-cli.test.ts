// The AWS CLI against the real `ec2-lab mini-ec2` command (`aws ec2 ... --endpoint-url`, waiters with
// `aws ec2 wait`). The CLI starts slowly (~0.7 s a command), so the scenario's 25 command lines go to the
// CLI's own driver in one Python process (aws_cli_scenario.py), and one more runs as the real `aws`
// command. A machine without the CLI FAILS this test with a message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, requireProgram, startCommandServer, type CommandServer } from './helpers.ts';
import { checkSummary, SCENARIO, type ScenarioSummary } from './scenario.ts';

type Instance = { InstanceId: string; ImageId: string; AmiLaunchIndex: number; State: { Name: string } };
type StateChange = { InstanceId: string; CurrentState: { Name: string }; PreviousState: { Name: string } };
type Image = { ImageId: string; Name: string; CreationDate: string; Architecture: string; ImageOwnerAlias: string; State: string; SourceInstanceId?: string };
/** The fields of the CLI's JSON output (the API's response shapes) that this test reads. */
interface CliOutput {
  Images: Image[];
  ImageId: string;
  Instances: Instance[];
  ReservationId: string;
  Reservations: Array<{ Instances: Instance[] }>;
  StoppingInstances: StateChange[];
  TerminatingInstances: StateChange[];
}

let server: CommandServer;
let out: string;
beforeAll(async () => {
  // The CLI's waiters poll every 15 s and this driver is quick: at x500 an instance is running 10 ms
  // after launch and an image available 60 ms after creation, before the first poll.
  server = await startCommandServer(['--speed', '500']);
  out = mkdtempSync(join(tmpdir(), 'mini-ec2-aws-cli-'));
});
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  expect(await server.stop()).toBe(0);
});

function summaryFromFiles(dir: string): ScenarioSummary {
  const json = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as CliOutput;
  const instancesOf = (doc: { Reservations: Array<{ Instances: Instance[] }> }) => doc.Reservations.flatMap((r) => r.Instances);
  /** "An error occurred (InvalidAMIID.NotFound) when calling the DescribeImages operation: ..." */
  const code = (name: string) => /An error occurred \(([^)]+)\)/.exec(readFileSync(join(dir, `${name}.err`), 'utf8'))?.[1] ?? 'no code';

  const images = [...json('images').Images].sort((a, b) => b.CreationDate.localeCompare(a.CreationDate));
  const launch = json('launch');
  const ids: string[] = launch.Instances.map((i: Instance) => i.InstanceId);
  const running = new Map(instancesOf(json('running')).map((i) => [i.InstanceId, i.State.Name]));
  const clone = json('clone').Instances[0];
  const stopped = json('stopped').StoppingInstances[0];
  const all = [...ids, clone.InstanceId];
  const terminating = new Map(json('terminated').TerminatingInstances.map((t) => [t.InstanceId, t.CurrentState.Name]));
  const final = new Map(instancesOf(json('after-terminate')).map((i) => [i.InstanceId, i.State.Name]));
  return {
    client: 'AWS CLI',
    ami: { id: images[0].ImageId, name: images[0].Name, matched: images.length, architecture: images[0].Architecture, owner: images[0].ImageOwnerAlias },
    launch: {
      reservationId: launch.ReservationId,
      instanceIds: ids,
      states: launch.Instances.map((i: Instance) => i.State.Name),
      amiLaunchIndexes: launch.Instances.map((i: Instance) => i.AmiLaunchIndex),
    },
    runningStates: ids.map((id) => running.get(id)!),
    image: {
      id: json('created').ImageId,
      stateRightAfterCreate: json('right-after').Images[0].State,
      finalState: json('available').Images[0].State,
      sourceInstanceId: json('available').Images[0].SourceInstanceId,
    },
    clone: { instanceId: clone.InstanceId, imageId: clone.ImageId, state: clone.State.Name },
    taggedIds: instancesOf(json('tagged')).map((i) => i.InstanceId),
    stop: { previous: stopped.PreviousState.Name, current: stopped.CurrentState.Name, final: instancesOf(json('after-stop'))[0].State.Name },
    terminate: { current: all.map((id) => terminating.get(id)!), final: all.map((id) => final.get(id)!) },
    errors: {
      amiNotFound: code('amiNotFound'),
      amiMalformed: code('amiMalformed'),
      dryRun: code('dryRun'),
      duplicateImageName: code('duplicateImageName'),
      startTerminated: code('startTerminated'),
      unknownFilter: code('unknownFilter'),
    },
  };
}

it('runs the scenario through the AWS CLI with --endpoint-url and aws ec2 wait', () => {
  requireProgram('aws', ['--version'], 'The AWS CLI (aws)');
  const run = spawnSync(
    'python3',
    [`${ROOT}tests/protocol/aws_cli_scenario.py`, server.url, SCENARIO.region, SCENARIO.amiNameFilter, SCENARIO.imageName, SCENARIO.missingAmi, out],
    { encoding: 'utf8', timeout: 55_000 },
  );
  expect(run.status, `AWS CLI scenario failed:\n${run.stderr}\n${run.stdout}`).toBe(0);
  const summary = summaryFromFiles(out);
  checkSummary(summary);
  expect(readFileSync(join(out, 'dryRun.err'), 'utf8')).toContain('Request would have succeeded, but DryRun flag is set.');

  // The real `aws` command, with the environment a user would export.
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
  const command = spawnSync(
    'aws',
    ['ec2', 'describe-images', '--image-ids', summary.image.id, '--endpoint-url', server.url, '--region', SCENARIO.region, '--output', 'json'],
    { encoding: 'utf8', env, timeout: 20_000 },
  );
  expect(command.status, command.stderr).toBe(0);
  expect((JSON.parse(command.stdout) as CliOutput).Images[0]).toMatchObject({ ImageId: summary.image.id, Name: SCENARIO.imageName, State: 'available' });
  const wrongRegion = spawnSync('aws', ['ec2', 'describe-images', '--image-ids', summary.ami.id, '--endpoint-url', server.url, '--region', 'eu-west-1'], { encoding: 'utf8', env, timeout: 20_000 });
  expect(wrongRegion.status).not.toBe(0);
  expect(wrongRegion.stderr).toContain('(InvalidAMIID.NotFound)');
}, 60_000);
