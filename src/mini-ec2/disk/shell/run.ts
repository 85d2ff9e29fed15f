/**
 * The shell subset's interpreter, shared by user data (cloud-init.ts) and Run Command (ssm/): runs a
 * script over an instance's disk picture and answers its exit code, standard output and standard error.
 * Like bash without `set -e`, a failing command does not stop the script; the exit code is the last
 * command's. A command outside the subset fails as bash does: exit 127, "<script>: line N: X: command
 * not found". Which tools exist depends on the distribution (no apt-get on Amazon Linux, no dnf on Ubuntu).
 */
import { PACKAGE_MANAGER } from '../contents.ts';
import { parseScript, type SimpleCommand } from './parse.ts';
import { aptGet, dnf, dpkgStatus, rpmQuery } from './package-managers.ts';
import { cat, echo, mkdir, systemctl, test, writeFile } from './system-commands.ts';
import type { CommandResult, ShellEnv } from './types.ts';

export type { ShellEnv, CommandResult } from './types.ts';

/** Whether the distribution has the command at all (a missing one is "command not found"). */
function hasCommand(env: ShellEnv, name: string): boolean {
  const manager = PACKAGE_MANAGER[env.read().distro];
  switch (name) {
    case 'dnf': return manager === 'dnf';
    case 'yum': return manager === 'dnf' || manager === 'yum'; // on dnf systems yum is dnf under another name
    case 'apt-get': case 'apt': case 'dpkg': return manager === 'apt';
    case 'rpm': return manager === 'dnf' || manager === 'yum' || manager === 'zypper';
    default: return manager !== 'none';
  }
}

function runOne(env: ShellEnv, cmd: SimpleCommand, state: { errexit: boolean }): CommandResult & { exit?: boolean } {
  let words = cmd.words;
  while (words[0] === 'sudo') words = words.slice(1); // user data and Run Command already run as root
  const [name, ...args] = words;
  const fail = (code: number, text: string) => ({ code, stdout: '', stderr: `${env.scriptPath}: line ${cmd.line}: ${text}\n` });
  if (cmd.unsupported) return fail(2, cmd.unsupported);
  if (name === undefined) return { code: 0, stdout: '', stderr: '' };
  if (!hasCommand(env, name)) return fail(127, `${name}: command not found`);
  switch (name) {
    case 'set':
      if (args.some((a) => /^-[a-z]*e/.test(a))) state.errexit = true;
      return { code: 0, stdout: '', stderr: '' };
    case 'exit':
      return { code: Number(args[0] ?? 0) & 255, stdout: '', stderr: '', exit: true };
    case 'true': return { code: 0, stdout: '', stderr: '' };
    case 'false': return { code: 1, stdout: '', stderr: '' };
    case 'echo': return echo(args);
    case 'cat': return cat(env, args, cmd.stdin);
    case 'mkdir': return mkdir(env, args);
    case 'test': return test(env, args);
    case '[': return args[args.length - 1] === ']' ? test(env, args.slice(0, -1)) : fail(2, "[: missing `]'");
    case 'systemctl': return systemctl(env, args);
    case 'dnf': case 'yum': return dnf(env, args);
    case 'apt-get': case 'apt': return aptGet(env, args, name);
    case 'rpm': return rpmQuery(env, args);
    case 'dpkg': return dpkgStatus(env, args);
    default: return fail(127, `${name}: command not found`);
  }
}

/** Runs `script` and returns what it printed and its exit code. */
export function runShell(env: ShellEnv, script: string): CommandResult {
  const state = { errexit: false };
  let stdout = '';
  let stderr = '';
  let last = 0;
  for (const cmd of parseScript(script)) {
    if ((cmd.joiner === '&&' && last !== 0) || (cmd.joiner === '||' && last === 0)) continue;
    const result = runOne(env, cmd, state);
    let out = result.stdout;
    let code = result.code;
    stderr += result.stderr;
    for (const r of cmd.redirects) {
      const problem = writeFile(env, r.path, out, r.op === '>>');
      if (problem) {
        stderr += `${env.scriptPath}: line ${cmd.line}: ${problem}\n`;
        code = 1;
      }
      out = '';
    }
    stdout += out;
    last = code;
    if (result.exit || (state.errexit && code !== 0 && cmd.joiner !== '||')) break;
  }
  return { code: last, stdout, stderr };
}
