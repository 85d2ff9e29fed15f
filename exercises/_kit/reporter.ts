// A vitest reporter that appends one JSON line per finished test file to EC2LAB_RESULTS_FILE. It runs in
// vitest's main process, which the learner's child process cannot reach, and writes as each file ends,
// so a batch cut short by its time limit still keeps the results of the files that finished.
import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export type ReportedTest = {
  name: string; // full name: describe blocks and title joined with ' > '
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  errors: string[];
  line?: number;
  column?: number;
  durationMs?: number;
};

export type ReportedModule = {
  file: string;
  tests: ReportedTest[];
  errors: string[]; // errors outside any test: the file failed to load, a hook failed
  meta: unknown;
};

const cap = (text: string, max = 4000) => (text.length > max ? `${text.slice(0, max)}…` : text);

export default class Ec2LabReporter implements Reporter {
  onTestModuleEnd(testModule: TestModule): void {
    // Read each time: a long-lived vitest (the grader's daemon) points every run at its own file.
    const file = process.env.EC2LAB_RESULTS_FILE;
    if (!file) return;
    const tests: ReportedTest[] = [];
    for (const test of testModule.children.allTests()) {
      const result = test.result();
      const diagnostic = test.diagnostic();
      tests.push({
        name: test.fullName,
        state: result.state,
        errors: (result.errors ?? []).map((e) => cap(String(e.message ?? e))),
        line: test.location?.line,
        column: test.location?.column,
        durationMs: diagnostic?.duration,
      });
    }
    const record: ReportedModule = {
      file: testModule.moduleId,
      tests,
      errors: testModule.errors().map((e) => cap(String(e.message ?? e))),
      meta: testModule.meta(),
    };
    appendFileSync(file, `${JSON.stringify(record)}\n`);
  }
}
