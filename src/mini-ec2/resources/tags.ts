/**
 * CreateTags and DeleteTags over every taggable resource of a region. Tags on public catalog images are
 * allowed and, as in EC2, visible only to the account that set them (kept in `catalogTags`).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { prefixOf } from '../ids.ts';
import type { TagRecord } from '../state.ts';
import type { DescribeTagsRequest, Tag, TagDescription, TaggedResourceType } from '../sdk-shapes.ts';
import { checkTags, paginate } from '../input-parser.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';

const NOT_FOUND: Record<string, (id: string) => Error> = {
  i: (id) => Errors.instanceNotFound([id]),
  ami: (id) => Errors.amiNotFound([id]),
  snap: (id) => Errors.snapshotNotFound(id),
  vol: (id) => Errors.volumeNotFound(id),
  sg: (id) => Errors.groupNotFound(id),
  subnet: (id) => Errors.subnetNotFound(id),
  vpc: (id) => Errors.vpcNotFound(id),
  key: (id) => Errors.keyPairNotFound(id),
  lt: (id) => Errors.templateIdNotFound(id),
};

/** The live tag array of a resource (to read or replace), or an error. */
function tagHolder(ctx: Ctx, id: string): { get: () => TagRecord[]; set: (tags: TagRecord[]) => void } {
  const prefix = prefixOf(id);
  const r = ctx.region;
  const holder = <T extends { tags: TagRecord[] }>(rec: T | undefined) =>
    rec ? { get: () => rec.tags, set: (tags: TagRecord[]) => void (rec.tags = tags) } : undefined;
  let found;
  switch (prefix) {
    case 'i': found = holder(r.instances[id]); break;
    case 'snap': found = holder(r.snapshots[id]); break;
    case 'vol': found = holder(r.volumes[id]); break;
    case 'sg': found = holder(r.securityGroups[id]); break;
    case 'subnet': found = holder(r.subnets[id]); break;
    case 'vpc': found = holder(r.vpcs[id]); break;
    case 'key': found = holder(Object.values(r.keyPairs).find((k) => k.id === id)); break;
    case 'lt': found = holder(r.launchTemplates?.[id]); break;
    case 'ami': {
      found = holder(Object.prototype.hasOwnProperty.call(r.images, id) ? r.images[id] : undefined);
      if (!found && ctx.catalog(ctx.regionName).byId.has(id)) {
        found = {
          get: () => r.catalogTags[id] ?? [],
          set: (tags: TagRecord[]) => {
            if (tags.length) r.catalogTags[id] = tags;
            else delete r.catalogTags[id];
          },
        };
      }
      break;
    }
    default:
      throw Errors.invalidId(id);
  }
  if (!found) throw NOT_FOUND[prefix](id);
  return found;
}

export function createTags(ctx: Ctx, resources: readonly string[] | undefined, tags: { Key?: string; Value?: string }[] | undefined, dryRun: boolean): void {
  if (!resources || resources.length === 0) throw Errors.missingParameter('ResourceId');
  if (!tags || tags.length === 0) throw Errors.missingParameter('Tag');
  const clean = checkTags(tags);
  const plans = [...new Set(resources)].map((id) => {
    const holder = tagHolder(ctx, id);
    const next = holder.get().filter((t) => !clean.some((c) => c.Key === t.Key));
    next.push(...clean.map((t) => ({ ...t })));
    if (next.length > 50) throw Errors.tagLimit();
    return { id, holder, next };
  });
  if (dryRun) throw Errors.dryRun();
  for (const p of plans) {
    p.holder.set(p.next);
    ctx.emit({ type: 'tags-changed', resourceId: p.id, tags: p.next.map((t) => ({ ...t })) });
  }
}

export function deleteTags(ctx: Ctx, resources: readonly string[] | undefined, tags: { Key?: string; Value?: string }[] | undefined, dryRun: boolean): void {
  if (!resources || resources.length === 0) throw Errors.missingParameter('ResourceId');
  for (const t of tags ?? []) if (t.Key === undefined) throw Errors.missingParameter('Tag.Key');
  const plans = [...new Set(resources)].map((id) => {
    const holder = tagHolder(ctx, id);
    const next = tags?.length
      ? holder.get().filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value)))
      : [];
    return { id, holder, next };
  });
  if (dryRun) throw Errors.dryRun();
  for (const p of plans) {
    p.holder.set(p.next.map((t) => ({ ...t })));
    ctx.emit({ type: 'tags-changed', resourceId: p.id, tags: p.next.map((t) => ({ ...t })) });
  }
}

/** Tags as the API returns them (fresh objects). */
export const tagsOut = (tags: readonly TagRecord[]): Tag[] => tags.map((t) => ({ Key: t.Key, Value: t.Value }));

// ---- DescribeTags ----------------------------------------------------------------------------------

/** Every tagged resource of the region with its type (DescribeTags lists one entry per tag). */
function* taggedResources(ctx: Ctx): Generator<{ id: string; type: TaggedResourceType; tags: readonly TagRecord[] }> {
  const r = ctx.region;
  for (const i of Object.values(r.instances)) yield { id: i.id, type: 'instance', tags: i.tags };
  for (const img of Object.values(r.images)) if (img.deregisteredAt === undefined) yield { id: img.id, type: 'image', tags: img.tags };
  for (const [id, tags] of Object.entries(r.catalogTags)) yield { id, type: 'image', tags };
  for (const s of Object.values(r.snapshots)) yield { id: s.id, type: 'snapshot', tags: s.tags };
  for (const v of Object.values(r.volumes)) yield { id: v.id, type: 'volume', tags: v.tags };
  for (const k of Object.values(r.keyPairs)) yield { id: k.id, type: 'key-pair', tags: k.tags };
  for (const g of Object.values(r.securityGroups)) yield { id: g.id, type: 'security-group', tags: g.tags };
  for (const s of Object.values(r.subnets)) yield { id: s.id, type: 'subnet', tags: s.tags };
  for (const v of Object.values(r.vpcs)) yield { id: v.id, type: 'vpc', tags: v.tags };
  for (const t of Object.values(r.launchTemplates ?? {})) yield { id: t.id, type: 'launch-template', tags: t.tags };
}

type TagRow = Required<TagDescription> & { ResourceType: TaggedResourceType };

const TAG_FILTERS: FilterTable<TagRow> = {
  key: (t) => t.Key,
  value: (t) => t.Value,
  'resource-id': (t) => t.ResourceId,
  'resource-type': (t) => t.ResourceType,
};

/** DescribeTags: filters key, value, resource-id, resource-type and tag:<key> (EC2 API reference). */
export function describeTags(ctx: Ctx, input: DescribeTagsRequest) {
  const all: TagRow[] = [];
  for (const res of taggedResources(ctx)) {
    for (const t of res.tags) all.push({ Key: t.Key, ResourceId: res.id, ResourceType: res.type, Value: t.Value });
  }
  // `tag:<key>` keeps the tags of resources that carry that key with a matching value.
  const byResource = new Map<string, TagRecord[]>();
  for (const d of all) byResource.set(d.ResourceId, [...(byResource.get(d.ResourceId) ?? []), { Key: d.Key, Value: d.Value }]);
  const filters = compileFilters(input.Filters, TAG_FILTERS, (d) => byResource.get(d.ResourceId));
  const { page, nextToken } = paginate(all.filter((d) => matchesAll(d, filters)), input.MaxResults, input.NextToken, [5, 1000]);
  return { Tags: page.map((d) => ({ ...d })), ...(nextToken ? { NextToken: nextToken } : {}) };
}
