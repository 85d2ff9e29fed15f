// The events a sandbox root dispatches (the run-result event carries a GradeResult), named in one place for the
// sandbox (sender) and for the site's progress store and the live map (listeners), so neither listener imports
// the sandbox itself.

/** Dispatched on the sandbox root (bubbling) after every finished run; `detail` is the GradeResult. */
export const RUN_RESULT_EVENT = 'ec2lab:run-result';

/** Dispatched on the sandbox root (bubbling) once the editor is mounted. */
export const EDITOR_READY_EVENT = 'ec2lab:editor-ready';
