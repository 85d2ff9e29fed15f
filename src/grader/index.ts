// The grader's public face, shared by the CLI (`ec2-lab grade`), the sandbox's local endpoint and the class server.
export { listExercises, loadExercise, manifestProblems } from './exercises.ts';
export { gradeSubmission, gradeBatch, gradeExercises, closeGrader, warmUpGrader, type BatchSubmission } from './grade.ts';
export { GradeInputError, type GradeResult } from './exercise.ts';
// The class server checks every hand-in with this before storing it (the grader checks again before grading).
export { checkHandIn, problemsIn } from './hand-in.ts';
