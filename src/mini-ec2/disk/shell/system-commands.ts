/**
 * systemctl and the file commands (echo, cat, mkdir, test) of the shell subset, over the disk picture.
 * Messages and exit codes are systemd's and coreutils' (systemctl is-active: 0 active / 3 inactive;
 * is-enabled: 0 / 1; start of an unknown unit: 5).
 */
import { FILE_CONTENT_LIMIT } from '../contents.ts';
import { STANDARD_DIRECTORIES } from '../packages.ts';
import type { CommandResult, ShellEnv } from './types.ts';

const unitName = (arg: string) => arg.replace(/\.service$/, '');

export function systemctl(env: ShellEnv, args: string[]): CommandResult {
  const now = args.includes('--now');
  const [sub, ...units] = args.filter((a) => !a.startsWith('--') && a !== '-q' && a !== '--quiet');
  const quiet = args.includes('-q') || args.includes('--quiet');
  const disk = env.read();
  if (sub === 'daemon-reload') return { code: 0, stdout: '', stderr: '' };
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const unit of units.map(unitName)) {
    const service = disk.services[unit];
    switch (sub) {
      case 'is-active':
        if (!quiet) stdout += service?.active ? 'active\n' : 'inactive\n';
        if (!service?.active) code = 3;
        break;
      case 'is-enabled':
        if (!service) { stderr += `Failed to get unit file state for ${unit}.service: No such file or directory\n`; code = 1; break; }
        if (!quiet) stdout += service.enabled ? 'enabled\n' : 'disabled\n';
        if (!service.enabled) code = 1;
        break;
      case 'status':
        if (!service) { stderr += `Unit ${unit}.service could not be found.\n`; code = 4; break; }
        stdout += `● ${unit}.service\n     Loaded: loaded (${service.enabled ? 'enabled' : 'disabled'})\n     Active: ${service.active ? 'active (running)' : 'inactive (dead)'}\n`;
        if (!service.active) code = 3;
        break;
      case 'start': case 'stop': case 'restart':
        if (!service) { stderr += `Failed to ${sub} ${unit}.service: Unit ${unit}.service not found.\n`; code = 5; break; }
        env.write().services[unit].active = sub !== 'stop';
        break;
      case 'enable': case 'disable':
        if (!service) { stderr += `Failed to ${sub} unit: Unit file ${unit}.service does not exist.\n`; code = 1; break; }
        if (sub === 'enable' && !service.enabled) stderr += `Created symlink /etc/systemd/system/multi-user.target.wants/${unit}.service → /usr/lib/systemd/system/${unit}.service.\n`;
        if (sub === 'disable' && service.enabled) stderr += `Removed "/etc/systemd/system/multi-user.target.wants/${unit}.service".\n`;
        env.write().services[unit].enabled = sub === 'enable';
        if (now) env.write().services[unit].active = sub === 'enable';
        break;
      default:
        return { code: 1, stdout: '', stderr: `Unknown command verb '${sub ?? ''}'.\n` };
    }
  }
  return { code, stdout, stderr };
}

/** The directories of a path, from the root down ("/a/b/c" -> "/a", "/a/b"). */
const parents = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
};

function isDirectory(env: ShellEnv, path: string): boolean {
  const disk = env.read();
  return STANDARD_DIRECTORIES.includes(path) || disk.directories.includes(path) || Object.keys(disk.files).some((f) => f.startsWith(path + '/'));
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

/** Writes (or appends) `text` to `path`; bash's message when the directory is missing. */
export function writeFile(env: ShellEnv, path: string, text: string, append: boolean): string | undefined {
  if (!path.startsWith('/')) return `${path}: relative paths are not simulated by mini-EC2 (use an absolute path)`;
  if (!isDirectory(env, parentOf(path))) return `${path}: No such file or directory`;
  if (isDirectory(env, path)) return `${path}: Is a directory`;
  const files = env.write().files;
  const content = (append ? (files[path] ?? '') : '') + text;
  files[path] = content.length > FILE_CONTENT_LIMIT ? content.slice(0, FILE_CONTENT_LIMIT) : content;
  return undefined;
}

export function echo(args: string[]): CommandResult {
  const newline = args[0] !== '-n';
  const words = args.filter((a, i) => !(i === 0 && (a === '-n' || a === '-e')));
  return { code: 0, stdout: words.join(' ') + (newline ? '\n' : ''), stderr: '' };
}

export function cat(env: ShellEnv, args: string[], stdin: string | undefined): CommandResult {
  if (!args.length) return { code: 0, stdout: stdin ?? '', stderr: '' };
  const files = env.read().files;
  let stdout = '';
  let stderr = '';
  for (const path of args) {
    if (Object.prototype.hasOwnProperty.call(files, path)) stdout += files[path];
    else if (isDirectory(env, path)) stderr += `cat: ${path}: Is a directory\n`;
    else stderr += `cat: ${path}: No such file or directory\n`;
  }
  return { code: stderr ? 1 : 0, stdout, stderr };
}

export function mkdir(env: ShellEnv, args: string[]): CommandResult {
  const withParents = args.includes('-p');
  let stderr = '';
  for (const path of args.filter((a) => !a.startsWith('-'))) {
    const clean = path.replace(/\/+$/, '');
    if (isDirectory(env, clean)) {
      if (!withParents) stderr += `mkdir: cannot create directory ‘${path}’: File exists\n`;
      continue;
    }
    if (!withParents && !isDirectory(env, parentOf(clean))) { stderr += `mkdir: cannot create directory ‘${path}’: No such file or directory\n`; continue; }
    const dirs = env.write().directories;
    for (const d of [...parents(clean), clean]) if (!STANDARD_DIRECTORIES.includes(d) && !dirs.includes(d)) dirs.push(d);
  }
  return { code: stderr ? 1 : 0, stdout: '', stderr };
}

/** `test -f|-d|-e PATH` and `[ ... ]`: exit 0 when true, 1 when false. */
export function test(env: ShellEnv, args: string[]): CommandResult {
  const [flag, path] = args;
  const files = env.read().files;
  const isFile = path !== undefined && Object.prototype.hasOwnProperty.call(files, path);
  const truth = flag === '-f' ? isFile : flag === '-d' ? path !== undefined && isDirectory(env, path) : flag === '-e' ? isFile || (path !== undefined && isDirectory(env, path)) : undefined;
  if (truth === undefined) return { code: 2, stdout: '', stderr: `test: only -f, -d and -e are simulated by mini-EC2\n` };
  return { code: truth ? 0 : 1, stdout: '', stderr: '' };
}
