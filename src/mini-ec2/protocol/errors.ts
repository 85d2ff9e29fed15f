// Errors the protocol layer answers itself (before or around the model), and EC2's error envelope.
// Codes and statuses follow EC2 and the AWS common-errors reference; messages marked "(wording unverified)"
// in tests are close to AWS's but not confirmed word for word.

export class ProtocolError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export const protocolErrors = {
  missingAction: () => new ProtocolError('MissingAction', 'The request must contain the parameter Action'),
  invalidAction: (action: string) => new ProtocolError('InvalidAction', `The action ${action} is not valid for this web service.`),
  unsupportedOperation: (action: string) =>
    new ProtocolError('UnsupportedOperation', `The action ${action} is not supported by mini-EC2.`),
  missingVersion: () => new ProtocolError('MissingParameter', 'The request must contain the parameter Version'),
  noSuchVersion: (version: string) =>
    new ProtocolError('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`),
  malformedQuery: (detail: string) => new ProtocolError('MalformedQueryString', `The query string contains a syntax error: ${detail}`, 404),
  unknownParameter: (name: string) => new ProtocolError('UnknownParameter', `The parameter ${name} is not recognized`),
  badValue: (name: string, value: string, expected: string) =>
    new ProtocolError('InvalidParameterValue', `Value (${value}) for parameter ${name} is invalid. Expected: '${expected}'.`),
  duplicateParameter: (name: string) => new ProtocolError('InvalidParameterValue', `The parameter ${name} is given more than once`),
  tooLarge: (limit: number) => new ProtocolError('RequestEntityTooLarge', `The request body is larger than ${limit} bytes`, 413),
  timeout: () => new ProtocolError('RequestTimeout', 'The request was not received in full in time', 408),
  badMethod: (method: string) =>
    new ProtocolError('UnsupportedHttpVerb', `The HTTP method ${method} is not supported: use POST, or GET with a query string`, 405),
  headersTooLarge: () => new ProtocolError('RequestHeaderSectionTooLarge', 'The request headers are too large', 431),
  badHttp: (detail: string) => new ProtocolError('MalformedHttpRequest', `The HTTP request could not be parsed (${detail})`),
  unsupportedRegion: (region: string) => new ProtocolError('UnsupportedRegion', `The region '${region}' is not served by mini-EC2`),
  internal: () => new ProtocolError('InternalError', 'An internal error has occurred', 500),
};

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot carry these control characters: finding them is the point
const NEEDS_ESCAPE = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // the common case: IDs, states, names
  // eslint-disable-next-line no-control-regex -- as above
  return text.replace(/[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      case '\r': return '&#13;';
      default: return '\uFFFD'; // not representable in XML 1.0 at all
    }
  });
}

/** EC2's error body: `<Response><Errors><Error>...</Error></Errors><RequestID/></Response>`. */
export function errorXml(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors>` +
    `<RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}
