/**
 * Input checking for untrusted input. Learner code (or a wire request) may pass anything: wrong types,
 * null, unknown keys, huge strings, 10,000 IDs. Each API method declares the shape it accepts with the
 * small checkers below; parse() returns a clean copy of the input or throws the error EC2 would give
 * (UnknownParameter for an unknown key, InvalidParameterValue for a wrong type). Nothing downstream ever
 * sees raw input, and since the copy is fresh, later mutation of the caller's object cannot reach the model.
 */
import { Errors } from './errors.ts';

export type Checker<T> = (value: unknown, path: string) => T;

/** Longest string accepted anywhere (UserData has its own, smaller, limit). */
const MAX_STRING = 256 * 1024;
/** Longest list accepted anywhere; 10,000 IDs must work, a million must not hang the model. */
const MAX_LIST = 100_000;

export const str =
  (max = MAX_STRING): Checker<string> =>
  (v, path) => {
    if (typeof v !== 'string') throw Errors.invalidValue(v, path, 'Expected a string.');
    if (v.length > max) throw Errors.invalidValue(v, path, `Value is longer than ${max} characters.`);
    return v;
  };

export const int =
  (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Checker<number> =>
  (v, path) => {
    // The SDK serialises numbers as text on the wire, so numeric strings arrive as numbers in EC2: accept them.
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw Errors.invalidValue(v, path, 'Expected an integer.');
    if (n < min || n > max) throw Errors.invalidValue(v, path);
    return n;
  };

/**
 * A blob the SDK sends base64-encoded (ModifyInstanceAttribute's UserData): raw bytes from learner code,
 * or the base64 text itself (what arrives over the wire). Either way the model keeps base64 text.
 */
export const bytesOrBase64 =
  (maxBytes: number): Checker<Uint8Array | string> =>
  (v, path) => {
    if (v instanceof Uint8Array) {
      if (v.length > maxBytes) throw Errors.invalidValue('(bytes)', path, `Value is longer than ${maxBytes} bytes.`);
      return v;
    }
    return str(maxBytes * 2)(v, path);
  };

export const bool: Checker<boolean> = (v, path) => {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw Errors.invalidValue(v, path, 'Expected a boolean.');
};

export const list =
  <T>(item: Checker<T>, max = MAX_LIST): Checker<T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) throw Errors.invalidValue(v, path, 'Expected a list.');
    if (v.length > max) throw Errors.invalidParameterValue(`Too many values for ${path}: ${v.length} (at most ${max}).`);
    const out: T[] = new Array<T>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = item(v[i], `${path}.${i + 1}`);
    return out;
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Checker<T> =>
  (v, path) => {
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw Errors.invalidValue(v, path);
    return v as T;
  };

export type Shape = Record<string, Checker<unknown>>;
export type Parsed<S extends Shape> = { [K in keyof S]?: S[K] extends Checker<infer T> ? T : never };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object with known keys; `undefined` values count as absent (as in the SDK). */
export const obj =
  <S extends Shape>(shape: S): Checker<Parsed<S>> =>
  (v, path) => {
    if (!isPlainObject(v)) throw Errors.invalidValue(v, path, 'Expected a structure.');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const value = v[key];
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        throw Errors.unknownParameter(path ? `${path}.${key}` : key);
      }
      if (value === undefined) continue;
      if (value === null) throw Errors.invalidValue(value, path ? `${path}.${key}` : key, 'Expected a value, got null.');
      out[key] = shape[key](value, path ? `${path}.${key}` : key);
    }
    return out as Parsed<S>;
  };

/** Parses a whole request: `undefined` input means "no arguments" (the describe calls allow that). */
export function parse<S extends Shape>(input: unknown, shape: S): Parsed<S> {
  if (input === undefined) return {};
  if (!isPlainObject(input)) throw Errors.invalidParameterValue('The request must be a structure of named parameters.');
  return obj(shape)(input, '');
}

