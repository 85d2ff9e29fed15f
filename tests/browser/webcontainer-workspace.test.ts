// Issue 17: the WebContainer workspace a visitor downloads (dist/exercise-data/webcontainer/<id>.json, the
// built file, not buildWorkspace() called from a test) is complete, installs from its own lockfile, and its
// test command grades like the CLI grader: the solution passes every test, the starter fails exactly the
// tests `ec2-lab grade` fails it on. In the browser suite because its global setup builds dist/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExercises } from '../../src/grader/index.ts';
import { kitReportToGradeResult } from '../../src/sandbox/kit-report.ts';
import { runCli } from '../grader/run-cli.ts';
import { builtWorkspaceIds, installWorkspace, readBuiltExerciseData, readBuiltWorkspace, runWorkspaceTests, topLevel, writeWorkspace } from './built-workspace.ts';
import { distDir, repoRoot, skipBrowser } from './harness.ts';

const template = (name: string) => readFileSync(path.join(repoRoot, 'src', 'publish', 'webcontainer', name), 'utf8');
const failing = (tests: { name: string; status: string }[]) => tests.filter((t) => t.status !== 'pass').map((t) => t.name).sort();

describe.skipIf(skipBrowser)('the WebContainer workspace in the built site', () => {
  const ids = skipBrowser ? [] : builtWorkspaceIds(distDir);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ec2lab-built-workspace-'));
    writeWorkspace(readBuiltWorkspace(distDir, ids[0]), dir);
    installWorkspace(dir);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes a workspace for every exercise', () => {
    expect(ids).toEqual(listExercises().map((e) => e.id).sort());
  });

  it.each(ids)('%s: holds package.json and its lockfile beside the config, the kit, the model and the exercise', (id) => {
    const { tree } = readBuiltWorkspace(distDir, id);
    expect(topLevel(tree)).toEqual(['_kit', 'mini-ec2', 'package-lock.json', 'package.json', 's0', 'vitest.config.mjs']);
    expect(tree['package.json']).toEqual({ file: { contents: template('package.json') } });
    expect(tree['package-lock.json']).toEqual({ file: { contents: template('package-lock.json') } });
  });

  it.each(ids)('%s: the solution passes every test', async (id) => {
    const workspace = readBuiltWorkspace(distDir, id);
    const data = readBuiltExerciseData(distDir, id);
    writeWorkspace(workspace, dir);
    const run = await runWorkspaceTests(workspace, dir, data.solution);
    const result = kitReportToGradeResult(data, run.report, run);
    expect(result.tests.length, run.output).toBe(Object.keys(data.points).length);
    expect(failing(result.tests), run.output).toEqual([]);
    expect(result.points).toBe(result.maxPoints);
  }, 120_000);

  it('the starter fails exactly the tests the CLI grader fails it on', async () => {
    const classDir = mkdtempSync(path.join(tmpdir(), 'ec2lab-starters-'));
    try {
      const student = path.join(classDir, 'starter');
      for (const id of ids) {
        const data = readBuiltExerciseData(distDir, id);
        for (const [name, content] of Object.entries(data.starter)) {
          mkdirSync(path.join(student, id), { recursive: true });
          writeFileSync(path.join(student, id, name), content);
        }
      }
      const cli = await runCli(['grade', 'all', student, '--format', 'json']);
      expect(cli.code, cli.stderr).toBe(0);
      const graded = JSON.parse(cli.stdout) as { results: { exercise: string; tests: { name: string; status: string }[] }[] };
      for (const id of ids) {
        const workspace = readBuiltWorkspace(distDir, id);
        const data = readBuiltExerciseData(distDir, id);
        writeWorkspace(workspace, dir);
        const run = await runWorkspaceTests(workspace, dir, data.starter);
        const result = kitReportToGradeResult(data, run.report, run);
        const byCli = graded.results.find((r) => r.exercise === id);
        expect(byCli, `the CLI graded ${id}`).toBeDefined();
        expect(failing(result.tests), `${id}\n${run.output}`).toEqual(failing(byCli!.tests));
        expect(failing(result.tests).length, `${id}: the starter fails something`).toBeGreaterThan(0);
      }
    } finally {
      rmSync(classDir, { recursive: true, force: true });
    }
  }, 300_000);
});
