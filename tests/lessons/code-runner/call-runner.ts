// Runs the lesson code blocks that export a function (`call="name"` in the fence meta): each gets a fresh
// mini-EC2 model and a us-east-1 client, as the sandbox gives learner code. Prints one JSON line per job.
// Started by tests/lessons/code-examples.test.ts with tsx and a tsconfig that maps `mini-ec2` to the model.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MiniEc2 } from '../../../src/mini-ec2/index.ts';

interface Job {
  file: string;
  call: string;
}

const TIME_LIMIT_MS = 20_000;

function errorCode(error: unknown): string {
  const e = error as { Code?: unknown; name?: unknown };
  const code = e?.Code ?? e?.name;
  return typeof code === 'string' ? code : 'Error';
}

async function runJob(job: Job): Promise<Record<string, unknown>> {
  const module = (await import(pathToFileURL(job.file).href)) as Record<string, unknown>;
  const fn = module[job.call];
  if (typeof fn !== 'function') return { file: job.file, status: 'error', message: `the block exports no function '${job.call}'` };
  const ec2 = new MiniEc2({ seed: 1 }).client('us-east-1');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
  });
  try {
    const result = await Promise.race([(fn as (client: unknown) => Promise<unknown>)(ec2), timeout]);
    return { file: job.file, status: 'returned', result: JSON.stringify(result) ?? 'undefined' };
  } catch (error) {
    return { file: job.file, status: 'threw', code: errorCode(error), message: (error as Error)?.message };
  } finally {
    clearTimeout(timer);
  }
}

const jobs = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job[];
for (const job of jobs) {
  let outcome: Record<string, unknown>;
  try {
    outcome = await runJob(job);
  } catch (error) {
    outcome = { file: job.file, status: 'error', message: `could not load: ${(error as Error)?.message}` };
  }
  console.log(`@@result ${JSON.stringify(outcome)}`);
}
