// Extra routes of `npm start`, beside the static site. Add yours here (the sandbox adds POST /api/grade from
// ./grade-endpoint.ts): `import { gradeRoute } from './grade-endpoint.ts'` and list it below.
import type { Route } from './app.ts';
import { createGradeRoutes } from './grade-endpoint.ts';

export const routes: Route[] = [...createGradeRoutes()];
