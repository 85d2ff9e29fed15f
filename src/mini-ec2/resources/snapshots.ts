/** EBS snapshots: the disks of images (made by CreateImage and CopyImage) and DescribeSnapshots. */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import type { SnapshotRecord } from '../state.ts';
import type { DeleteSnapshotRequest, DescribeSnapshotsRequest, Snapshot } from '../sdk-shapes.ts';
import { paginate } from '../input-parser.ts';
import { OWNER_ALIASES } from './images.ts';
import { tagsOut } from './tags.ts';

const SNAPSHOT_FILTERS: FilterTable<SnapshotRecord> = {
  'snapshot-id': (s) => s.id,
  'volume-id': (s) => s.volumeId,
  status: (s) => s.state,
  description: (s) => s.description,
  'volume-size': (s) => String(s.sizeGiB),
  encrypted: (s) => String(s.encrypted),
  'start-time': (s) => new Date(s.startTime).toISOString(),
  'tag-key': (s) => s.tags.map((t) => t.Key),
};

function snapshotOut(ctx: Ctx, s: SnapshotRecord): Snapshot {
  return {
    StorageTier: 'standard',
    ...(s.tags.length ? { Tags: tagsOut(s.tags) } : {}),
    SnapshotId: s.id,
    VolumeId: s.volumeId,
    State: s.state,
    StartTime: new Date(s.startTime),
    Progress: s.state === 'completed' ? '100%' : '0%',
    OwnerId: ctx.accountId,
    Description: s.description,
    VolumeSize: s.sizeGiB,
    Encrypted: s.encrypted,
  };
}

export function describeSnapshots(ctx: Ctx, input: DescribeSnapshotsRequest) {
  const filters = compileFilters<SnapshotRecord>(input.Filters, { ...SNAPSHOT_FILTERS, 'owner-id': () => ctx.accountId }, (s) => s.tags);
  for (const owner of input.OwnerIds ?? []) {
    if (!OWNER_ALIASES.includes(owner) && !/^\d{12}$/.test(owner)) throw Errors.userIdMalformed(owner);
  }
  if (input.MaxResults !== undefined && input.SnapshotIds?.length) {
    throw Errors.invalidParameterCombination('The parameter SnapshotIds cannot be used with the parameter maxResults');
  }
  let snapshots = input.SnapshotIds?.length
    ? selectByIds(ctx.region.snapshots, input.SnapshotIds, 'snap', Errors.snapshotMalformed, Errors.snapshotNotFound)
    : Object.values(ctx.region.snapshots);
  if (input.OwnerIds?.length && !input.OwnerIds.some((o) => o === 'self' || o === ctx.accountId)) snapshots = [];
  const { page, nextToken } = paginate(snapshots.filter((s) => matchesAll(s, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return { Snapshots: page.map((s) => snapshotOut(ctx, s)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/**
 * DeleteSnapshot: refused while a registered image of the account uses the snapshot (InvalidSnapshot.InUse,
 * as real EC2 answers in the threads quoted by the tests); DeregisterImage leaves the snapshots, which keep
 * costing until deleted here.
 */
export function deleteSnapshot(ctx: Ctx, input: DeleteSnapshotRequest, dryRun: boolean): void {
  if (input.SnapshotId === undefined) throw Errors.missingParameter('SnapshotId');
  const [snapshot] = selectByIds(ctx.region.snapshots, [input.SnapshotId], 'snap', Errors.snapshotMalformed, Errors.snapshotNotFound);
  for (const image of Object.values(ctx.region.images)) {
    if (image.deregisteredAt === undefined && image.state !== 'deregistered' && image.blockDevices.some((b) => b.snapshotId === snapshot.id)) {
      throw Errors.snapshotInUse(snapshot.id, image.id);
    }
  }
  if (dryRun) throw Errors.dryRun();
  delete ctx.region.snapshots[snapshot.id];
  ctx.emit({ type: 'snapshot-deleted', resourceId: snapshot.id, snapshotId: snapshot.id });
}
