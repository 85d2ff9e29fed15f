// Reads submissions from disk for `ec2-lab grade`: a file (one-file exercises) or a folder per student.
// A student's folder may hold the files directly, or be a returned assignment folder (<id>/<file>). A folder
// holding neither but holding sub-folders is a class: each sub-folder is a student.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BatchSubmission } from './grade.ts';
import { GradeInputError, type ExerciseManifest } from './exercise.ts';
import { holdsDeclaredFile, readHandInFile, readHandInFolder } from './hand-in.ts';

function studentFromFile(file: string, manifest: ExerciseManifest): string {
  const base = path.basename(file);
  if (manifest.files.includes(base)) return path.basename(path.dirname(path.resolve(file)));
  return base.replace(/\.[^.]+$/, '');
}

/**
 * The paths the teacher named are followed as given; inside a student's folder nothing is followed (see
 * hand-in.ts). A bad hand-in comes back with its problems, to be reported, never as an error of the batch.
 */
export function readSubmissions(paths: string[], manifest: ExerciseManifest): BatchSubmission[] {
  const submissions: BatchSubmission[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new GradeInputError(`no such file or folder: ${p}`);
    const stat = statSync(p);
    if (stat.isFile()) {
      if (manifest.files.length !== 1) {
        throw new GradeInputError(`exercise ${manifest.id} has several files (${manifest.files.join(', ')}): give a folder per student`);
      }
      submissions.push({ student: studentFromFile(p, manifest), ...readHandInFile(p, manifest) });
      continue;
    }
    // Only a folder without the files itself can be a class: then each real sub-folder (not a link) is a student.
    const students = holdsDeclaredFile(p, manifest) ? [] : readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => ({ student: d.name, folder: path.join(p, d.name) }));
    if (students.some((s) => holdsDeclaredFile(s.folder, manifest))) {
      submissions.push(...students.map((s) => ({ student: s.student, ...readHandInFolder(s.folder, manifest) })));
    } else submissions.push({ student: path.basename(path.resolve(p)), ...readHandInFolder(p, manifest) });
  }
  return uniqueStudents(submissions);
}

/** Two submissions named alike ("alice" twice) become "alice" and "alice (2)", so no row overwrites another. */
function uniqueStudents(submissions: BatchSubmission[]): BatchSubmission[] {
  const seen = new Map<string, number>();
  return submissions.map((s) => {
    const count = (seen.get(s.student) ?? 0) + 1;
    seen.set(s.student, count);
    return count === 1 ? s : { ...s, student: `${s.student} (${count})` };
  });
}
