// The course's JSON files (exercise data, WebContainer workspaces) fetched by the sandbox, and what the learner
// reads when one does not arrive: the file and the HTTP status, or no answer at all, in the page's language.
import type { SandboxTranslate } from '../i18n/sandbox-strings.ts';

/** A course file that did not arrive: its address and the HTTP status (undefined: no answer at all). */
export class DownloadFailed extends Error {
  constructor(readonly url: string, readonly status?: number) {
    super(`${url}: ${status ?? 'no answer'}`);
    this.name = 'DownloadFailed';
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  // fetch rejects (a TypeError with the browser's own English words) when nothing answers: offline, a proxy.
  const response = await fetch(url).catch(() => {
    throw new DownloadFailed(url);
  });
  if (!response.ok) throw new DownloadFailed(url, response.status);
  return (await response.json()) as T;
}

/** What went wrong, for the learner: a failed download in the page's words, any other error as it says. */
export function failureMessage(error: unknown, t: SandboxTranslate): string {
  if (error instanceof DownloadFailed) {
    return error.status === undefined ? t('download.noAnswer', { url: error.url }) : t('download.failed', { url: error.url, status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}
