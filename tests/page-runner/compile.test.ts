// The page runner's compiler (sucrase) against the CLI grader's (esbuild): what compiles, what does not,
// and where a syntax error is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLearnerFiles } from '../../src/page-runner/compile.ts';
import { useLanguage } from '../../exercises/_kit/lang.ts';
import { repoRoot } from '../grader/run-cli.ts';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'tests/grader/fixtures/hostile', name), 'utf8');

describe('compiling the learner files in the page', () => {
  it('strips the types and turns imports of mini-ec2 and own files into require calls', () => {
    const result = compileLearnerFiles(
      { 'a.ts': "import { waitUntilInstanceRunning, type Ec2Api } from 'mini-ec2';\nimport { helper } from './b.ts';\nexport async function f(ec2: Ec2Api): Promise<number> { await waitUntilInstanceRunning({ client: ec2, maxWaitTime: 1 }, { InstanceIds: [] }); return helper(); }\n", 'b.ts': 'export const helper = (): number => 1;\n' },
      'a.ts',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.modules['a.ts']).toMatch(/require\(['"]mini-ec2['"]\)/);
    expect(result.modules['a.ts']).toMatch(/require\(['"]\.\/b\.ts['"]\)/);
    expect(result.modules['a.ts']).not.toContain('Promise<number>');
    expect(Object.keys(result.modules)).toEqual(['a.ts', 'b.ts']);
  });

  it('reports a syntax error with file, line and column, like the CLI grader (esbuild: launch.ts:4:12)', () => {
    const result = compileLearnerFiles({ 'launch.ts': fixture('syntax-error.ts.txt') }, 'launch.ts');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^launch\.ts:4:\d+: .*\n {4}const x = ;$/);
  });

  it('refuses packages other than mini-ec2, naming the package and the line', () => {
    const result = compileLearnerFiles({ 'launch.ts': "\nimport { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" }, 'launch.ts');
    expect(result).toEqual({ ok: false, message: "launch.ts:2: The package 'node:fs' is not available here: import only 'mini-ec2' and your own files." });
  });

  it('says which file is missing, in the CLI grader words', () => {
    expect(compileLearnerFiles({}, 'launch.ts')).toEqual({ ok: false, missing: true, message: 'launch.ts is missing: the submission has no file named launch.ts.' });
  });

  it('speaks the language of the run (the judge chose it before compiling)', () => {
    useLanguage('pt-br');
    try {
      expect(compileLearnerFiles({}, 'launch.ts')).toMatchObject({ message: 'launch.ts está faltando: a entrega não tem nenhum arquivo chamado launch.ts.' });
      const result = compileLearnerFiles({ 'launch.ts': "import fs from 'node:fs';\nexport const f = fs;\n" }, 'launch.ts');
      expect(result).toMatchObject({ message: "launch.ts:1: O pacote 'node:fs' não está disponível aqui: importe só 'mini-ec2' e os seus próprios arquivos." });
    } finally {
      useLanguage(undefined);
    }
  });
});
