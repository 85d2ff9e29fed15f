// The exercise as a zipped assignment folder (README in the page's language), written at build time and
// offered by the sandbox when neither a WebContainer nor the course server can run the tests. Owned by the sandbox.
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales } from '../../../../i18n/locales.ts';
import { buildDownload, exerciseIds } from '../../../../publish/build-data.ts';

export const getStaticPaths: GetStaticPaths = () =>
  exerciseIds().flatMap((exercise) => locales.map((locale) => ({ params: { exercise, locale } })));

export const GET: APIRoute = ({ params }) =>
  new Response(new Uint8Array(buildDownload(String(params.exercise), params.locale as (typeof locales)[number])), {
    headers: { 'content-type': 'application/zip' },
  });
