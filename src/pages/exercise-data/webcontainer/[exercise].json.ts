// The WebContainer file tree for one exercise (model sources, kit, tests, starter, package.json + lockfile),
// written at build time; fetched only once a WebContainer has booted. Owned by the sandbox.
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildWorkspace, exerciseIds } from '../../../publish/build-data.ts';

export const getStaticPaths: GetStaticPaths = () => exerciseIds().map((exercise) => ({ params: { exercise } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(buildWorkspace(String(params.exercise))), { headers: { 'content-type': 'application/json' } });
