// The region of a request is the one in its SigV4 credential scope:
//   Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261123/us-west-2/ec2/aws4_request, SignedHeaders=..., Signature=...
// or, for a presigned query, X-Amz-Credential=AKID/20261123/us-west-2/ec2/aws4_request.
// Signatures are NOT verified: mini-EC2 trusts every caller (it is a local teaching tool).

// Systems Manager requests (ssm-json.ts) carry the same scope with the service name `ssm`.
const SCOPE = { ec2: /Credential=[^/\s,]*\/\d{8}\/([^/\s,]+)\/ec2\/aws4_request/, ssm: /Credential=[^/\s,]*\/\d{8}\/([^/\s,]+)\/ssm\/aws4_request/ };
const QUERY_SCOPE = /^[^/]*\/\d{8}\/([^/]+)\/ec2\/aws4_request$/;

export function regionFromCredentialScope(authorization: string | undefined, amzCredential: string | undefined, service: 'ec2' | 'ssm' = 'ec2'): string | undefined {
  const fromHeader = authorization ? SCOPE[service].exec(authorization)?.[1] : undefined;
  if (fromHeader) return fromHeader;
  return amzCredential ? QUERY_SCOPE.exec(amzCredential)?.[1] : undefined;
}

/** Query parameters that authenticate a request rather than describe it; they are not action input. */
export const AUTH_PARAMETERS = new Set([
  'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature',
  'X-Amz-Security-Token', 'AWSAccessKeyId', 'SignatureVersion', 'SignatureMethod', 'Signature', 'Timestamp', 'Expires',
  'SecurityToken',
]);
