// The shape of the generated wire table (wire-schema.generated.ts): what the protocol layer needs to know
// about EC2's API model to turn query parameters into SDK inputs and SDK outputs into XML.

/** A primitive type, or the name of a shape in `WireSchema.shapes`. */
/** A primitive ('string', 'number', 'boolean', 'timestamp', 'blob', 'document') or the name of a shape. */
export type WireRef = string;

export type WireMember = {
  /** Primitive type or shape name. */
  target: WireRef;
  /** Key in a Query request (`MaxCount`, `ImageId`, `Filter`, `TagSpecification`...). */
  query: string;
  /** Element name in the XML response (`instancesSet`, `imageState`, `tagSet`...). */
  xml: string;
};

export type WireShape =
  | { type: 'string' }
  | { type: 'structure'; members: Record<string, WireMember> }
  | { type: 'list'; member: WireRef; memberXml: string }
  | { type: 'map'; key: WireRef; value: WireRef };

export type WireSchema = {
  sdkVersion: string;
  operations: Record<string, { input: string; output: string | null }>;
  shapes: Record<string, WireShape>;
  /** Every EC2 operation, served or not. */
  allOperationNames: string[];
};

