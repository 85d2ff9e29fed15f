/** Key pairs: CreateKeyPair, DeleteKeyPair, DescribeKeyPairs; a region's key pairs are kept by name. */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { isWellFormedId, stableHex } from '../ids.ts';
import type { KeyPairRecord, RegionState } from '../state.ts';
import type { CreateKeyPairRequest, DescribeKeyPairsRequest, KeyPairInfo } from '../sdk-shapes.ts';
import { tagsByResourceType } from '../input-parser.ts';
import { tagsOut } from './tags.ts';

export function findKeyPair(region: RegionState, name: string): KeyPairRecord | undefined {
  return Object.prototype.hasOwnProperty.call(region.keyPairs, name) ? region.keyPairs[name] : undefined;
}

const KEY_NAME = /^[\x20-\x7e]{1,255}$/;

export function createKeyPair(ctx: Ctx, input: CreateKeyPairRequest & { KeyName: string }, dryRun: boolean) {
  const name = input.KeyName;
  if (!KEY_NAME.test(name) || name.trim() !== name) throw Errors.invalidValue(name, 'KeyName');
  if (findKeyPair(ctx.region, name)) throw Errors.keyPairDuplicate(name);
  const tagSpecs = tagsByResourceType(input.TagSpecifications, ['key-pair']);
  if (dryRun) throw Errors.dryRun();
  const type = input.KeyType ?? 'rsa';
  const id = ctx.newId('key');
  const body = stableHex(`${ctx.accountId}:${ctx.regionName}:${id}`, 64);
  const fingerprint =
    type === 'ed25519'
      ? `${btoa(body.slice(0, 32)).replace(/=+$/, '')}=`
      : (body.slice(0, 40).match(/../g) ?? []).join(':');
  const record: KeyPairRecord = {
    id,
    name,
    type,
    fingerprint,
    publicKey: type === 'ed25519' ? `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${btoa(body).slice(0, 43)} ${name}` : `ssh-rsa AAAAB3NzaC1yc2E${btoa(body + body)} ${name}`,
    createTime: ctx.now,
    tags: tagSpecs['key-pair'] ?? [],
  };
  ctx.region.keyPairs[name] = record;
  ctx.emit({ type: 'key-pair-created', resourceId: id, keyName: name, keyPairId: id });
  const header = type === 'ed25519' ? 'OPENSSH PRIVATE KEY' : 'RSA PRIVATE KEY';
  const material = `-----BEGIN ${header}-----\n${(btoa(body + body + body).match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${header}-----`;
  return {
    KeyFingerprint: record.fingerprint,
    KeyMaterial: material,
    KeyName: name,
    KeyPairId: id,
    ...(record.tags.length ? { Tags: tagsOut(record.tags) } : {}),
  };
}

export function deleteKeyPair(ctx: Ctx, input: { KeyName?: string; KeyPairId?: string }, dryRun: boolean) {
  let record: KeyPairRecord | undefined;
  if (input.KeyPairId !== undefined) {
    if (!isWellFormedId(input.KeyPairId, 'key')) throw Errors.malformedId('InvalidKeyPair.Malformed', input.KeyPairId, 'key');
    record = Object.values(ctx.region.keyPairs).find((k) => k.id === input.KeyPairId);
    if (!record) throw Errors.keyPairNotFound(input.KeyPairId);
  } else if (input.KeyName !== undefined) {
    record = findKeyPair(ctx.region, input.KeyName);
  } else {
    throw Errors.missingParameter('KeyName');
  }
  if (dryRun) throw Errors.dryRun();
  // Deleting a key pair that does not exist succeeds in EC2 (when named by KeyName).
  if (record) {
    delete ctx.region.keyPairs[record.name];
    ctx.emit({ type: 'key-pair-deleted', resourceId: record.id, keyName: record.name, keyPairId: record.id });
  }
  return { Return: true, ...(record ? { KeyPairId: record.id } : {}) };
}

const KEY_PAIR_FILTERS: FilterTable<KeyPairRecord> = {
  'key-name': (k) => k.name,
  'key-pair-id': (k) => k.id,
  fingerprint: (k) => k.fingerprint,
  'key-type': (k) => k.type,
  'tag-key': (k) => k.tags.map((t) => t.Key),
};

export function describeKeyPairs(ctx: Ctx, input: DescribeKeyPairsRequest): { KeyPairs: KeyPairInfo[] } {
  const filters = compileFilters(input.Filters, KEY_PAIR_FILTERS, (k) => k.tags);
  let records = Object.values(ctx.region.keyPairs);
  if (input.KeyNames?.length) {
    const missing = input.KeyNames.find((n) => !findKeyPair(ctx.region, n));
    if (missing !== undefined) throw Errors.keyPairNotFound(missing);
    const wanted = new Set(input.KeyNames);
    records = records.filter((k) => wanted.has(k.name));
  }
  if (input.KeyPairIds?.length) {
    for (const id of input.KeyPairIds) if (!isWellFormedId(id, 'key')) throw Errors.malformedId('InvalidKeyPair.Malformed', id, 'key');
    const missing = input.KeyPairIds.find((id) => !records.some((k) => k.id === id));
    if (missing !== undefined) throw Errors.keyPairNotFound(missing);
    const wanted = new Set(input.KeyPairIds);
    records = records.filter((k) => wanted.has(k.id));
  }
  return {
    KeyPairs: records
      .filter((k) => matchesAll(k, filters))
      .map((k) => ({
        KeyPairId: k.id,
        KeyType: k.type,
        Tags: tagsOut(k.tags),
        CreateTime: new Date(k.createTime),
        KeyName: k.name,
        KeyFingerprint: k.fingerprint,
        ...(input.IncludePublicKey ? { PublicKey: k.publicKey } : {}),
      })),
  };
}
