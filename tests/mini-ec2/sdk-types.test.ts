// The model's types checked at compile time against the SDK's own (src/mini-ec2/BEHAVIOUR.md, "The API's shape"), and the editor's generated declaration.
// One TypeScript program compiles: the SDK shape checks (must pass), a deliberately drifted fixture (must
// fail) and learner code against the generated .d.ts (must pass).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { _InstanceType } from '@aws-sdk/client-ec2';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { INSTANCE_TYPES } from '../../src/mini-ec2/index.ts';
import { buildModelDts, OUTPUT } from '../../scripts/build-model-dts.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const files = {
  check: here('./types/sdk-types.check.ts'),
  ssmCheck: here('./types/ssm-types.check.ts'),
  // Kept as .txt so the project's own typecheck (which includes tests/) never sees the broken fixture.
  drift: here('./types/sdk-types.drift.ts'),
  driftSource: here('./types/sdk-types.drift.ts.txt'),
  dtsUsage: here('./types/dts-usage.check.ts'),
};

function compile(): Map<string, string[]> {
  const config = ts.readConfigFile(here('./types/tsconfig.check.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, here('./types/'));
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError) =>
    name === files.drift ? ts.createSourceFile(name, readFileSync(files.driftSource, 'utf8'), lang) : getSourceFile(name, lang, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === files.drift || fileExists(name);
  const program = ts.createProgram([files.check, files.ssmCheck, files.drift, files.dtsUsage, OUTPUT], parsed.options, host);
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const name = d.file?.fileName ?? '(global)';
    const list = byFile.get(name) ?? [];
    list.push(ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 400));
    byFile.set(name, list);
  }
  return byFile;
}

describe('SDK type compatibility', () => {
  const diagnostics = compile();

  test('the model shapes, Ec2Api and the waiters compile against @aws-sdk/client-ec2 types', () => {
    expect(diagnostics.get(files.check) ?? []).toEqual([]);
    expect(diagnostics.get('(global)') ?? []).toEqual([]);
  });

  test('the Systems Manager shapes and SsmApi compile against @aws-sdk/client-ssm types', () => {
    expect(diagnostics.get(files.ssmCheck) ?? []).toEqual([]);
  });

  test('a deliberate drift (LaunchTime as a string) fails to compile', () => {
    const errors = diagnostics.get(files.drift) ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(/does not satisfy the constraint 'true'/);
  });

  test('every instance type name the model knows is one the SDK knows', () => {
    const sdkNames = new Set(Object.values(_InstanceType) as string[]);
    for (const t of INSTANCE_TYPES) expect(sdkNames.has(t.name), t.name).toBe(true);
  });

  test('the generated .d.ts is up to date, declares module mini-ec2 and compiles with learner code', () => {
    const committed = readFileSync(OUTPUT, 'utf8');
    expect(committed, 'run `npx tsx scripts/build-model-dts.ts`').toBe(buildModelDts());
    expect(committed).toMatch(/^declare module 'mini-ec2' \{/m);
    expect(committed).toContain('runInstances(args: T.RunInstancesRequest): Promise<T.RunInstancesResult>;');
    expect(committed).toContain('waitUntilInstanceRunning');
    expect(committed).not.toMatch(/from '\.\//);
    expect(diagnostics.get(OUTPUT) ?? []).toEqual([]);
    expect(diagnostics.get(files.dtsUsage) ?? []).toEqual([]);
  });

  test("the editor's .d.ts keeps the model's internals out: no settle() or invoke() on MiniEc2 or its client", () => {
    const committed = readFileSync(OUTPUT, 'utf8');
    const declarationOf = (name: string) => committed.slice(committed.indexOf(`export declare class ${name} {`)).split('\n  }\n')[0];
    for (const name of ['MiniEc2', 'MiniEc2Client']) {
      const declaration = declarationOf(name);
      expect(declaration, name).toContain(`export declare class ${name} {`);
      expect(declaration, name).not.toMatch(/\b(settle|invoke)\s*[(<]/);
    }
    expect(committed).not.toMatch(/^\s*(settle|invoke)\s*[(<]/m);
    expect(committed).not.toContain('ClientBackend');
  });
});
