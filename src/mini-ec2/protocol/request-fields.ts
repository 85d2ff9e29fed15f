// The third copy of each request's fields is the wire schema generated from the SDK. It describes the
// whole SDK request (a superset of what the model serves), so the check is one way: every field of a
// model request type (sdk-shapes.ts) must exist on the wire, or the protocol layer could never fill it.
// `npm run typecheck` fails here naming `method.Field`; request-shapes.ts checks the model's checkers.
import type { Ec2Api } from '../api.ts';
import type { RequestOf } from '../request-shapes.ts';
import type { WireRequestFields } from './wire-schema.generated.ts';

type FieldsNotOnTheWire = {
  [M in keyof Ec2Api]: `${M}.${Exclude<keyof RequestOf<M> & string, WireRequestFields[Capitalize<M>]>}`;
}[keyof Ec2Api];

export const requestFieldsAreOnTheWire: [FieldsNotOnTheWire] extends [never] ? true : FieldsNotOnTheWire = true;
