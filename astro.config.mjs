// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefindSearch from './src/integrations/pagefind.ts';
import monacoPrebundle from './src/integrations/monaco-prebundle.ts';
import pageRunnerAndOffline from './src/integrations/page-runner.ts';
// WebContainer needs a cross-origin isolated page: the dev server sends the same headers as `npm start`
// (one list in src/server/headers.ts; tests/site/isolation-headers.test.ts checks the static hosts' copies).
import { isolationHeaders } from './src/server/headers.ts';

export default defineConfig({
  // EC2LAB_OUT_DIR lets parallel builds (tests, benchmarks) write to their own folder.
  outDir: process.env.EC2LAB_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // The service worker's precache list is made last, after Monaco's bundle and the search index exist.
  integrations: [mdx(), monacoPrebundle(), pagefindSearch(), pageRunnerAndOffline()],
  // Code blocks carry a light and a dark theme; src/layouts/theme.css shows the one the system asks for.
  markdown: { shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } } },
  server: { headers: isolationHeaders },
  vite: { server: { headers: isolationHeaders } },
});
