/**
 * What happens inside an instance when it boots: enabled services start and the others are not running,
 * the serial console gets its lines (what GetConsoleOutput shows), and at the very first boot only,
 * cloud-init runs the instance's user data (cloud-init.ts). Starting a stopped instance, RebootInstances
 * and CreateImage without NoReboot boot it again, without user data.
 */
import type { Ctx } from '../context.ts';
import type { InstanceRecord } from '../state.ts';
import { boot } from './contents.ts';
import { readDisk, rootVolume, writeDisk } from './volume-disk.ts';
import { runUserDataAtFirstBoot } from './cloud-init.ts';
import { appendConsole, cloudInitTime } from './console.ts';

export type BootKind = 'first' | 'start' | 'reboot' | 'create-image';

/** Runs after an instance reached `running` (or rebooted) at simulated time `at`. */
export function afterBoot(ctx: Ctx, instance: InstanceRecord, at: number, kind: BootKind): void {
  const volume = rootVolume(ctx.region, instance);
  // A disk still on its base picture needs no work: the base picture's services are as a boot leaves them.
  if (volume?.contents) boot(writeDisk(volume));
  const disk = readDisk(volume);
  const distro = disk.distro;
  const cloudInit = `Cloud-init v. ${(disk.packages['cloud-init']?.version ?? '22.2.2').split('-')[0]}`;
  if (kind === 'reboot' || kind === 'create-image') {
    appendConsole(instance, kind === 'create-image' ? 'reboot: Restarting system (requested by CreateImage)\n' : 'reboot: Restarting system\n');
  }
  if (distro === 'windows') {
    appendConsole(instance, `${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')} Info: Windows is Ready to use\n`);
    instance.firstBootAt ??= at;
    return;
  }
  appendConsole(instance, `[    0.000000] Linux version 6.1 (${instance.architecture}) booting on ${instance.instanceType}\n`);
  appendConsole(instance, `${cloudInit} running 'init' at ${cloudInitTime(at)}. Up 4.21 seconds.\n`);
  if (kind === 'first') {
    instance.firstBootAt = at;
    if (volume) runUserDataAtFirstBoot(ctx, instance, volume, at);
  }
  appendConsole(instance, `${cloudInit} finished at ${cloudInitTime(at)}. Datasource DataSourceEc2.  Up 9.87 seconds\n`);
}
