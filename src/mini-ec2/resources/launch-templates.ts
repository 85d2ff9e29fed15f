/**
 * Launch templates: the home of reusable launch settings (spec section 14; EC2 user guide, "Store
 * instance launch parameters in Amazon EC2 launch templates"). A template has numbered versions, one of
 * them the default; RunInstances names a template and a version (a number, `$Latest` or `$Default`,
 * `$Default` when omitted) and any parameter given on the call overrides the template's.
 *
 * Codes and messages are those real EC2 answers in public threads (named in the tests); an `ImageId`
 * of `resolve:ssm:<parameter>` is stored as given and resolved when an instance is launched.
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { isWellFormedId } from '../ids.ts';
import { paginate, tagsByResourceType } from '../input-parser.ts';
import { deepCopy, type LaunchTemplateDataRecord, type LaunchTemplateRecord, type LaunchTemplateVersionRecord, type TagRecord } from '../state.ts';
import type {
  CreateLaunchTemplateRequest,
  CreateLaunchTemplateVersionRequest,
  DeleteLaunchTemplateRequest,
  DescribeLaunchTemplatesRequest,
  DescribeLaunchTemplateVersionsRequest,
  LaunchTemplate,
  LaunchTemplateData,
  LaunchTemplateVersion,
  ModifyLaunchTemplateRequest,
  RunInstancesRequest,
} from '../sdk-shapes.ts';
import { checkUserData } from './instances.ts';
import { tagsOut } from './tags.ts';

const NAME = /^[a-zA-Z0-9()./_-]{3,128}$/;
const templatesOf = (ctx: Ctx) => (ctx.region.launchTemplates ??= {});

/** The template a call names by ID or by name (exactly one of them). */
function findTemplate(ctx: Ctx, ref: { LaunchTemplateId?: string; LaunchTemplateName?: string }): LaunchTemplateRecord {
  if (ref.LaunchTemplateId !== undefined && ref.LaunchTemplateName !== undefined) {
    throw Errors.invalidParameterCombination('Specify either the launch template ID or the launch template name, not both.'); // wording unverified
  }
  if (ref.LaunchTemplateId !== undefined) {
    if (!isWellFormedId(ref.LaunchTemplateId, 'lt')) throw Errors.templateIdMalformed(ref.LaunchTemplateId);
    const t = templatesOf(ctx)[ref.LaunchTemplateId];
    if (!t) throw Errors.templateIdNotFound(ref.LaunchTemplateId);
    return t;
  }
  if (ref.LaunchTemplateName !== undefined) {
    const t = Object.values(templatesOf(ctx)).find((x) => x.name === ref.LaunchTemplateName);
    if (!t) throw Errors.templateNameNotFound(ref.LaunchTemplateName);
    return t;
  }
  throw Errors.missingParameter('LaunchTemplateId or LaunchTemplateName');
}

/** A version named as a number, `$Latest` or `$Default` (the default when absent). */
function findVersion(t: LaunchTemplateRecord, version: string | undefined): LaunchTemplateVersionRecord {
  const v = version ?? '$Default';
  const n = v === '$Latest' ? t.latestVersion : v === '$Default' ? t.defaultVersion : /^\d{1,9}$/.test(v) ? Number(v) : undefined;
  if (n === undefined) throw Errors.invalidValue(v, 'Version', "Expected a version number, '$Latest' or '$Default'.");
  const found = t.versions[String(n)];
  if (!found) throw Errors.templateVersionNotFound(v, t.id);
  return found;
}

/** Checks what a version holds (user data, tag specifications) and keeps a private copy. */
function checkedData(data: LaunchTemplateData | undefined): LaunchTemplateDataRecord {
  if (data === undefined) throw Errors.templateNoData();
  if (data.UserData !== undefined) checkUserData(data.UserData);
  tagsByResourceType(data.TagSpecifications, ['instance', 'volume', 'network-interface']);
  return deepCopy(data) as LaunchTemplateDataRecord;
}

const createdBy = (ctx: Ctx) => `arn:aws:iam::${ctx.accountId}:root`;

function templateOut(ctx: Ctx, t: LaunchTemplateRecord): LaunchTemplate {
  return {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    CreateTime: new Date(t.createTime),
    CreatedBy: createdBy(ctx),
    DefaultVersionNumber: t.defaultVersion,
    LatestVersionNumber: t.latestVersion,
    ...(t.tags.length ? { Tags: tagsOut(t.tags) } : {}),
  };
}

