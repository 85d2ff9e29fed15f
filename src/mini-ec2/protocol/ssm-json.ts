// Systems Manager's wire protocol, AWS JSON 1.1, on the same endpoint as EC2's Query API: a POST whose
// `X-Amz-Target: AmazonSSM.<Operation>` header names the operation and whose body is the input as JSON
// (Content-Type application/x-amz-json-1.1). The answer is the output as JSON, timestamps as epoch
// seconds; an error is `{"__type": "<Code>", "message": "..."}` with the status of the error (400 for
// client errors). Source: botocore's ssm service-2.json (metadata: protocol json, jsonVersion 1.1,
// targetPrefix AmazonSSM) and the AWS JSON 1.1 protocol description in the Smithy documentation.
import { regionFromCredentialScope } from './region.ts';

/** The HTTP-shaped request and response of adapter.ts, restated here so the two modules do not import each other. */
type QueryRequest = { method: string; headers: Record<string, string | undefined>; body: string };
type QueryResponse = { status: number; headers: Record<string, string>; body: string };

const SSM_TARGET_PREFIX = 'AmazonSSM.';

/** What the adapter needs of a model: Systems Manager clients per region (MiniEc2 satisfies it). */
export type SsmServableModel = { ssmClient(region: string): object };

/** The operations served, by wire name (the client method is the camelCase name). */
const OPERATIONS = ['GetParameter', 'GetParameters', 'GetParametersByPath', 'SendCommand', 'GetCommandInvocation', 'ListCommandInvocations'];

const CONTENT_TYPE = 'application/x-amz-json-1.1';

export function isSsmRequest(headers: QueryRequest['headers']): boolean {
  return (headers['x-amz-target'] ?? '').startsWith(SSM_TARGET_PREFIX);
}

function json(status: number, body: unknown, requestId: string): QueryResponse {
  return { status, headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}

const fault = (status: number, type: string, message: string, requestId: string) => json(status, { __type: type, message }, requestId);

/** The output as JSON 1.1 sends it: Dates as epoch seconds, no SDK metadata, no undefined fields. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== '$metadata' && v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function serviceError(error: unknown): { code: string; message: string; status: number } | undefined {
  const e = error as { Code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } } | null;
  if (!e || typeof e.Code !== 'string' || typeof e.$metadata?.httpStatusCode !== 'number') return undefined;
  return { code: e.Code, message: typeof e.message === 'string' ? e.message : '', status: e.$metadata.httpStatusCode };
}

/** Answers one JSON 1.1 request for Systems Manager. */
export async function handleSsmRequest(
  model: SsmServableModel,
  request: QueryRequest,
  defaultRegion: string,
  onInternalError?: (error: unknown, action: string) => void,
): Promise<QueryResponse> {
  const requestId = crypto.randomUUID();
  const operation = (request.headers['x-amz-target'] ?? '').slice(SSM_TARGET_PREFIX.length);
  if (request.method.toUpperCase() !== 'POST') return fault(400, 'UnknownOperationException', 'Systems Manager takes POST requests only.', requestId);
  if (!OPERATIONS.includes(operation)) return fault(400, 'UnknownOperationException', `mini-EC2 does not serve AmazonSSM.${operation}.`, requestId);
  let input: unknown;
  try {
    input = request.body.trim() === '' ? {} : JSON.parse(request.body);
  } catch {
    return fault(400, 'SerializationException', 'The request body is not valid JSON.', requestId);
  }
  const region = regionFromCredentialScope(request.headers['authorization'], undefined, 'ssm') ?? defaultRegion;
  try {
    const client = model.ssmClient(region) as Record<string, (input: unknown) => Promise<unknown>>;
    const method = operation.charAt(0).toLowerCase() + operation.slice(1);
    return json(200, toWire(await client[method](input)), requestId);
  } catch (error) {
    const known = serviceError(error);
    if (known) return fault(known.status, known.code, known.message, requestId);
    onInternalError?.(error, operation);
    return fault(500, 'InternalServerError', 'An internal error has occurred.', requestId);
  }
}
