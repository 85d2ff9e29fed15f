/**
 * EBS volumes: the disks instances are launched with, and DescribeVolumes. (What a volume holds, the disk
 * model, belongs beside this file.)
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, selectByIds, type FilterTable } from '../filters.ts';
import type { VolumeRecord } from '../state.ts';
import type { DescribeVolumesRequest, Volume } from '../sdk-shapes.ts';
import { paginate } from '../input-parser.ts';
import { tagsOut } from './tags.ts';

const VOLUME_FILTERS: FilterTable<VolumeRecord> = {
  'volume-id': (v) => v.id,
  status: (v) => v.state,
  size: (v) => String(v.sizeGiB),
  'volume-type': (v) => v.volumeType,
  'availability-zone': (v) => v.availabilityZone,
  'snapshot-id': (v) => v.snapshotId,
  encrypted: (v) => String(v.encrypted),
  'create-time': (v) => new Date(v.createTime).toISOString(),
  'attachment.instance-id': (v) => v.attachment?.instanceId,
  'attachment.device': (v) => v.attachment?.device,
  'attachment.status': (v) => (v.attachment ? 'attached' : undefined),
  'attachment.delete-on-termination': (v) => (v.attachment ? String(v.attachment.deleteOnTermination) : undefined),
  'tag-key': (v) => v.tags.map((t) => t.Key),
};

function volumeOut(v: VolumeRecord): Volume {
  return {
    ...(v.iops !== undefined ? { Iops: v.iops } : {}),
    ...(v.tags.length ? { Tags: tagsOut(v.tags) } : {}),
    VolumeType: v.volumeType,
    ...(v.throughput !== undefined ? { Throughput: v.throughput } : {}),
    VolumeId: v.id,
    Size: v.sizeGiB,
    SnapshotId: v.snapshotId ?? '',
    AvailabilityZone: v.availabilityZone,
    State: v.state,
    CreateTime: new Date(v.createTime),
    Attachments: v.attachment
      ? [{
          DeleteOnTermination: v.attachment.deleteOnTermination,
          VolumeId: v.id,
          InstanceId: v.attachment.instanceId,
          Device: v.attachment.device,
          State: 'attached',
          AttachTime: new Date(v.attachment.attachTime),
        }]
      : [],
    Encrypted: v.encrypted,
    MultiAttachEnabled: false,
  };
}

export function describeVolumes(ctx: Ctx, input: DescribeVolumesRequest) {
  const filters = compileFilters(input.Filters, VOLUME_FILTERS, (v) => v.tags);
  if (input.MaxResults !== undefined && input.VolumeIds?.length) {
    throw Errors.invalidParameterCombination('The parameter volumeSet cannot be used with the parameter maxResults');
  }
  const volumes = input.VolumeIds?.length
    ? selectByIds(ctx.region.volumes, input.VolumeIds, 'vol', Errors.volumeMalformed, Errors.volumeNotFound)
    : Object.values(ctx.region.volumes);
  const { page, nextToken } = paginate(volumes.filter((v) => matchesAll(v, filters)), input.MaxResults, input.NextToken, [5, 500]);
  return { Volumes: page.map(volumeOut), ...(nextToken ? { NextToken: nextToken } : {}) };
}
