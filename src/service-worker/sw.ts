/// <reference lib="webworker" />
// The site's service worker (bundled by build.ts into <outDir>/sw.js with the list of files to precache).
// Two jobs:
// 1. Offline: on the first visit it caches the course (every lesson page in every language, the site's
//    scripts and styles with the editor, the page runner and the exercise data) with Workbox, so that
//    afterwards lessons open, the editor loads and Run grades with no network at all. Other same-origin
//    GETs go to the network first and fall back to the copy kept from an earlier visit.
// 2. COOP/COEP, the job of the former coi-sw.js: on hosts that cannot send headers (GitHub Pages) it adds
//    Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy to every response it serves, so the page
//    is cross-origin isolated (which the WebContainer terminal needs) after one reload (src/layouts/Base.astro).
//    The same headers as `npm start` sends (src/server/headers.ts, a server module the browser cannot import;
//    tests/site/deploy-config.test.ts checks this copy).
const isolationHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope;
/** Replaced at build time: [{ url, revision }] of every file to precache. */
declare const PRECACHE_MANIFEST: { url: string; revision: string }[];


function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolation = { handlerWillRespond: ({ response }: { response: Response }) => Promise.resolve(withIsolationHeaders(response)) };

void self.skipWaiting();
clientsClaim();
addPlugins([isolation]);
precacheAndRoute(PRECACHE_MANIFEST, { directoryIndex: 'index.html', ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
// API answers are never kept: a class's dashboard and hand-ins carry tokens and must be current (a stale
// grade from the cache would be wrong, and a teacher's data must not stay in Cache Storage).
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET' && !url.pathname.includes('/api/'),
  new NetworkFirst({ cacheName: 'ec2lab-pages', networkTimeoutSeconds: 4, plugins: [isolation] }),
);
