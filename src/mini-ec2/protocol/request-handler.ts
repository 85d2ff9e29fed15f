// An in-process requestHandler for @aws-sdk/client-ec2: the SDK builds, signs and parses real EC2 Query
// requests, and this handler answers them through the protocol adapter on a given model, with no network.
//
//   const ec2 = new EC2({ region: 'us-east-1', credentials, requestHandler: new MiniEc2RequestHandler(model) });
//
// It implements the SDK's HttpHandler interface by shape (handle / updateHttpClientConfig /
// httpHandlerConfigs / destroy) so the protocol layer does not depend on @smithy packages.
import { createQueryAdapter, type QueryAdapter, type QueryAdapterOptions, type ServableModel } from './adapter.ts';

/** The parts of the SDK's HttpRequest the handler reads. */
export type SdkHttpRequest = {
  method: string;
  headers: Record<string, string>;
  query?: Record<string, string | string[] | null>;
  body?: unknown;
};

export type SdkHttpResponse = { statusCode: number; reason?: string; headers: Record<string, string>; body: Uint8Array };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function queryString(query: SdkHttpRequest['query']): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      parts.push(v == null ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.join('&');
}

function bodyText(body: unknown): string {
  if (body == null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  throw new TypeError('mini-EC2 requestHandler: streaming request bodies are not supported');
}

export class MiniEc2RequestHandler {
  private readonly adapter: QueryAdapter;

  constructor(model: ServableModel, options: QueryAdapterOptions = {}) {
    this.adapter = createQueryAdapter(model, options);
  }

  async handle(request: SdkHttpRequest, _options?: { abortSignal?: unknown }): Promise<{ response: SdkHttpResponse }> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const answer = await this.adapter.handle({
      method: request.method,
      query: queryString(request.query),
      headers,
      body: bodyText(request.body),
    });
    return { response: { statusCode: answer.status, headers: answer.headers, body: encoder.encode(answer.body) } };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
