// The argument handling every `ec2-lab` command shares: parse, answer --help, and report usage errors the
// same way (`ec2-lab <command>: message`, a blank line, the usage, exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
const help = { type: 'boolean', short: 'h', default: false } as const;
type Config<O extends Options, P extends boolean> = { args: string[]; options: O & { help: typeof help }; allowPositionals: P };

export function usageError(command: string, usage: string, message: string): number {
  console.error(`ec2-lab ${command}: ${message}\n\n${usage}`);
  return 2;
}

// The parsed arguments, or the exit code when the command is already done (--help, or arguments that do not parse).
export function parseCommandArgs<const O extends Options, P extends boolean>(
  command: string,
  usage: string,
  config: { args: string[]; options: O; allowPositionals: P },
): ReturnType<typeof parseArgs<Config<O, P>>> | number {
  let parsed;
  try {
    parsed = parseArgs<Config<O, P>>({ ...config, options: { ...config.options, help } });
  } catch (error) {
    return usageError(command, usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}
