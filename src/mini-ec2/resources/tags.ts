/**
 * CreateTags and DeleteTags over every taggable resource of a region. Tags on public catalog images are
 * allowed and, as in EC2, visible only to the account that set them (kept in `catalogTags`).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { prefixOf } from '../ids.ts';
import type { TagRecord } from '../state.ts';
import type { Tag } from '../sdk-shapes.ts';
import { checkTags } from '../input-parser.ts';

const NOT_FOUND: Record<string, (id: string) => Error> = {
  i: (id) => Errors.instanceNotFound([id]),
  ami: (id) => Errors.amiNotFound([id]),
  snap: (id) => Errors.snapshotNotFound(id),
  vol: (id) => Errors.volumeNotFound(id),
  sg: (id) => Errors.groupNotFound(id),
  subnet: (id) => Errors.subnetNotFound(id),
  vpc: (id) => Errors.vpcNotFound(id),
  key: (id) => Errors.keyPairNotFound(id),
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
