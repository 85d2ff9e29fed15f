// Batch results as the formats teachers and CI systems read: a text table, JSON, a gradebook CSV and JUnit XML.
// Pure functions of the results.
import type { StudentResult } from './grade.ts';
import type { ShardInfo } from './shards.ts';

export const FORMATS = ['text', 'json', 'csv', 'junit'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export interface BatchReport {
  exercise: string;
  results: StudentResult[];
  durationMs: number;
  shard?: ShardInfo; // a shard's report (--shard i/n): what `ec2-lab merge` needs to rebuild the whole run
}

export function formatReport(format: ReportFormat, report: BatchReport): string {
  switch (format) {
    case 'text':
      return textReport(report);
    case 'json':
      return jsonReport(report);
    case 'csv':
      return csvReport(report);
    case 'junit':
      return junitReport(report);
  }
}

const oneLine = (text: string | undefined, max: number) => {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function firstProblem(entry: StudentResult): string {
  const { result } = entry;
  if (result.message) return result.message;
  const failed = result.tests.find((t) => t.status !== 'pass');
  return failed ? `${failed.name}: ${failed.message ?? failed.status}` : '';
}

function textReport(report: BatchReport): string {
  const rows = report.results.map((r) => [r.student, r.result.exercise, `${r.result.points}/${r.result.maxPoints}`, r.result.status, oneLine(firstProblem(r), 90)]);
  const header = ['student', 'exercise', 'score', 'status', 'first problem'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((row) => row[i].length))));
  const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd();
  const passed = report.results.filter((r) => r.result.status === 'pass').length;
  const mean = report.results.length ? report.results.reduce((s, r) => s + r.result.points / (r.result.maxPoints || 1), 0) / report.results.length : 0;
  return [
    `exercise(s): ${report.exercise}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${report.results.length} submission(s), ${passed} passed every test, mean score ${Math.round(mean * 100)}%, graded in ${(report.durationMs / 1000).toFixed(1)} s`,
    '',
  ].join('\n');
}

function jsonReport(report: BatchReport): string {
  const results = report.results.map(({ student, result }) => {
    const { model: _model, ...rest } = result;
    return { student, ...rest };
  });
  const shard = report.shard ? { shard: report.shard } : {};
  return `${JSON.stringify({ exercise: report.exercise, durationMs: report.durationMs, ...shard, results }, null, 2)}\n`;
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (=, +, -, @ prefixes). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvReport(report: BatchReport): string {
  // failed_tests: the stable ids of the tests not passed (the same in every --lang), space-separated.
  const lines = [['student', 'exercise', 'score', 'max', 'status', 'failed_tests'].join(',')];
  for (const { student, result } of report.results) {
    const failed = result.tests.filter((t) => t.status !== 'pass').map((t) => t.id).join(' ');
    lines.push([student, result.exercise, result.points, result.maxPoints, result.status, failed].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const xml = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these control characters: removing them is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const countStatus = (result: StudentResult['result'], status: 'fail' | 'error') => result.tests.filter((t) => t.status === status).length;

function junitReport(report: BatchReport): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const suites = report.results.map(({ student, result }) => {
    const cases = result.tests.map((t) => {
      // The name is the title in the graded language; the stable id rides along as a property (as pytest's record_property does).
      const open = `    <testcase classname="${xml(`${result.exercise}.${student}`)}" name="${xml(t.name)}">\n      <properties><property name="id" value="${xml(t.id)}"/></properties>`;
      const tag = t.status === 'fail' ? 'failure' : 'error';
      const body = t.status === 'pass' ? '' : `\n      <${tag} message="${xml(oneLine(t.message, 200))}">${xml(t.message ?? '')}</${tag}>`;
      const output = t.output ? `\n      <system-out>${xml(t.output)}</system-out>` : '';
      return `${open}${body}${output}\n    </testcase>`;
    });
    const props = `    <properties>\n      <property name="points" value="${result.points}"/>\n      <property name="maxPoints" value="${result.maxPoints}"/>\n    </properties>`;
    return `  <testsuite name="${xml(`${student} / ${result.exercise}`)}" tests="${result.tests.length}" failures="${countStatus(result, 'fail')}" errors="${countStatus(result, 'error')}" time="${seconds(result.durationMs)}">\n${props}\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = report.results.reduce((s, r) => s + r.result.tests.length, 0);
  const failures = report.results.reduce((s, r) => s + countStatus(r.result, 'fail'), 0);
  const errors = report.results.reduce((s, r) => s + countStatus(r.result, 'error'), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ec2-lab ${xml(report.exercise)}" tests="${total}" failures="${failures}" errors="${errors}" time="${seconds(report.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
