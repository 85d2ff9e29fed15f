// Every code example in every lesson, in every language, is run the way the lesson says it runs
// (content/lessons/AUTHORING.md, rule 5):
// - TypeScript blocks type-check (strict) against the model's types (`mini-ec2`) and the real SDK's
//   (`@aws-sdk/client-ec2`);
// - `call="fn"` blocks run against a fresh mini-EC2 model; the result must contain `expect`, or the call
//   must fail with the `throws` code;
// - other TypeScript blocks (SDK scripts) and ```bash blocks (AWS CLI) run against `ec2-lab mini-ec2`, a
//   real HTTP endpoint, through the standard AWS_ENDPOINT_URL_EC2 override, so the lesson text is exactly
//   what a learner would type against AWS;
// - ```yaml blocks (CloudFormation) are validated and deployed in moto.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, lessonFiles, repoRoot, type CodeBlock, type LessonFile } from './lesson-files.ts';

interface Example {
  lesson: LessonFile;
  block: CodeBlock;
  where: string;
  /** file the block is written to (TypeScript / YAML), shared by identical blocks */
  file: string;
}

// Outside the repository (tsx ignores tsconfig `paths` for files under node_modules), with a link to the
// repository's node_modules so `@aws-sdk/client-ec2` resolves.
const workDir = mkdtempSync(join(tmpdir(), 'ec2lab-lesson-code-'));
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const tsc = join(repoRoot, 'node_modules/.bin/tsc');
const extension: Record<string, string> = { ts: 'ts', typescript: 'ts', yaml: 'yaml', yml: 'yaml', bash: 'sh', sh: 'sh' };

const examples: Example[] = lessonFiles().flatMap((lesson) =>
  codeBlocks(lesson.source)
    .filter((block) => block.lang in extension)
    .map((block) => {
      const hash = createHash('sha256').update(block.code).digest('hex').slice(0, 12);
      return { lesson, block, where: `${lesson.path}:${block.line}`, file: join(workDir, 'blocks', `b${hash}.${extension[block.lang]}`) };
    }),
);
const tsExamples = examples.filter((e) => extension[e.block.lang] === 'ts');
const callExamples = tsExamples.filter((e) => typeof e.block.meta.call === 'string' && !e.block.meta.norun);
const sdkScripts = tsExamples.filter((e) => e.block.meta.call === undefined && !e.block.meta.norun);
const cliExamples = examples.filter((e) => extension[e.block.lang] === 'sh' && !e.block.meta.norun);
const templates = examples.filter((e) => extension[e.block.lang] === 'yaml');

// ---- helpers ------------------------------------------------------------------------------------------

function checkOutcome(example: Example, outcome: { failed: boolean; code?: string; text: string }): void {
  const { throws, expect: expected } = example.block.meta;
  if (typeof throws === 'string') {
    expect(outcome.failed, `${example.where} should fail with ${throws}, but it succeeded:\n${outcome.text}`).toBe(true);
    expect(outcome.code ?? outcome.text, `${example.where} failed with the wrong error:\n${outcome.text}`).toContain(throws);
    return;
  }
  expect(outcome.failed, `${example.where} failed:\n${outcome.text}`).toBe(false);
  if (typeof expected === 'string') expect(outcome.text, `${example.where}: the result should contain ${expected}`).toContain(expected);
}

interface MiniEc2Server {
  url: string;
  stop(): Promise<void>;
}