export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw Errors.missingParameter(name);
  return value;
}

// ---- shared pieces of request shapes ---------------------------------------------------------------

const tag = obj({ Key: str(), Value: str() });
export const tags = list(tag, 1000);
export const tagSpecifications = list(obj({ ResourceType: str(64), Tags: tags }), 100);
export const filters = list(obj({ Name: str(1024), Values: list(str(), 1000) }), 200);
export const stringList = list(str(1024));

const blockDeviceMapping = obj({
  DeviceName: str(64),
  VirtualName: str(64),
  NoDevice: str(64),
  Ebs: obj({
    DeleteOnTermination: bool,
    Iops: int(0, 256_000),
    SnapshotId: str(64),
    VolumeSize: int(0, 65_536),
    VolumeType: oneOf(['standard', 'io1', 'io2', 'gp2', 'sc1', 'st1', 'gp3'] as const),
    Encrypted: bool,
    KmsKeyId: str(2048),
    Throughput: int(0, 10_000),
  }),
});
export const blockDeviceMappings = list(blockDeviceMapping, 64);

/** Validated tag list: keys 1..128 chars, values up to 256, no reserved `aws:` prefix, at most 50. */
export function checkTags(input: { Key?: string; Value?: string }[] | undefined): { Key: string; Value: string }[] {
  if (!input) return [];
  if (input.length > 50) throw Errors.tagLimit();
  const seen = new Set<string>();
  const out: { Key: string; Value: string }[] = [];
  for (const t of input) {
    const key = t.Key;
    if (key === undefined) throw Errors.missingParameter('Tag.Key');
    if (key.length < 1 || key.length > 128) throw Errors.invalidParameterValue(`Tag key '${key.slice(0, 140)}' must be between 1 and 128 characters.`);
    if (key.startsWith('aws:')) throw Errors.invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
    const value = t.Value ?? '';
    if (value.length > 256) throw Errors.invalidParameterValue(`Tag value for key '${key}' must be at most 256 characters.`);
    if (seen.has(key)) throw Errors.invalidParameterValue(`Duplicate tag key '${key}' specified.`);
    seen.add(key);
    out.push({ Key: key, Value: value });
  }
  return out;
}

/**
 * Tags per resource type from TagSpecifications; a type outside `allowed` is an error, as in EC2
 * (CreateImage accepts only `image` and `snapshot`).
 */
export function tagsByResourceType(
  specs: { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] }[] | undefined,
  allowed: readonly string[],
): Record<string, { Key: string; Value: string }[]> {
  const out: Record<string, { Key: string; Value: string }[]> = {};
  for (const spec of specs ?? []) {
    const type = spec.ResourceType;
    if (type === undefined) throw Errors.missingParameter('TagSpecification.ResourceType');
    if (!allowed.includes(type)) {
      throw Errors.invalidParameterValue(`'${type.slice(0, 64)}' is not a valid taggable resource type for this operation.`);
    }
    if (out[type]) throw Errors.invalidParameterValue(`The same resource type may not be specified more than once in tag specifications (${type}).`);
    out[type] = checkTags(spec.Tags);
  }
  return out;
}

/** MaxResults / NextToken pagination over an already filtered list. */
export function paginate<T>(
  items: T[],
  maxResults: number | undefined,
  nextToken: string | undefined,
  range: [number, number],
): { page: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const m = /^mini-ec2:(\d{1,9})$/.exec(nextToken);
    if (!m || Number(m[1]) > items.length) throw Errors.invalidPaginationToken(nextToken);
    start = Number(m[1]);
  }
  if (maxResults === undefined) return { page: start ? items.slice(start) : items };
  if (maxResults < range[0] || maxResults > range[1]) {
    throw Errors.invalidParameterValue(`Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${range[0]} and ${range[1]}.`);
  }
  const end = start + maxResults;
  return end < items.length ? { page: items.slice(start, end), nextToken: `mini-ec2:${end}` } : { page: items.slice(start) };
}
