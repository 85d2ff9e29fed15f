/**
 * User data at an instance's first boot, the way cloud-init runs it: once per instance (never again at a
 * restart or reboot, and an instance launched from an image runs only its own), as root, with its output
 * on the serial console (GetConsoleOutput). Two formats: a script starting with `#!` (run by the shell
 * subset as /var/lib/cloud/instance/scripts/part-001) and `#cloud-config` (write_files, then packages,
 * then runcmd, in the order of cloud-init's stages). Other formats (MIME multi-part, gzip, #include) are
 * logged as unhandled and do nothing.
 */
import type { Ctx } from '../context.ts';
import type { InstanceRecord, VolumeRecord } from '../state.ts';
import { appendConsole } from './console.ts';
import { readCloudConfig } from './cloud-config.ts';
import { PACKAGE_MANAGER } from './contents.ts';
import { runShell, type ShellEnv } from './shell/run.ts';
import { readDisk, writeDisk } from './volume-disk.ts';
import { writeFile } from './shell/system-commands.ts';

const SCRIPT_PATH = '/var/lib/cloud/instance/scripts/part-001';

/** base64 -> text (UTF-8), with the platform's atob so the model stays free of Node imports. */
function decodeUserData(base64: string): string {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** cloud-init's log stamp on the console ("2026-01-15 09:00:07,000"). */
const logTime = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('.', ',').slice(0, 23);

function shellEnvFor(instance: InstanceRecord, volume: VolumeRecord, scriptPath: string): ShellEnv {
  return { read: () => readDisk(volume), write: () => writeDisk(volume), arch: instance.architecture, scriptPath };
}

/** What each line the script printed looks like on the console. */
const consoleLines = (text: string) => text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1).map((l) => `cloud-init[1523]: ${l}\n`).join('');

export function runUserDataAtFirstBoot(ctx: Ctx, instance: InstanceRecord, volume: VolumeRecord, at: number): void {
  if (instance.userData === undefined || instance.userData === '') return;
  const text = decodeUserData(instance.userData);
  const env = shellEnvFor(instance, volume, SCRIPT_PATH);
  const warn = (what: string) => appendConsole(instance, `cloud-init[1523]: ${logTime(at)} - ${what}\n`);
  if (text.startsWith('#!')) {
    const result = runShell(env, text);
    appendConsole(instance, consoleLines(result.stdout + result.stderr));
    if (result.code !== 0) {
      warn(`util.py[WARNING]: Failed running ${SCRIPT_PATH} [${result.code}]`);
      warn('cc_scripts_user.py[WARNING]: Failed to run module scripts_user (scripts in /var/lib/cloud/instance/scripts)');
    }
  } else if (text.startsWith('#cloud-config')) {
    runCloudConfig(env, text, warn, (out) => appendConsole(instance, consoleLines(out)));
  } else {
    warn(`__init__.py[WARNING]: Unhandled non-multipart (text/x-not-multipart) userdata: '${text.slice(0, 20).replace(/\n/g, '\\n')}...'`);
  }
  ctx.emit({ type: 'user-data-ran', resourceId: instance.id, instanceId: instance.id });
}

function runCloudConfig(env: ShellEnv, text: string, warn: (what: string) => void, print: (out: string) => void): void {
  const config = readCloudConfig(text);
  for (const f of config.writeFiles) {
    if (!f.path.startsWith('/')) continue;
    // cloud-init creates the file's directories first.
    const dir = f.path.slice(0, f.path.lastIndexOf('/'));
    if (dir) runShell(env, `mkdir -p '${dir}'`);
    writeFile(env, f.path, f.content, f.append);
  }
  if (config.packages.length) {
    const manager = PACKAGE_MANAGER[env.read().distro];
    // cloud-init refreshes apt's lists before installing, so #cloud-config needs no `apt-get update`.
    const command = manager === 'apt' ? `apt-get update && apt-get install -y ${config.packages.join(' ')}` : `${manager} install -y ${config.packages.join(' ')}`;
    const result = runShell(env, command);
    print(result.stdout + result.stderr);
    if (result.code !== 0) warn(`cc_package_update_upgrade_install.py[WARNING]: Failed to install packages: [${config.packages.map((p) => `'${p}'`).join(', ')}]`);
  }
  if (config.runcmd.length) {
    const result = runShell({ ...env, scriptPath: '/var/lib/cloud/instance/scripts/runcmd' }, config.runcmd.join('\n'));
    print(result.stdout + result.stderr);
    if (result.code !== 0) {
      warn(`util.py[WARNING]: Failed running /var/lib/cloud/instance/scripts/runcmd [${result.code}]`);
      warn('cc_scripts_user.py[WARNING]: Failed to run module scripts_user (scripts in /var/lib/cloud/instance/scripts)');
    }
  }
}
