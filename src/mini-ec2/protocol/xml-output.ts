// Writes an SDK-shaped output object as EC2's XML response, driven by the wire schema: each member
// becomes its wire element (`Instances` -> `instancesSet`, `State` -> `instanceState`), lists are
// wrappers of `<item>`, timestamps ISO 8601. Members the schema does not know are left out, as EC2
// would never send them.
import { escapeXml } from './errors.ts';
import type { WireRef, WireSchema } from './wire-schema.ts';

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function primitiveText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return btoa(String.fromCharCode(...value));
  return escapeXml(String(value));
}

function writeValue(value: unknown, ref: WireRef, schema: WireSchema, out: string[]): void {
  const shape = schema.shapes[ref];
  if (!shape || shape.type === 'string') {
    out.push(primitiveText(value));
    return;
  }
  switch (shape.type) {
    case 'structure':
      writeMembers(value as Record<string, unknown>, ref, schema, out);
      return;
    case 'list':
      if (!Array.isArray(value)) return;
      for (const item of value) {
        if (item == null) continue;
        out.push(`<${shape.memberXml}>`);
        writeValue(item, shape.member, schema, out);
        out.push(`</${shape.memberXml}>`);
      }
      return;
    case 'map':
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        out.push(`<entry><key>${escapeXml(key)}</key><value>`);
        writeValue(item, shape.value, schema, out);
        out.push('</value></entry>');
      }
      return;
  }
}

function writeMembers(value: Record<string, unknown>, shapeName: string, schema: WireSchema, out: string[]): void {
  const shape = schema.shapes[shapeName];
  if (!shape || shape.type !== 'structure' || value === null || typeof value !== 'object') return;
  for (const [memberName, member] of Object.entries(shape.members)) {
    const memberValue = value[memberName];
    if (memberValue == null) continue;
    out.push(`<${member.xml}>`);
    writeValue(memberValue, member.target, schema, out);
    out.push(`</${member.xml}>`);
  }
}

/** `<RunInstancesResponse xmlns=...><requestId/>...members...</RunInstancesResponse>`. */
export function outputToXml(action: string, output: unknown, outputShape: string | null, requestId: string, schema: WireSchema): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n', `<${action}Response xmlns="${EC2_XMLNS}">`];
  out.push(`<requestId>${escapeXml(requestId)}</requestId>`);
  if (outputShape === null) {
    out.push('<return>true</return>'); // EC2's body for actions with no output (RebootInstances...)
  } else {
    writeMembers((output ?? {}) as Record<string, unknown>, outputShape, schema, out);
  }
  out.push(`</${action}Response>`);
  return out.join('');
}
