// Builds the source of src/mini-ec2/protocol/wire-schema.generated.ts from the SDK's EC2 schema.
// Pure (the SDK module and the schema reader are passed in) so a test can rebuild it in memory.
import type { NormalizedSchema as NormalizedSchemaClass } from '@smithy/core/schema';
import type { WireMember, WireShape } from '../src/mini-ec2/protocol/wire-schema.ts';

type SchemaReader = { of(ref: unknown): NormalizedSchemaClass };

// The actions mini-EC2 may serve: the course's subset of EC2 and its neighbours. Adding a name here and
// regenerating is all it takes for the protocol layer to parse and serialize a new model method.
export const SERVED_ACTIONS = [
  'AllocateAddress', 'AssociateAddress', 'AttachVolume', 'AuthorizeSecurityGroupEgress',
  'AuthorizeSecurityGroupIngress', 'CopyImage', 'CreateImage', 'CreateKeyPair', 'CreateLaunchTemplate',
  'CreateLaunchTemplateVersion', 'CreateSecurityGroup', 'CreateSnapshot', 'CreateSubnet', 'CreateTags',
  'CreateVolume', 'CreateVpc', 'DeleteKeyPair', 'DeleteLaunchTemplate', 'DeleteSecurityGroup',
  'DeleteSnapshot', 'DeleteSubnet', 'DeleteTags', 'DeleteVolume', 'DeleteVpc', 'DeregisterImage',
  'DescribeAccountAttributes', 'DescribeAddresses', 'DescribeAvailabilityZones', 'DescribeImageAttribute',
  'DescribeImages', 'DescribeInstanceAttribute', 'DescribeInstanceStatus', 'DescribeInstanceTypeOfferings',
  'DescribeInstanceTypes', 'DescribeInstances', 'DescribeKeyPairs', 'DescribeLaunchTemplateVersions',
  'DescribeLaunchTemplates', 'DescribeRegions', 'DescribeSecurityGroupRules', 'DescribeSecurityGroups',
  'DescribeSnapshots', 'DescribeSubnets', 'DescribeTags', 'DescribeVolumes', 'DescribeVpcs', 'DetachVolume',
  'DisableImageDeprecation', 'EnableImageDeprecation', 'GetConsoleOutput', 'ImportKeyPair',
  'ModifyImageAttribute', 'ModifyInstanceAttribute', 'ModifyLaunchTemplate', 'ModifySecurityGroupRules',
  'ModifySubnetAttribute', 'RebootInstances', 'ReleaseAddress', 'ResetImageAttribute',
  'RevokeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RunInstances', 'StartInstances',
  'StopInstances', 'TerminateInstances',
] as const;

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The wire description of every shape reachable from the served actions, keyed by shape name. */
export function collectShapes(sdk: Record<string, unknown>, reader: SchemaReader) {
  const shapes: Record<string, WireShape> = {};
  const operations: Record<string, { input: string; output: string | null }> = {};

  // Returns the name to reference a schema by: a primitive's type, or a named shape (described once).
  function refOf(ns: NormalizedSchemaClass): string {
    if (ns.isBooleanSchema()) return 'boolean';
    if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return 'number';
    if (ns.isTimestampSchema()) return 'timestamp';
    if (ns.isBlobSchema()) return 'blob';
    if (ns.isStringSchema()) return 'string';
    if (ns.isDocumentSchema()) return 'document';
    const target = reader.of(ns.getSchema());
    const name = target.getName();
    if (!name) throw new Error('unnamed aggregate shape');
    if (!(name in shapes)) {
      shapes[name] = { type: 'string' }; // placeholder first, so recursive shapes terminate
      shapes[name] = describe(target);
    }
    return name;
  }

  function describe(ns: NormalizedSchemaClass): WireShape {
    if (ns.isListSchema()) {
      const member = ns.getValueSchema();
      return { type: 'list', member: refOf(member), memberXml: String(member.getMergedTraits().xmlName ?? 'member') };
    }
    if (ns.isMapSchema()) {
      return { type: 'map', key: refOf(ns.getKeySchema()), value: refOf(ns.getValueSchema()) };
    }
    if (ns.isStructSchema()) {
      const members: Record<string, WireMember> = {};
      for (const [memberName, member] of ns.structIterator()) {
        const traits = member.getMergedTraits();
        const xml = String(traits.xmlName ?? memberName);
        const query = typeof traits.ec2QueryName === 'string' ? traits.ec2QueryName : capitalize(xml);
        members[memberName] = { target: refOf(member), query, xml };
      }
      return { type: 'structure', members };
    }
    throw new Error(`unsupported schema ${ns.getName(true)}`);
  }

  for (const action of SERVED_ACTIONS) {
    const op = sdk[`${action}$`];
    if (!Array.isArray(op) || op[0] !== 9) throw new Error(`no operation schema for ${action}`);
    const input = reader.of(op[4]);
    const output = reader.of(op[5]);
    operations[action] = { input: refOf(input), output: output.isUnitSchema() ? null : refOf(output) };
  }
  return { operations, shapes };
}

/** Every operation name of the EC2 API, so an action EC2 has but mini-EC2 lacks gets a truthful error. */
export function allOperationNames(sdk: Record<string, unknown>): string[] {
  return Object.keys(sdk)
    .filter((key) => key.endsWith('$') && Array.isArray(sdk[key]) && (sdk[key] as unknown[])[0] === 9)
    .map((key) => key.slice(0, -1))
    .sort();
}

export function buildWireSchemaSource(sdk: Record<string, unknown>, reader: SchemaReader, sdkVersion: string): string {
  const { operations, shapes } = collectShapes(sdk, reader);
  const lines: string[] = [];
  lines.push(`// GENERATED by scripts/generate-ec2-wire-schema.ts from @aws-sdk/client-ec2 ${sdkVersion}. Do not edit.`);
  lines.push('// Each structure member: target shape, query key (request) and XML element name (response).');
  lines.push(`import type { WireSchema } from './wire-schema.ts';`);
  lines.push('');
  lines.push('export const wireSchema: WireSchema = {');
  lines.push(`  sdkVersion: ${JSON.stringify(sdkVersion)},`);
  lines.push('  operations: {');
  for (const name of Object.keys(operations).sort()) lines.push(`    ${name}: ${JSON.stringify(operations[name])},`);
  lines.push('  },');
  lines.push('  shapes: {');
  for (const name of Object.keys(shapes).sort()) lines.push(`    ${name}: ${JSON.stringify(shapes[name])},`);
  lines.push('  },');
  lines.push('  allOperationNames: [');
  const names = allOperationNames(sdk);
  for (let i = 0; i < names.length; i += 6) lines.push(`    ${names.slice(i, i + 6).map((n) => JSON.stringify(n)).join(', ')},`);
  lines.push('  ],');
  lines.push('};');
  lines.push('');
  lines.push("/** The fields of each served action's request, as types: protocol/request-fields.ts checks the model's request types against them. */");
  lines.push('export type WireRequestFields = {');
  for (const name of Object.keys(operations).sort()) {
    const input = shapes[operations[name].input];
    const fields = input.type === 'structure' ? Object.keys(input.members).sort() : [];
    lines.push(`  ${name}: ${fields.length ? fields.map((f) => JSON.stringify(f)).join(' | ') : 'never'};`);
  }
  lines.push('};');
  return lines.join('\n') + '\n';
}
