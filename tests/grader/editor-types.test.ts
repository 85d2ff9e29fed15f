// The learner's types, as the editor and an assignment folder give them: every exercise's starter and
// solution must compile against the generated declaration of the model alone
// (src/mini-ec2/generated/mini-ec2.d.ts, `declare module 'mini-ec2'`, made by scripts/build-model-dts.ts),
// so `ec2: Ec2Api` and, where an exercise gives one, `ssm: SsmApi` are typed there as at run time. Node's
// own types stand for the runtime the learner's code runs in (Buffer...). A drift between the two (a type
// missing from the declaration, a solution calling a method the model's types lack) fails here.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { OUTPUT } from '../../scripts/build-model-dts.ts';
import { listExercises, loadExercise } from '../../src/grader/index.ts';

/**
 * Compiles sets of learner files (folder -> name -> source) with the declaration in ONE program (each set
 * in its own folder, so their imports stay apart); returns the diagnostics of each folder as text.
 */
function diagnosticsOf(sets: Record<string, Record<string, string>>): Record<string, string[]> {
  const root = '/learner/';
  const files = new Map<string, string>(Object.entries(sets).flatMap(([folder, set]) => Object.entries(set).map(([name, text]) => [`${root}${folder}/${name}`, text] as const)));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, onError);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([OUTPUT, ...[...files.keys()].filter((n) => n.endsWith('.ts'))], options, host);
  const byFolder: Record<string, string[]> = Object.fromEntries(Object.keys(sets).map((folder) => [folder, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const folder = d.file?.fileName.startsWith(root) ? d.file.fileName.slice(root.length).split('/').slice(0, -1).join('/') : '(global)';
    (byFolder[folder] ??= []).push(`${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 300)}`);
  }
  return byFolder;
}

describe('learner code against the editor\'s generated types', () => {
  const exercises = listExercises().map((info) => loadExercise(info.id));
  const capstone = loadExercise('golden-image').solution['golden-image.ts'];
  const broken = capstone.replace('ssm.getParameter({ Name: plan.baseImageParameter })', 'ssm.getParameter({ Nme: plan.baseImageParameter })');
  const diagnostics = diagnosticsOf({
    ...Object.fromEntries(exercises.flatMap((e) => [[`${e.manifest.id}/starter`, e.starter], [`${e.manifest.id}/solution`, e.solution]])),
    'broken-capstone': { 'golden-image.ts': broken },
  });

  test('nothing outside the learner\'s files fails (the declaration itself compiles)', () => {
    expect(diagnostics['(global)'] ?? []).toEqual([]);
  });

  test.each(exercises.map((e) => e.manifest.id))('%s: starter and solution compile', (id) => {
    expect(diagnostics[`${id}/starter`], 'starter').toEqual([]);
    expect(diagnostics[`${id}/solution`], 'solution').toEqual([]);
  });

  test('the capstone\'s ssm client is typed by the declaration: a wrong SSM call fails to compile', () => {
    expect(broken).not.toBe(capstone);
    expect(diagnostics['broken-capstone'].join('\n')).toMatch(/'Nme' does not exist/);
  });
});
