// Writes an SDK-shaped output object as EC2's XML response, driven by the wire schema: each member
// becomes its wire element (`Instances` -> `instancesSet`, `State` -> `instanceState`), lists are
// wrappers of `<item>`, timestamps ISO 8601. Members the schema does not know are left out, as EC2
// would never send them. Each shape is compiled once into a list of members with their tags ready,
// which keeps a DescribeInstances page cheap (the schema walk itself dominated the cost).
import { escapeXml } from './errors.ts';
import type { WireRef, WireSchema } from './wire-schema.ts';

const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

type Writer = (value: unknown) => string;

function primitiveText(value: unknown): string {
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) {
    let binary = '';
    for (const byte of value) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
  return escapeXml(String(value));
}

const compiled = new WeakMap<WireSchema, Map<WireRef, Writer>>();

/** The writer of a shape's content (what goes between its element's tags), built once per shape. */
function writerFor(ref: WireRef, schema: WireSchema): Writer {
  let cache = compiled.get(schema);
  if (!cache) compiled.set(schema, (cache = new Map<string, Writer>()));
  const known = cache.get(ref);
  if (known) return known;

  const shape = schema.shapes[ref];
  let writer: Writer;
  // Registered before its parts are compiled, so recursive shapes resolve to it lazily.
  cache.set(ref, (value) => writer(value));
  if (!shape || shape.type === 'string') {
    writer = primitiveText;
  } else if (shape.type === 'structure') {
    const members = Object.entries(shape.members).map(([name, m]) => ({
      name,
      open: `<${m.xml}>`,
      close: `</${m.xml}>`,
      write: writerFor(m.target, schema),
    }));
    writer = (value) => {
      if (value === null || typeof value !== 'object') return '';
      const record = value as Record<string, unknown>;
      let xml = '';
      for (const member of members) {
        const memberValue = record[member.name];
        if (memberValue == null) continue;
        xml += member.open + member.write(memberValue) + member.close;
      }
      return xml;
    };
  } else if (shape.type === 'list') {
    const open = `<${shape.memberXml}>`;
    const close = `</${shape.memberXml}>`;
    const item = writerFor(shape.member, schema);
    writer = (value) => {
      if (!Array.isArray(value)) return '';
      let xml = '';
      for (const entry of value) if (entry != null) xml += open + item(entry) + close;
      return xml;
    };
  } else {
    const item = writerFor(shape.value, schema);
    writer = (value) => {
      let xml = '';
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        xml += `<entry><key>${escapeXml(key)}</key><value>${item(entry)}</value></entry>`;
      }
      return xml;
    };
  }
  cache.set(ref, writer);
  return writer;
}

/** `<RunInstancesResponse xmlns=...><requestId/>...members...</RunInstancesResponse>`. */
export function outputToXml(action: string, output: unknown, outputShape: string | null, requestId: string, schema: WireSchema): string {
  // EC2's body for actions with no output (RebootInstances...) is <return>true</return>.
  const content = outputShape === null ? '<return>true</return>' : writerFor(outputShape, schema)(output ?? {});
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_XMLNS}">` +
    `<requestId>${escapeXml(requestId)}</requestId>${content}</${action}Response>`
  );
}
