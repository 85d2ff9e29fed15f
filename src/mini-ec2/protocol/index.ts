// The EC2 Query protocol for mini-EC2, with no HTTP server and no Node built-ins: the adapter
// (request -> model -> XML), the SDK requestHandler, and the pieces they are made of.
export { API_VERSION, createQueryAdapter, errorResponse, methodName } from './adapter.ts';
export type { QueryAdapter, QueryAdapterOptions, QueryRequest, QueryResponse, ServableModel } from './adapter.ts';
export { MiniEc2RequestHandler } from './request-handler.ts';
export { ProtocolError, errorXml, protocolErrors } from './errors.ts';
export { parseForm } from './form.ts';
export { queryToInput } from './query-input.ts';
export { outputToXml, EC2_XMLNS } from './xml-output.ts';
export { regionFromCredentialScope } from './region.ts';
export { wireSchema } from './wire-schema.generated.ts';