/** `ec2-lab mini-ec2` (the package bin, started with node so its PID is the listener's). */
async function startMiniEc2(): Promise<MiniEc2Server> {
  if (!existsSync(join(repoRoot, 'src/cli/mini-ec2-command.ts'))) {
    throw new Error('`npx ec2-lab mini-ec2` is not available (src/cli/mini-ec2-command.ts is missing): the lessons\' CLI and SDK examples need it');
  }
  const child = spawn(process.execPath, [join(repoRoot, 'src/cli/ec2-lab.mjs'), 'mini-ec2', '--port', '0', '--speed', '50'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ec2-lab mini-ec2 did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ec2-lab mini-ec2 exited with code ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function awsEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ENDPOINT_URL_EC2: url,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(workDir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, 'no-aws-credentials'),
    AWS_PAGER: '',
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeout = 60_000) {
  const result = spawnSync(command, args, { cwd: workDir, env, encoding: 'utf8', timeout });
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { failed: result.status !== 0, text, status: result.status };
}

// ---- setup: write the blocks, type-check them all at once, run the model calls in one process ----------

const typeErrors = new Map<string, string[]>();
const callOutcomes = new Map<string, { failed: boolean; code?: string; text: string }>();
let setupProblem = '';

beforeAll(() => {
  mkdirSync(join(workDir, 'blocks'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  writeFileSync(join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(workDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, skipLibCheck: true,
        allowImportingTsExtensions: true, lib: ['ES2022', 'DOM'], types: ['node'], typeRoots: [join(repoRoot, 'node_modules/@types')],
        paths: { 'mini-ec2': [join(repoRoot, 'src/mini-ec2/index.ts')] },
      },
      include: ['blocks/*.ts'],
    }),
  );
  for (const e of examples) writeFileSync(e.file, e.block.code + '\n');

  const check = run(tsc, ['-p', join(workDir, 'tsconfig.json'), '--pretty', 'false'], process.env, 170_000);
  for (const line of check.text.split('\n')) {
    const m = /blocks\/(b[0-9a-f]+\.ts)\((\d+),(\d+)\): (error .*)/.exec(line);
    if (m) typeErrors.set(m[1], [...(typeErrors.get(m[1]) ?? []), `line ${m[2]}: ${m[4]}`]);
  }
  if (check.failed && typeErrors.size === 0) setupProblem = `tsc failed outside the lesson blocks:\n${check.text.slice(0, 3000)}`;

  const jobs = callExamples.map((e) => ({ file: e.file, call: e.block.meta.call as string }));
  writeFileSync(join(workDir, 'jobs.json'), JSON.stringify(jobs));
  const calls = run(tsx, ['--tsconfig', join(workDir, 'tsconfig.json'), join(repoRoot, 'tests/lessons/code-runner/call-runner.ts'), join(workDir, 'jobs.json')], process.env, 170_000);
  const lines = calls.text.split('\n').filter((l) => l.startsWith('@@result '));
  lines.forEach((line) => {
    const r = JSON.parse(line.slice('@@result '.length)) as { file: string; status: string; result?: string; code?: string; message?: string };
    callOutcomes.set(r.file, {
      failed: r.status !== 'returned',
      code: r.code,
      text: r.status === 'returned' ? (r.result ?? '') : `${r.status}: ${r.code ?? ''} ${r.message ?? ''}`,
    });
  });
  if (lines.length < jobs.length) setupProblem ||= `the call runner stopped early:\n${calls.text.slice(-3000)}`;
}, 360_000);

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

// ---- the tests ----------------------------------------------------------------------------------------

describe('lesson code examples', () => {
  it('finds examples of every kind in every language', () => {
    for (const locale of ['en', 'pt-br', 'es']) {
      const mine = examples.filter((e) => e.lesson.locale === locale);
      expect(mine.filter((e) => e.block.meta.call).length, `${locale}: model examples`).toBeGreaterThan(0);
      expect(mine.filter((e) => e.block.lang === 'bash').length, `${locale}: CLI examples`).toBeGreaterThan(0);
      expect(mine.filter((e) => e.block.lang === 'yaml').length, `${locale}: templates`).toBeGreaterThan(0);
      expect(mine.filter((e) => e.block.lang === 'ts' && !e.block.meta.call).length, `${locale}: SDK scripts`).toBeGreaterThan(0);
    }
  });

  it('set up without problems', () => {
    expect(setupProblem).toBe('');
  });

  for (const e of tsExamples) {
    it(`${e.where} type-checks`, () => {
      const name = e.file.split('/').pop()!;
      expect(typeErrors.get(name) ?? [], `${e.where} does not type-check`).toEqual([]);
    });
  }

  for (const e of callExamples) {
    it(`${e.where} runs against mini-EC2 (${e.block.meta.call})`, () => {
      const outcome = callOutcomes.get(e.file);
      expect(outcome, `${e.where} was not run`).toBeDefined();
      checkOutcome(e, outcome!);
    });
  }

  it('catches a wrong expectation (the checker can fail)', () => {
    const fake = { ...tsExamples[0], block: { ...tsExamples[0].block, meta: { throws: 'InvalidAMIID.NotFound' } } };
    expect(() => checkOutcome(fake, { failed: false, text: '{}' })).toThrow();
    expect(() => checkOutcome({ ...fake, block: { ...fake.block, meta: { expect: 'running' } } }, { failed: false, text: '"pending"' })).toThrow();
  });
});

// CLI and SDK examples: one fresh `ec2-lab mini-ec2` per lesson file, blocks run in lesson order, since a
// later block may use what an earlier one made (lesson 5 names an image, then tries the name again).
// Translations differ only in comments, so a sequence identical to one already run shares its outcomes.
const byLesson = new Map<string, Example[]>();
for (const e of [...sdkScripts, ...cliExamples].sort((a, b) => a.block.line - b.block.line)) {
  byLesson.set(e.lesson.path, [...(byLesson.get(e.lesson.path) ?? []), e]);
}

type Outcome = { failed: boolean; code?: string; text: string };
const kindOf = (e: Example) => (extension[e.block.lang] === 'sh' ? 'AWS CLI' : 'SDK script');
const withoutComments = (code: string) =>
  code.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('//')).join('\n');
const sequenceKey = (list: Example[]) => JSON.stringify(list.map((e) => [e.lesson.slug, e.block.lang, e.block.meta, withoutComments(e.block.code)]));
const sequenceRuns = new Map<string, Promise<Outcome[]>>();

async function runSequence(list: Example[]): Promise<Outcome[]> {
  if (list.some((e) => kindOf(e) === 'AWS CLI') && spawnSync('aws', ['--version']).status !== 0) {
    throw new Error('the AWS CLI (`aws`) is needed to run the lessons\' CLI examples: pip install awscli, or apt-get install awscli');
  }
  const server = await startMiniEc2();
  try {
    const env = awsEnv(server.url);
    return list.map((e) =>
      kindOf(e) === 'AWS CLI'
        ? run('bash', ['-euo', 'pipefail', e.file], env)
        : run(tsx, ['--tsconfig', join(workDir, 'tsconfig.json'), e.file], env),
    );
  } finally {
    await server.stop();
  }
}

for (const [path, lessonExamples] of byLesson) {
  describe(`${path}: CLI and SDK examples against ec2-lab mini-ec2`, () => {
    let outcomes: Outcome[] = [];
    let startProblem = '';
    beforeAll(async () => {
      const key = sequenceKey(lessonExamples);
      if (!sequenceRuns.has(key)) sequenceRuns.set(key, runSequence(lessonExamples));
      try {
        outcomes = await sequenceRuns.get(key)!;
      } catch (error) {
        startProblem = (error as Error).message;
      }
    }, 240_000);

    lessonExamples.forEach((e, i) => {
      it(`${e.where} (${kindOf(e)}) ${typeof e.block.meta.throws === 'string' ? `fails with ${e.block.meta.throws}` : 'succeeds'}`, () => {
        expect(startProblem, startProblem).toBe('');
        checkOutcome(e, outcomes[i]);
      });
    });
  });
}

describe('CloudFormation templates', () => {
  const results = new Map<string, { error?: string; status?: string; instances?: Array<{ type: string; tags: Record<string, string> }> }>();
  let problem = '';
  beforeAll(() => {
    const files = [...new Set(templates.map((e) => e.file))];
    if (files.length === 0) return;
    const check = run('python3', [join(repoRoot, 'tests/lessons/code-runner/cloudformation-check.py'), ...files], process.env, 300_000);
    if (check.failed) problem = `python3 with boto3 and moto is needed to check the templates:\n${check.text.slice(-2000)}`;
    for (const line of check.text.split('\n').filter((l) => l.startsWith('{'))) {
      const r = JSON.parse(line) as { file: string; error?: string; status?: string; instances?: Array<{ type: string; tags: Record<string, string> }> };
      results.set(r.file, r);
    }
  }, 320_000);

  it.each(templates.map((e) => [e.where, e] as const))('%s deploys in moto and creates the instance', (_where, e) => {
    expect(problem, problem).toBe('');
    const result = results.get(e.file);
    expect(result, `${e.where} was not checked`).toBeDefined();
    expect(result!.error, `${e.where}: ${result!.error}`).toBeUndefined();
    expect(result!.status).toBe('CREATE_COMPLETE');
    expect(result!.instances?.length).toBe(1);
    expect(result!.instances?.[0].type).toBe('t3.micro');
  });
});
