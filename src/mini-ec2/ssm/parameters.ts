/**
 * Systems Manager's public parameters for the latest AMIs (GetParameter, GetParameters,
 * GetParametersByPath under /aws/service/), and `resolve:ssm:<name>` as an ImageId.
 * Each value is the ID of the newest catalog image of that family and architecture in the caller's
 * region, so the same name gives a different ID in each region, as on AWS.
 * Names: EC2 user guide, "Reference AMIs using Systems Manager parameters" (Amazon Linux and Windows),
 * and Canonical's "Find Ubuntu images with the AWS SSM Parameter Store" (Ubuntu).
 * Only these public parameters exist in the model (no PutParameter).
 */
import { catalogFor } from '../catalog.ts';
import { Errors } from '../errors.ts';
import { stableHex } from '../ids.ts';
import { SsmErrors } from './errors.ts';
import type { Parameter } from './shapes.ts';

/** A public parameter: the catalog family and architecture whose newest image it names. */
interface PublicParameter {
  name: string;
  family: string;
  architecture: 'x86_64' | 'arm64';
}

function publicParameterList(): PublicParameter[] {
  const out: PublicParameter[] = [];
  const al = '/aws/service/ami-amazon-linux-latest/';
  for (const architecture of ['x86_64', 'arm64'] as const) {
    out.push({ name: `${al}al2023-ami-kernel-default-${architecture}`, family: 'amazon-linux-2023', architecture });
    out.push({ name: `${al}al2023-ami-kernel-6.1-${architecture}`, family: 'amazon-linux-2023', architecture });
    out.push({ name: `${al}al2023-ami-minimal-kernel-default-${architecture}`, family: 'amazon-linux-2023-minimal', architecture });
    out.push({ name: `${al}amzn2-ami-kernel-5.10-hvm-${architecture}-gp2`, family: 'amazon-linux-2', architecture });
  }
  for (const [version, codename, volume] of [['24.04', 'noble', 'ebs-gp3'], ['22.04', 'jammy', 'ebs-gp2'], ['20.04', 'focal', 'ebs-gp2']]) {
    for (const architecture of ['x86_64', 'arm64'] as const) {
      const arch = architecture === 'x86_64' ? 'amd64' : 'arm64';
      for (const release of [version, codename]) {
        out.push({ name: `/aws/service/canonical/ubuntu/server/${release}/stable/current/${arch}/hvm/${volume}/ami-id`, family: `ubuntu-${version}`, architecture });
      }
    }
  }
  for (const [version, edition] of [['2025', 'Full'], ['2022', 'Full'], ['2022', 'Core'], ['2019', 'Full']]) {
    out.push({ name: `/aws/service/ami-windows-latest/Windows_Server-${version}-English-${edition}-Base`, family: `windows-server-${version}-${edition.toLowerCase()}`, architecture: 'x86_64' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

let table: Map<string, PublicParameter> | undefined;
const publicParameters = () => (table ??= new Map(publicParameterList().map((p) => [p.name, p])));

/** The parameter `name` (optionally `name:version`) as GetParameter answers it in a region, if it exists. */
function parameterIn(region: string, p: PublicParameter): Parameter {
  const catalog = catalogFor(region);
  const meta = catalog.meta.find((m) => m.family === p.family && m.latest && catalog.byId.get(m.imageId)!.architecture === p.architecture)!;
  const image = catalog.byId.get(meta.imageId)!;
  return {
    Name: p.name,
    Type: 'String',
    Value: image.id,
    // A stable version number per name: AWS bumps it at each release; the model's catalog is fixed.
    Version: 40 + (parseInt(stableHex(p.name, 4), 16) % 60),
    LastModifiedDate: new Date(image.creationDate),
    ARN: `arn:aws:ssm:${region}::parameter${p.name}`,
    DataType: 'text',
  };
}

/** Splits a `name:version` selector; SSM allows a version (or label) after the last colon. */
function splitSelector(nameWithSelector: string): { name: string; version?: string } {
  const m = /^(\/.*):(\d+)$/.exec(nameWithSelector);
  return m ? { name: m[1], version: m[2] } : { name: nameWithSelector };
}

/** A public parameter, or undefined when it does not exist (a wrong version too). */
function findParameter(region: string, nameWithSelector: string): Parameter | undefined {
  const { name, version } = splitSelector(nameWithSelector);
  const p = publicParameters().get(name);
  if (!p) return undefined;
  const parameter = parameterIn(region, p);
  if (version !== undefined && Number(version) !== parameter.Version) return undefined;
  return parameter;
}

export function getParameter(region: string, nameWithSelector: string): Parameter {
  const { name, version } = splitSelector(nameWithSelector);
  const parameter = findParameter(region, nameWithSelector);
  if (!parameter) {
    if (version !== undefined && publicParameters().has(name)) throw SsmErrors.parameterVersionNotFound(name, version);
    throw SsmErrors.parameterNotFound();
  }
  return parameter;
}

export function getParameters(region: string, names: readonly string[]): { Parameters: Parameter[]; InvalidParameters: string[] } {
  if (names.length < 1 || names.length > 10) {
    throw SsmErrors.validation(`1 validation error detected: Value at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`);
  }
  const found: Parameter[] = [];
  const invalid: string[] = [];
  for (const n of [...new Set(names)]) {
    const p = findParameter(region, n);
    if (p) found.push(p);
    else invalid.push(n);
  }
  return { Parameters: found, InvalidParameters: invalid };
}

/** GetParametersByPath: the parameters one level below `path`, or all below it when recursive. */
export function getParametersByPath(region: string, path: string, recursive: boolean, maxResults = 10, nextToken?: string): { Parameters: Parameter[]; NextToken?: string } {
  if (!path.startsWith('/')) throw SsmErrors.validation(`The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/".`);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 10) {
    throw SsmErrors.validation(`1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10`);
  }
  const prefix = path.endsWith('/') ? path : path + '/';
  const names = [...publicParameters().keys()].filter((n) => n.startsWith(prefix) && (recursive || !n.slice(prefix.length).includes('/')));
  const start = nextToken === undefined ? 0 : Number(/^p(\d+)$/.exec(nextToken)?.[1] ?? NaN);
  if (!Number.isInteger(start) || start < 0 || start > names.length) throw SsmErrors.invalidNextToken();
  const page = names.slice(start, start + maxResults).map((n) => parameterIn(region, publicParameters().get(n)!));
  const next = start + maxResults < names.length ? `p${start + maxResults}` : undefined;
  return { Parameters: page, ...(next ? { NextToken: next } : {}) };
}

const RESOLVE = 'resolve:ssm:';

/**
 * The one resolver of `resolve:ssm:<name>` image IDs (RunInstances, launch templates): the AMI ID the
 * public parameter holds in `region`, or `imageId` unchanged when it is not a reference. EC2 stores and
 * shows the resolved ID. An unknown parameter: InvalidParameterValue (wording unverified).
 */
export function resolveImageId(region: string, imageId: string): string {
  if (!imageId.startsWith(RESOLVE)) return imageId;
  const name = imageId.slice(RESOLVE.length);
  const parameter = findParameter(region, name);
  if (!parameter) throw Errors.invalidParameterValue(`Invalid value '${imageId}' for parameter ImageId. The SSM parameter ${name} could not be found.`);
  return parameter.Value!;
}
