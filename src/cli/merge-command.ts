// `ec2-lab merge <report.json...>`: joins the JSON reports of `ec2-lab grade --shard i/n --format json` into
// the report one unsharded run gives, in any format. Exit codes: 0 merged, 2 usage errors (a report that is
// not a shard's, shards of different exercises or matrices, a missing or overlapping shard).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { GradeInputError } from '../grader/index.ts';
import { FORMATS, formatReport, type ReportFormat } from '../grader/reports.ts';
import { mergeShardReports } from '../grader/shards.ts';
import { parseCommandArgs, usageError as commandUsageError } from './command-args.ts';

const USAGE = `usage: ec2-lab merge <report.json...> [options]

Joins the JSON reports of a sharded run (ec2-lab grade ... --shard I/N --format json, one per shard)
into the report one unsharded run gives: the same rows, in the same order.

options:
  --format text|json|csv|junit   report format (default json)
  --out FILE                     write the report to FILE instead of the terminal
  -h, --help                     show this help`;

const usageError = (message: string) => commandUsageError('merge', USAGE, message);

export function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('merge', USAGE, {
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, out: { type: 'string' } },
  });
  if (typeof parsed === 'number') return Promise.resolve(parsed);
  const { values, positionals } = parsed;
  const format = values.format as ReportFormat;
  if (!FORMATS.includes(format)) return Promise.resolve(usageError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}`));
  if (positionals.length === 0) return Promise.resolve(usageError("missing the shards' JSON reports to merge"));
  const missing = positionals.find((file) => !existsSync(file));
  if (missing) return Promise.resolve(usageError(`no such file: ${missing}`));
  let report: string;
  try {
    report = formatReport(format, mergeShardReports(positionals.map((name) => ({ name, text: readFileSync(name, 'utf8') }))));
  } catch (error) {
    if (error instanceof GradeInputError) return Promise.resolve(usageError(error.message));
    throw error;
  }
  if (values.out) {
    writeFileSync(values.out, report);
    console.error(`ec2-lab merge: wrote ${format} report to ${values.out}`);
  } else process.stdout.write(report);
  return Promise.resolve(0);
}
