// The class server's API as the CLI calls it (`class create`, `submit`): JSON in and out, and the server's
// { error, message } turned into an error that names the request.
export class ClassApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ClassApiError';
  }
}

/** The server's base URL, checked: http(s) only, no trailing slash. */
export function serverUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--server must be the class server's address, like http://192.168.1.20:4322, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--server must start with http:// or https://, not "${value}"`);
  return url.origin;
}

export async function callApi<T>(server: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch (error) {
    throw new Error(`cannot reach the class server at ${server} (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}); is \`ec2-lab class serve\` running there?`, { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ClassApiError(response.status, 'not_json', `${server} answered ${method} ${path} with HTTP ${response.status} and no JSON: is it a class server?`);
  }
  if (!response.ok) {
    const { error, message } = body as { error?: string; message?: string };
    throw new ClassApiError(response.status, error ?? 'error', message ?? `HTTP ${response.status}`);
  }
  return body as T;
}
