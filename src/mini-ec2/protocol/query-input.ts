// Turns EC2 Query parameters (`ImageId.1`, `Filter.1.Value.2`, `BlockDeviceMapping.1.Ebs.VolumeSize`)
// into the SDK's PascalCase input object (`{ ImageIds: [...], Filters: [{ Values }], BlockDeviceMappings }`),
// driven by the wire schema: a structure member is found by its query key, EC2 lists are "flattened"
// (`Prefix.N`, N from 1), and primitives are typed (numbers, booleans, timestamps).
import { protocolErrors } from './errors.ts';
import type { WireMember, WireRef, WireSchema } from './wire-schema.ts';

/** A parameter tree: `Filter.1.Name=x` becomes Filter -> 1 -> Name = 'x'. */
type ParamNode = { value?: string; children: Map<string, ParamNode> };

function buildTree(params: Iterable<[string, string]>): ParamNode {
  const root: ParamNode = { children: new Map() };
  for (const [key, value] of params) {
    let node = root;
    for (const segment of key.split('.')) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The first full parameter name under a node, for an error message. */
function firstKey(node: ParamNode, path: string): string {
  if (node.value !== undefined || node.children.size === 0) return path;
  const [segment, child] = node.children.entries().next().value as [string, ParamNode];
  return firstKey(child, `${path}.${segment}`);
}

const INTEGER = /^[+-]?\d+$/;

function convertPrimitive(type: string, value: string, name: string): unknown {
  switch (type) {
    case 'string':
      return value;
    case 'number':
      // The numeric inputs of the served actions are all integers: '1.5', '1e3', '' and numbers too
      // large to hold exactly are refused, as EC2 refuses them.
      if (INTEGER.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
      throw protocolErrors.badValue(name, value, 'Integer');
    case 'boolean': {
      const lower = value.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      throw protocolErrors.badValue(name, value, 'Boolean');
    }
    case 'timestamp': {
      const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
      if (Number.isNaN(date.getTime())) throw protocolErrors.badValue(name, value, 'Timestamp');
      return date;
    }
    case 'blob':
      return value; // base64 text: the model receives what the SDK would pass (UserData is a base64 string)
    default:
      return value;
  }
}

// Structure members indexed by query key, built once per shape.
const memberIndex = new WeakMap<WireSchema, Map<string, Map<string, [string, WireMember]>>>();

function membersByQueryKey(shapeName: string, schema: WireSchema): Map<string, [string, WireMember]> {
  let perSchema = memberIndex.get(schema);
  if (!perSchema) memberIndex.set(schema, (perSchema = new Map<string, Map<string, [string, WireMember]>>()));
  let index = perSchema.get(shapeName);
  if (!index) {
    const shape = schema.shapes[shapeName];
    const members = shape?.type === 'structure' ? shape.members : {};
    index = new Map(Object.entries(members).map(([memberName, m]) => [m.query, [memberName, m] as [string, WireMember]]));
    perSchema.set(shapeName, index);
  }
  return index;
}

function convert(node: ParamNode, ref: WireRef, name: string, schema: WireSchema): unknown {
  const shape = schema.shapes[ref];
  if (!shape || shape.type === 'string') {
    if (node.children.size > 0) throw protocolErrors.unknownParameter(firstKey(node, name));
    return convertPrimitive(shape ? 'string' : ref, node.value ?? '', name);
  }
  if (node.value !== undefined && node.children.size === 0) {
    // A bare value where a list or structure is expected (`Filter=x`): EC2 does not recognize it.
    throw protocolErrors.unknownParameter(name);
  }
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [segment, child] of node.children) {
        const entry = membersByQueryKey(ref, schema).get(segment);
        if (!entry) throw protocolErrors.unknownParameter(firstKey(child, name ? `${name}.${segment}` : segment));
        const [memberName, member] = entry;
        out[memberName] = convert(child, member.target, name ? `${name}.${segment}` : segment, schema);
      }
      return out;
    }
    case 'list': {
      const items: Array<[number, unknown]> = [];
      for (const [segment, child] of node.children) {
        if (!/^[1-9]\d{0,5}$/.test(segment)) throw protocolErrors.unknownParameter(firstKey(child, `${name}.${segment}`));
        items.push([Number(segment), convert(child, shape.member, `${name}.${segment}`, schema)]);
      }
      return items.sort((a, b) => a[0] - b[0]).map(([, item]) => item);
    }
    case 'map': {
      // Query maps: Prefix.N.Key / Prefix.N.Value (none of the served EC2 actions use one today).
      const out: Record<string, unknown> = {};
      for (const [segment, child] of node.children) {
        const key = child.children.get('Key')?.value;
        const value = child.children.get('Value');
        if (!/^[1-9]\d*$/.test(segment) || key === undefined || !value) {
          throw protocolErrors.unknownParameter(firstKey(child, `${name}.${segment}`));
        }
        out[key] = convert(value, shape.value, `${name}.${segment}.Value`, schema);
      }
      return out;
    }
  }
}

/** Builds the input of `operation` from its query parameters (Action, Version and auth already removed). */
export function queryToInput(params: Iterable<[string, string]>, inputShape: string, schema: WireSchema): Record<string, unknown> {
  return convert(buildTree(params), inputShape, '', schema) as Record<string, unknown>;
}
