// Where the course server grades a submission over HTTP (GET: can you grade? POST: grade this). One name for
// both ends: the server answers here (src/server/grade-endpoint.ts), the sandbox's local backend asks here.
export const GRADE_PATH = '/api/grade';
