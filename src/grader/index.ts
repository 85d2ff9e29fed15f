// The grader's public face, shared by the CLI (`ec2-lab grade`) and the sandbox's local endpoint.
export { listExercises, loadExercise, manifestProblems } from './exercises.ts';
export { gradeSubmission, gradeBatch, gradeExercises, closeGrader, warmUpGrader, type BatchOptions, type MultiBatchOptions, type BatchResult, type BatchSubmission, type GradeSubmissionInput, type StudentResult } from './grade.ts';
export { GradeInputError, type Exercise, type ExerciseInfo, type ExerciseManifest, type Files, type GradeResult, type Locale, type TestResult, type TestStatus } from './exercise.ts';
