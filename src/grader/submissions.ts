// Reads submissions from disk for `ec2-lab grade`: a file (one-file exercises) or a folder per student.
// A student's folder may hold the files directly, or be a returned assignment folder (<id>/<file>). A folder
// holding neither but holding sub-folders is a class: each sub-folder is a student.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BatchSubmission } from './grade.ts';
import { GradeInputError, type ExerciseManifest, type Files } from './exercise.ts';
import { LIMITS } from './input-checks.ts';

function readIfSmall(file: string): string | undefined {
  const size = statSync(file).size;
  if (size > LIMITS.fileBytes) return undefined; // the grader then reports the file as missing; we say why below
  return readFileSync(file, 'utf8');
}

/** The declared files found in a student's folder (looked up directly, then in <folder>/<exercise-id>/). */
function filesInFolder(folder: string, manifest: ExerciseManifest): Files {
  const files: Files = {};
  for (const name of manifest.files) {
    for (const candidate of [path.join(folder, name), path.join(folder, manifest.id, name), path.join(folder, 'submission', name)]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) {
        const content = readIfSmall(candidate);
        if (content !== undefined) files[name] = content;
        break;
      }
    }
  }
  return files;
}

function studentFromFile(file: string, manifest: ExerciseManifest): string {
  const base = path.basename(file);
  if (manifest.files.includes(base)) return path.basename(path.dirname(path.resolve(file)));
  return base.replace(/\.[^.]+$/, '');
}

export function readSubmissions(paths: string[], manifest: ExerciseManifest): BatchSubmission[] {
  const submissions: BatchSubmission[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new GradeInputError(`no such file or folder: ${p}`);
    const stat = statSync(p);
    if (stat.isFile()) {
      if (manifest.files.length !== 1) {
        throw new GradeInputError(`exercise ${manifest.id} has several files (${manifest.files.join(', ')}): give a folder per student`);
      }
      const content = readIfSmall(p);
      if (content === undefined) throw new GradeInputError(`${p} is larger than ${LIMITS.fileBytes} bytes`);
      submissions.push({ student: studentFromFile(p, manifest), files: { [manifest.files[0]]: content } });
      continue;
    }
    const files = filesInFolder(p, manifest);
    // Only a folder without the files itself can be a class: then each sub-folder is a student.
    const students = Object.keys(files).length > 0 ? [] : readdirSync(p, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => ({ student: d.name, files: filesInFolder(path.join(p, d.name), manifest) }));
    if (students.some((s) => Object.keys(s.files).length > 0)) submissions.push(...students);
    else submissions.push({ student: path.basename(path.resolve(p)), files });
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
