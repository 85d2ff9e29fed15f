// A course file that does not arrive (a 404 on a half-copied site, no answer offline) is said in the learner's
// language, naming the file, instead of the browser's or our own English ("Failed to fetch", "<url>: 404").
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { translator } from '../../src/i18n/translate.ts';
import { DownloadFailed, failureMessage, fetchJson } from '../../src/sandbox/fetch-json.ts';

const URL_OF_DATA = '/exercise-data/launch.json';
const failedWith = async (fetchImpl: () => Promise<Response>): Promise<unknown> => {
  vi.stubGlobal('fetch', vi.fn(fetchImpl));
  return fetchJson(URL_OF_DATA).then(
    () => expect.unreachable('the download should have failed'),
    (error: unknown) => error,
  );
};

afterEach(() => vi.unstubAllGlobals());

describe('fetchJson', () => {
  it('returns the parsed JSON of a file that arrived', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"id":"launch"}', { status: 200 })));
    expect(await fetchJson(URL_OF_DATA)).toEqual({ id: 'launch' });
  });

  it('names the file and the status of a file that did not arrive, in each language', async () => {
    const error = await failedWith(async () => new Response('not here', { status: 404 }));
    expect(error).toBeInstanceOf(DownloadFailed);
    expect(failureMessage(error, translator(sandboxStrings, 'en'))).toBe(
      `a file the course needs did not load (${URL_OF_DATA}, HTTP status 404). Reload the page; if it happens again, this copy of the course may be incomplete.`,
    );
    expect(failureMessage(error, translator(sandboxStrings, 'pt-br'))).toMatch(/^um arquivo de que o curso precisa não carregou \(\/exercise-data\/launch\.json, status HTTP 404\)/);
    expect(failureMessage(error, translator(sandboxStrings, 'es'))).toMatch(/^un archivo que el curso necesita no se cargó \(\/exercise-data\/launch\.json, estado HTTP 404\)/);
  });

  it('says nothing answered when fetch itself rejects (offline), without the browser\'s English', async () => {
    const error = await failedWith(async () => Promise.reject(new TypeError('Failed to fetch')));
    const said = failureMessage(error, translator(sandboxStrings, 'pt-br'));
    expect(said).toBe(`um arquivo de que o curso precisa não carregou (${URL_OF_DATA}): nada respondeu. Verifique sua conexão e recarregue a página.`);
    expect(said).not.toMatch(/Failed to fetch/);
  });

  it('passes any other error on as it says', () => {
    expect(failureMessage(new Error('A execução parou'), translator(sandboxStrings, 'es'))).toBe('A execução parou');
  });
});
