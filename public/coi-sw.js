// COOP/COEP service worker, for static hosts that cannot send headers (GitHub Pages).
// The WebContainer sandbox needs a cross-origin isolated page, which takes two response headers. When the host
// does not send them, src/layouts/Base.astro registers this worker; it re-serves every same-origin response
// with the headers added, and the page reloads once under its control. Hosts that send the headers
// (npm start, Netlify, Cloudflare Pages, Vercel: see _headers and vercel.json) never register it.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Chrome's devtools quirk: such requests cannot be re-fetched from a worker.
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  if (new URL(request.url).origin !== self.location.origin) return; // cross-origin: the browser's own rules
  event.respondWith(
    fetch(request).then((response) => {
      if (response.status === 0 || response.type === 'opaqueredirect') return response;
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  );
});
