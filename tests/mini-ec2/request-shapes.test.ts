// Each request's fields live in three places: the request types (sdk-shapes.ts), the input checkers
// (request-shapes.ts) and the wire schema generated from the SDK. `npm run typecheck` keeps them in step
// (request-shapes.ts, protocol/request-fields.ts); the type assertions here compile only while it does,
// and the runtime part checks the same against the wire table the protocol layer really reads.
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Ec2Api } from '../../src/mini-ec2/api.ts';
import { str } from '../../src/mini-ec2/input-parser.ts';
import { SHAPES, type CheckersFor, type RequestOf } from '../../src/mini-ec2/request-shapes.ts';
import { wireSchema } from '../../src/mini-ec2/protocol/wire-schema.generated.ts';

describe('request shapes from one source', () => {
  test('there is one checker table per Ec2Api method, with exactly the fields of its request type', () => {
    expectTypeOf<keyof typeof SHAPES>().toEqualTypeOf<keyof Ec2Api>();
    expectTypeOf<keyof (typeof SHAPES)['runInstances']>().toEqualTypeOf<keyof RequestOf<'runInstances'>>();
    expectTypeOf<keyof (typeof SHAPES)['authorizeSecurityGroupIngress']>().toEqualTypeOf<keyof RequestOf<'authorizeSecurityGroupIngress'>>();

    const { MinCount: _dropped, ...withoutMinCount } = SHAPES.runInstances;
    // @ts-expect-error a RunInstances table without a MinCount checker does not type-check
    const missing: CheckersFor<RequestOf<'runInstances'>> = withoutMinCount;
    // @ts-expect-error nor one with a checker for a field RunInstancesRequest lacks
    const extra: CheckersFor<RequestOf<'runInstances'>> = { ...SHAPES.runInstances, NotAField: str() };
    expect(Object.keys(missing)).not.toContain('MinCount');
    expect(Object.keys(extra)).toContain('NotAField');
  });

  test('every field the model checks is a field of the same request on the wire', () => {
    const notOnTheWire: string[] = [];
    for (const [method, checkers] of Object.entries(SHAPES)) {
      const action = method[0].toUpperCase() + method.slice(1);
      const operation = wireSchema.operations[action];
      expect(operation, `${action} in the wire schema`).toBeDefined();
      const input = wireSchema.shapes[operation.input];
      expect(input.type).toBe('structure');
      const members = input.type === 'structure' ? input.members : {};
      for (const field of Object.keys(checkers)) if (!(field in members)) notOnTheWire.push(`${method}.${field}`);
    }
    expect(notOnTheWire).toEqual([]);
    expect(Object.keys(SHAPES)).toHaveLength(38); // 37 + getConsoleOutput (issue 13)
  });
});
