// The page runner's entry for the rest of the site (the sandbox imports only this file).
export { createPageRunner, type ExerciseToGrade } from './page-runner.ts';
