// The grader's public face, shared by the CLI (`ec2-lab grade`), the sandbox's local endpoint and the class server.
export { listExercises, loadExercise, manifestProblems } from './exercises.ts';
export { gradeSubmission, gradeBatch, gradeExercises, closeGrader, warmUpGrader, type BatchSubmission } from './grade.ts';
export { GradeInputError, type GradeResult } from './exercise.ts';
export { checkHandIn, describeProblems, type HandInProblem, type HandInProblemKind } from './hand-in.ts';
