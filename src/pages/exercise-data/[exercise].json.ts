// Sandbox data for one exercise (manifest, starter, solution, tests, type declarations), written at build
// time and fetched by the sandbox when it wakes up. Owned by the sandbox (src/publish/build-data.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildExerciseData, exerciseIds } from '../../publish/build-data.ts';

export const getStaticPaths: GetStaticPaths = () => exerciseIds().map((exercise) => ({ params: { exercise } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(buildExerciseData(String(params.exercise))), { headers: { 'content-type': 'application/json' } });
