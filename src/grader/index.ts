// The grader's public face, shared by the CLI (`ec2-lab grade`) and the sandbox's local endpoint.
export { listExercises, loadExercise, manifestProblems } from './exercises.ts';
export { gradeSubmission, gradeBatch, gradeExercises, closeGrader, warmUpGrader, type BatchSubmission } from './grade.ts';
export { GradeInputError, type GradeResult } from './exercise.ts';
