// `ec2-lab mini-ec2`: serve a mini-EC2 model over EC2's Query protocol so the AWS CLI, boto3 and the
// SDKs can use it with an endpoint override. Argument parsing and wiring only: the server lives in
// src/mini-ec2/server/, the protocol in src/mini-ec2/protocol/.
//
// The clock runs in real time (x --speed) so a CLI user sees pending -> running and pending -> available
// happen by themselves, as on AWS, and `aws ec2 wait instance-running` works unchanged.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { MiniEc2 } from '../mini-ec2/index.ts';
import { startMiniEc2Server } from '../mini-ec2/server/http-server.ts';
import { createStateSaver, readStateFile, writeStateFileAtomic } from '../mini-ec2/server/state-file.ts';

const HELP = `usage: ec2-lab mini-ec2 [--port 4566] [--host 127.0.0.1] [--seed N] [--speed F] [--state FILE] [--vcpu-limit N]

Serves mini-EC2 over EC2's Query protocol (API version 2016-11-15).

  --port N      port to listen on (default 4566; 0 picks a free one)
  --host H      address to listen on (default 127.0.0.1)
  --seed N      seed of the model's IDs (default 1)
  --speed F     the model's clock runs at F times real time (default 1: an instance is running about
                5 s after launch, a new image available after about 30 s; 10 makes that 0.5 s and 3 s)
  --state FILE  load the model from FILE at start (if it exists) and save it there after every change
                and when stopped (Ctrl+C, SIGTERM); saves are atomic
  --vcpu-limit N      vCPUs of running instances allowed per instance-family bucket and region (default: the model's, 32)
  --help        this text

Signatures are not verified: any access key works.`;

type Options = { port: number; host: string; seed: number; speed: number; state?: string; vcpuLimit?: number };

function parseOptions(args: string[]): Options | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '4566' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: '1' },
        speed: { type: 'string', default: '1' },
        state: { type: 'string' },
        'vcpu-limit': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return (error as Error).message;
  }
  if (values.help) return 'help';
  const port = Number(values.port);
  const seed = Number(values.seed);
  const speed = Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be an integer from 0 to 65535, not '${values.port}'`;
  if (!Number.isInteger(seed)) return `--seed must be an integer, not '${values.seed}'`;
  if (!Number.isFinite(speed) || speed <= 0) return `--speed must be a number greater than 0, not '${values.speed}'`;
  const limit = values['vcpu-limit'];
  const vcpuLimit = limit === undefined ? undefined : Number(limit);
  if (vcpuLimit !== undefined && (!Number.isInteger(vcpuLimit) || vcpuLimit < 0)) {
    return `--vcpu-limit must be a whole number, not '${limit}'`;
  }
  return { port, host: values.host, seed, speed, state: values.state ? resolve(values.state) : undefined, vcpuLimit };
}

function howToConnect(url: string): string {
  return [
    `mini-EC2 is listening on ${url}`,
    '',
    'AWS CLI (any credentials work; signatures are not verified):',
    '  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1',
    `  aws ec2 describe-images --owners amazon --endpoint-url ${url} --region us-east-1`,
    'boto3:',
    `  boto3.client('ec2', endpoint_url='${url}', region_name='us-east-1', aws_access_key_id='test', aws_secret_access_key='test')`,
    'JavaScript SDK v3:',
    `  new EC2({ endpoint: '${url}', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } })`,
    '',
    'The region is taken from each request (--region / region_name). Ctrl+C to stop.',
  ].join('\n');
}

export async function run(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`ec2-lab mini-ec2: ${options}\n\n${HELP}`);
    return 2;
  }

  const clock = { mode: 'realtime' as const, speed: options.speed };
  let model: MiniEc2;
  try {
    const saved = options.state ? readStateFile(options.state) : undefined;
    const limit = options.vcpuLimit === undefined ? {} : { vcpuLimit: options.vcpuLimit };
    model = saved === undefined ? new MiniEc2({ seed: options.seed, clock, ...limit }) : MiniEc2.fromState(saved, { clock });
  } catch (error) {
    console.error(`ec2-lab mini-ec2: cannot load ${options.state}: ${(error as Error).message}`);
    return 1;
  }

  const stateFile = options.state;
  const saveState = (): boolean => {
    if (!stateFile) return true;
    try {
      writeStateFileAtomic(stateFile, model.exportStateJson());
      return true;
    } catch (error) {
      console.error(`ec2-lab mini-ec2: could not save ${stateFile}: ${(error as Error).message}`);
      return false;
    }
  };
  // Save once at start: a state file that cannot be written is reported now, not after the first change.
  if (!saveState()) return 1;
  const saver = createStateSaver(saveState);
  if (stateFile) model.subscribe(() => saver.changed());

  // Signal handlers first: a SIGTERM that arrives as soon as the endpoint is printed must still save.
  let server: Awaited<ReturnType<typeof startMiniEc2Server>> | undefined;
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Always write the final state, pending change or not: the realtime clock may have moved
    // resources on (pending -> running) since the last save.
    saver.cancel();
    saveState();
    console.log(`\nmini-EC2 stopped (${signal})${stateFile ? `; state saved to ${stateFile}` : ''}`);
    if (server) void server.close().then(() => finish(0));
    else finish(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));

  try {
    server = await startMiniEc2Server(model, { port: options.port, host: options.host });
  } catch (error) {
    console.error(`ec2-lab mini-ec2: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
    return 1;
  }
  if (stopping) {
    await server.close();
    return finished;
  }
  console.log(howToConnect(server.url));
  console.log(
    `(seed ${options.seed}, clock x${options.speed}${stateFile ? `, state saved to ${stateFile}` : ', state kept in memory only'})`,
  );
  return finished;
}