function versionOut(ctx: Ctx, t: LaunchTemplateRecord, v: LaunchTemplateVersionRecord): LaunchTemplateVersion {
  return {
    LaunchTemplateId: t.id,
    LaunchTemplateName: t.name,
    VersionNumber: v.number,
    ...(v.description !== undefined ? { VersionDescription: v.description } : {}),
    CreateTime: new Date(v.createTime),
    CreatedBy: createdBy(ctx),
    DefaultVersion: v.number === t.defaultVersion,
    LaunchTemplateData: deepCopy(v.data),
  };
}

// ---- the calls -------------------------------------------------------------------------------------

export function createLaunchTemplate(ctx: Ctx, input: CreateLaunchTemplateRequest, dryRun: boolean) {
  const name = input.LaunchTemplateName;
  if (name === undefined) throw Errors.missingParameter('LaunchTemplateName');
  if (!NAME.test(name)) throw Errors.templateNameMalformed();
  if (Object.values(templatesOf(ctx)).some((t) => t.name === name)) throw Errors.templateNameTaken();
  const data = checkedData(input.LaunchTemplateData);
  const tags: TagRecord[] = tagsByResourceType(input.TagSpecifications, ['launch-template'])['launch-template'] ?? [];
  if (dryRun) throw Errors.dryRun();
  const t: LaunchTemplateRecord = {
    id: ctx.newId('lt'),
    name,
    createTime: ctx.now,
    defaultVersion: 1,
    latestVersion: 1,
    versions: { '1': { number: 1, createTime: ctx.now, data, ...(input.VersionDescription !== undefined ? { description: input.VersionDescription } : {}) } },
    tags,
  };
  templatesOf(ctx)[t.id] = t;
  ctx.emit({ type: 'launch-template-created', resourceId: t.id, launchTemplateId: t.id, name, version: 1 });
  return { LaunchTemplate: templateOut(ctx, t) };
}

/** A new version; with SourceVersion it starts from that version's parameters, the given ones overriding. */
export function createLaunchTemplateVersion(ctx: Ctx, input: CreateLaunchTemplateVersionRequest, dryRun: boolean) {
  const t = findTemplate(ctx, input);
  const given = checkedData(input.LaunchTemplateData);
  const base = input.SourceVersion !== undefined ? deepCopy(findVersion(t, input.SourceVersion).data) : {};
  if (dryRun) throw Errors.dryRun();
  const number = t.latestVersion + 1;
  t.versions[String(number)] = {
    number,
    createTime: ctx.now,
    data: { ...base, ...given },
    ...(input.VersionDescription !== undefined ? { description: input.VersionDescription } : {}),
  };
  t.latestVersion = number;
  ctx.emit({ type: 'launch-template-version-created', resourceId: t.id, launchTemplateId: t.id, version: number });
  return { LaunchTemplateVersion: versionOut(ctx, t, t.versions[String(number)]) };
}

export function modifyLaunchTemplate(ctx: Ctx, input: ModifyLaunchTemplateRequest, dryRun: boolean) {
  const t = findTemplate(ctx, input);
  const version = input.DefaultVersion !== undefined ? findVersion(t, input.DefaultVersion) : undefined;
  if (dryRun) throw Errors.dryRun();
  if (version) {
    t.defaultVersion = version.number;
    ctx.emit({ type: 'launch-template-default-changed', resourceId: t.id, launchTemplateId: t.id, version: version.number });
  }
  return { LaunchTemplate: templateOut(ctx, t) };
}

const TEMPLATE_FILTERS: FilterTable<LaunchTemplateRecord> = {
  'launch-template-name': (t) => t.name,
  'create-time': (t) => new Date(t.createTime).toISOString(),
  'tag-key': (t) => t.tags.map((x) => x.Key),
};

