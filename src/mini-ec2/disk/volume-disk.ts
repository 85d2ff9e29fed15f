/**
 * Moving disk pictures between volumes and snapshots, and reaching an instance's root disk:
 * - launching makes each volume from its snapshot (a catalog snapshot: its distribution's base picture);
 * - CreateImage copies each volume into its new snapshot, CopyImage each snapshot into the copy's;
 * - the shell (user data, Run Command) writes to the root volume, copying the base picture on first write.
 */
import type { Ctx } from '../context.ts';
import type { DiskData, ImageRecord, InstanceRecord, RegionState, VolumeRecord } from '../state.ts';
import { copyContents, distroOfCatalogImage, sharedBasePicture, basePicture, type DiskContents } from './contents.ts';

const EMPTY: Readonly<DiskContents> = Object.freeze({ distro: 'al2023', packages: {}, services: {}, files: {}, directories: [] });

/** A copy of what `from` holds, for a new volume or snapshot (a base picture stays a reference). */
export function copyDiskData(from: DiskData | undefined): DiskData {
  if (!from) return {};
  if (from.contents) return { contents: copyContents(from.contents) };
  if (from.baseDistro) return { baseDistro: from.baseDistro };
  return {};
}

/**
 * What a new volume made from `snapshotId` of `image` holds. The account's snapshots carry their
 * pictures; a catalog image's root snapshot is its distribution's base picture.
 */
export function diskFromSnapshot(ctx: Ctx, image: ImageRecord, device: string, snapshotId: string | undefined): DiskData {
  if (snapshotId === undefined) return {};
  const own = ctx.region.snapshots[snapshotId];
  if (own) return copyDiskData(own);
  if (image.ownerId !== ctx.accountId && device === image.rootDeviceName) {
    return { baseDistro: distroOfCatalogImage(image, ctx.catalog(ctx.regionName).metaById.get(image.id)?.family) };
  }
  return {};
}

/** The root volume of an instance (undefined once deleted at termination). */
export function rootVolume(region: RegionState, instance: InstanceRecord): VolumeRecord | undefined {
  const ref = instance.volumes.find((v) => v.device === instance.rootDeviceName) ?? instance.volumes[0];
  return ref ? region.volumes[ref.volumeId] : undefined;
}

/** What a volume holds, to read only. */
export function readDisk(volume: DiskData | undefined): Readonly<DiskContents> {
  if (volume?.contents) return volume.contents;
  if (volume?.baseDistro) return sharedBasePicture(volume.baseDistro);
  return EMPTY;
}

/** What a volume holds, to change: a volume still on its base picture gets its own copy first. */
export function writeDisk(volume: DiskData): DiskContents {
  if (!volume.contents) {
    volume.contents = volume.baseDistro ? basePicture(volume.baseDistro) : copyContents(EMPTY);
    delete volume.baseDistro;
  }
  return volume.contents;
}

/** A copy of what an instance's root volume holds (for views and graders; not an EC2 API). */
export function instanceDiskView(region: RegionState, instanceId: string): DiskContents | undefined {
  const instance = region.instances[instanceId];
  const volume = instance && rootVolume(region, instance);
  return volume ? copyContents(readDisk(volume)) : undefined;
}

/** A copy of what an image's root snapshot holds (a catalog image: its distribution's base picture). */
export function imageDiskView(ctx: Ctx, image: ImageRecord): DiskContents | undefined {
  const root = image.blockDevices.find((b) => b.device === image.rootDeviceName) ?? image.blockDevices[0];
  if (!root) return undefined;
  const data = diskFromSnapshot(ctx, image, root.device, root.snapshotId);
  return data.contents || data.baseDistro ? copyContents(readDisk(data)) : undefined;
}
