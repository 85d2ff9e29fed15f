// The EC2 Query protocol adapter: one HTTP-shaped request in, one HTTP-shaped response out, with the model
// behind it. It knows nothing of sockets or servers, so the same code serves node:http (../server/) and
// the SDK's in-process requestHandler (request-handler.ts).
//
//   POST / (form body) or GET /?query  ->  Action, Version, region  ->  input via the wire schema
//   -> client.runInstances(input)  ->  XML response, or EC2's error envelope with the right status.
import { ProtocolError, errorXml, protocolErrors } from './errors.ts';
import { parseForm } from './form.ts';
import { queryToInput } from './query-input.ts';
import { AUTH_PARAMETERS, regionFromCredentialScope } from './region.ts';
import { outputToXml } from './xml-output.ts';
import { wireSchema as generatedSchema } from './wire-schema.generated.ts';
import type { WireSchema } from './wire-schema.ts';
import { handleSsmRequest, isSsmRequest, type SsmServableModel } from './ssm-json.ts';

const API_VERSION = '2016-11-15';

type QueryRequest = {
  method: string;
  /** The query string without its leading `?` ('' when none). */
  query: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: string;
};

export type QueryResponse = { status: number; headers: Record<string, string>; body: string };

/** What the adapter needs of a model: SDK-shaped clients per region (MiniEc2 satisfies it). */
export type ServableModel = { client(region: string): object; ssmClient?(region: string): object };

export type QueryAdapterOptions = {
  /** Region for unsigned requests (curl, a browser). Default us-east-1. */
  defaultRegion?: string;
  /** Called with anything the model throws that is not an EC2 service error (a bug): the caller logs it. */
  onInternalError?: (error: unknown, action: string) => void;
  schema?: WireSchema;
};

export type QueryAdapter = { handle(request: QueryRequest): Promise<QueryResponse> };

type ModelMethod = (input: unknown) => Promise<unknown>;

/** `RunInstances` -> `runInstances`. */
export function methodName(action: string): string {
  return action.charAt(0).toLowerCase() + action.slice(1);
}

function xmlResponse(status: number, body: string, requestId: string): QueryResponse {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId }, body };
}

export function errorResponse(error: ProtocolError, requestId: string = crypto.randomUUID()): QueryResponse {
  return xmlResponse(error.status, errorXml(error.code, error.message, requestId), requestId);
}

/** An error the model threw, shaped like the SDK's Ec2ServiceException (name/Code, message, $metadata). */
function asServiceError(error: unknown): ProtocolError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { Code?: unknown; name?: unknown; message?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const code = typeof e.Code === 'string' ? e.Code : undefined;
  const status = e.$metadata?.httpStatusCode;
  if (!code || typeof status !== 'number') return undefined;
  return new ProtocolError(code, typeof e.message === 'string' ? e.message : code, status);
}

function requestParameters(request: QueryRequest): Map<string, string> {
  const method = request.method.toUpperCase();
  if (method === 'GET') {
    if (request.query === '') throw protocolErrors.badMethod('GET without a query string');
    return parseForm(request.query);
  }
  if (method !== 'POST') throw protocolErrors.badMethod(method);
  const params = parseForm(request.body);
  for (const [key, value] of parseForm(request.query)) {
    if (params.has(key)) throw protocolErrors.duplicateParameter(key);
    params.set(key, value);
  }
  return params;
}

export function createQueryAdapter(model: ServableModel, options: QueryAdapterOptions = {}): QueryAdapter {
  const schema = options.schema ?? generatedSchema;
  const defaultRegion = options.defaultRegion ?? 'us-east-1';
  const clients = new Map<string, Record<string, unknown>>();
  const served = new Set(Object.keys(schema.operations));
  const known = new Set(schema.allOperationNames);

  function clientFor(region: string): Record<string, unknown> {
    let client = clients.get(region);
    if (!client) {
      try {
        client = model.client(region) as Record<string, unknown>;
      } catch (error) {
        throw asServiceError(error) ?? protocolErrors.unsupportedRegion(region);
      }
      clients.set(region, client);
    }
    return client;
  }

  async function dispatch(request: QueryRequest, requestId: string): Promise<QueryResponse> {
    const params = requestParameters(request);
    const action = params.get('Action');
    if (!action) throw protocolErrors.missingAction();
    const version = params.get('Version');
    if (version === undefined) throw protocolErrors.missingVersion();
    if (version !== API_VERSION) throw protocolErrors.noSuchVersion(version);

    const region = regionFromCredentialScope(request.headers['authorization'], params.get('X-Amz-Credential')) ?? defaultRegion;
    const client = clientFor(region);
    const method = client[methodName(action)];
    if (!served.has(action) || typeof method !== 'function') {
      throw known.has(action) ? protocolErrors.unsupportedOperation(action) : protocolErrors.invalidAction(action);
    }

    const inputParams = [...params].filter(([key]) => key !== 'Action' && key !== 'Version' && !AUTH_PARAMETERS.has(key));
    const operation = schema.operations[action];
    const input = queryToInput(inputParams, operation.input, schema);

    let output: unknown;
    try {
      output = await (method as ModelMethod).call(client, input);
    } catch (error) {
      const serviceError = asServiceError(error);
      if (serviceError) throw serviceError;
      options.onInternalError?.(error, action);
      throw protocolErrors.internal();
    }
    return xmlResponse(200, outputToXml(action, output, operation.output, requestId, schema), requestId);
  }

  return {
    async handle(request) {
      // Systems Manager shares the endpoint: its JSON 1.1 requests are told apart by X-Amz-Target.
      if (isSsmRequest(request.headers) && model.ssmClient) {
        return handleSsmRequest(model as SsmServableModel, request, defaultRegion, options.onInternalError);
      }
      const requestId = crypto.randomUUID();
      try {
        return await dispatch(request, requestId);
      } catch (error) {
        if (error instanceof ProtocolError) return errorResponse(error, requestId);
        options.onInternalError?.(error, 'unknown');
        return errorResponse(protocolErrors.internal(), requestId);
      }
    },
  };
}