export function describeLaunchTemplates(ctx: Ctx, input: DescribeLaunchTemplatesRequest) {
  const filters = compileFilters(input.Filters, TEMPLATE_FILTERS, (t) => t.tags);
  // Named templates must exist (floci-io/floci#3234 quotes EC2's NotFound answers for this call).
  const named = new Set<string>();
  for (const id of input.LaunchTemplateIds ?? []) named.add(findTemplate(ctx, { LaunchTemplateId: id }).id);
  for (const name of input.LaunchTemplateNames ?? []) named.add(findTemplate(ctx, { LaunchTemplateName: name }).id);
  const all = Object.values(templatesOf(ctx)).filter((t) => (named.size === 0 || named.has(t.id)) && matchesAll(t, filters));
  const { page, nextToken } = paginate(all, input.MaxResults, input.NextToken, [1, 200]);
  return { LaunchTemplates: page.map((t) => templateOut(ctx, t)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

type VersionRow = { t: LaunchTemplateRecord; v: LaunchTemplateVersionRecord };
const VERSION_FILTERS: FilterTable<VersionRow> = {
  'image-id': (r) => r.v.data.ImageId,
  'instance-type': (r) => r.v.data.InstanceType,
  'is-default-version': (r) => String(r.v.number === r.t.defaultVersion),
  'ebs-optimized': (r) => (r.v.data.EbsOptimized === undefined ? undefined : String(r.v.data.EbsOptimized)),
  'create-time': (r) => new Date(r.v.createTime).toISOString(),
};

/** Versions of one template (all, the listed ones incl. `$Latest`/`$Default`, or a Min/MaxVersion range). */
export function describeLaunchTemplateVersions(ctx: Ctx, input: DescribeLaunchTemplateVersionsRequest) {
  const t = findTemplate(ctx, input);
  const filters = compileFilters(input.Filters, VERSION_FILTERS);
  let versions = input.Versions?.length ? [...new Set(input.Versions.map((v) => findVersion(t, v)))] : Object.values(t.versions);
  const bound = (v: string | undefined) => (v === undefined ? undefined : findVersionNumber(t, v));
  const min = bound(input.MinVersion);
  const max = bound(input.MaxVersion);
  versions = versions.filter((v) => (min === undefined || v.number >= min) && (max === undefined || v.number <= max)).sort((a, b) => a.number - b.number);
  const rows = versions.map((v) => ({ t, v })).filter((r) => matchesAll(r, filters));
  const { page, nextToken } = paginate(rows, input.MaxResults, input.NextToken, [1, 200]);
  return { LaunchTemplateVersions: page.map((r) => versionOut(ctx, r.t, r.v)), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/** Min/MaxVersion bounds: a number, `$Latest` or `$Default` (the version need not exist). */
function findVersionNumber(t: LaunchTemplateRecord, v: string): number {
  if (v === '$Latest') return t.latestVersion;
  if (v === '$Default') return t.defaultVersion;
  if (/^\d{1,9}$/.test(v)) return Number(v);
  throw Errors.invalidValue(v, 'Version', "Expected a version number, '$Latest' or '$Default'.");
}

export function deleteLaunchTemplate(ctx: Ctx, input: DeleteLaunchTemplateRequest, dryRun: boolean) {
  const t = findTemplate(ctx, input);
  if (dryRun) throw Errors.dryRun();
  delete templatesOf(ctx)[t.id];
  ctx.emit({ type: 'launch-template-deleted', resourceId: t.id, launchTemplateId: t.id, name: t.name });
  return { LaunchTemplate: templateOut(ctx, t) };
}

// ---- RunInstances from a template ------------------------------------------------------------------

/**
 * The RunInstances request with the template version's parameters filled in wherever the call gives
 * none (the call's parameters win, each as a whole: a call's TagSpecifications for a resource type
 * replace the template's for that type), and the tags EC2 puts on instances launched from a template.
 */
export function withLaunchTemplate(ctx: Ctx, input: RunInstancesRequest): { request: RunInstancesRequest; systemTags: TagRecord[] } {
  const spec = input.LaunchTemplate!;
  const t = findTemplate(ctx, spec);
  const v = findVersion(t, spec.Version);
  const data = deepCopy(v.data) as LaunchTemplateData;
  const request: RunInstancesRequest = { ...input };
  const fields = ['ImageId', 'InstanceType', 'KeyName', 'SecurityGroupIds', 'SecurityGroups', 'UserData', 'BlockDeviceMappings', 'Placement', 'Monitoring', 'EbsOptimized'] as const;
  const filled = request as Record<(typeof fields)[number], unknown>;
  for (const f of fields) if (filled[f] === undefined && data[f] !== undefined) filled[f] = data[f];
  if (data.TagSpecifications?.length) {
    const own = new Set((input.TagSpecifications ?? []).map((s) => s.ResourceType));
    request.TagSpecifications = [...(input.TagSpecifications ?? []), ...data.TagSpecifications.filter((s) => !own.has(s.ResourceType))];
  }
  // EC2 tags instances launched from a template with its ID and version (EC2 user guide, launch templates).
  const systemTags = [
    { Key: 'aws:ec2launchtemplate:id', Value: t.id },
    { Key: 'aws:ec2launchtemplate:version', Value: String(v.number) },
  ];
  return { request, systemTags };
}
