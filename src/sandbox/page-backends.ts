// The page's shared engines: one backend choice per page, shared by every sandbox on it, the exercise data
// each sandbox loaded (the page runner grades against it; a WebContainer's results file is read with it), and
// the WebContainer, which only ever serves the terminal tab (never a Run).
import { type ExerciseData, exerciseDataUrl, workspaceUrl } from './exercise-data.ts';
import { type BackendChoice, chooseBackend } from './backends/choose.ts';
import { createLocalBackend, probeLocal } from './backends/local.ts';
import { createPageBackend, supportsModuleWorkers } from './backends/page.ts';
import { createWebContainerBackend, type Workspace } from './backends/webcontainer.ts';
import { fetchJson } from './fetch-json.ts';
import { kitReportToGradeResult } from './kit-report.ts';

export const loadedExercises = new Map<string, ExerciseData>();
let backendChoice: Promise<BackendChoice> | undefined;
let webcontainer: ReturnType<typeof createWebContainerBackend> | undefined;

export function chooseOnce(): Promise<BackendChoice> {
  backendChoice ??= chooseBackend({
    supportsModuleWorkers,
    createPage: () => {
      const backend = createPageBackend(async (id) => loadedExercises.get(id) ?? fetchJson<ExerciseData>(exerciseDataUrl(id)));
      void backend.warm().catch(() => {}); // a missing runner shows on the first Run
      return backend;
    },
    probeLocal: () => probeLocal(),
    createLocal: () => createLocalBackend(),
  });
  return backendChoice;
}

export function webcontainerOnce(onOutput: (text: string) => void) {
  webcontainer ??= createWebContainerBackend({
    boot: async () => {
      const { WebContainer } = await import('@webcontainer/api');
      return await WebContainer.boot({ coep: 'require-corp', workdirName: 'ec2lab' });
    },
    loadWorkspace: async (id) => fetchJson<Workspace>(workspaceUrl(id)),
    convertReport: (id, report, run) => {
      const data = loadedExercises.get(id);
      if (!data) throw new Error(`no data for exercise ${id}`);
      return kitReportToGradeResult(data, report, run, run.locale);
    },
    bootTimeoutMs: 15_000,
    onOutput,
  });
  return webcontainer;
}
