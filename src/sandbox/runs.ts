// One run at a time: starting a run aborts the one in progress (its result, if it still arrives, is dropped).
import { RunCancelled } from './backends/backend.ts';

export class RunQueue {
  private current: AbortController | undefined;

  /** Starts `task` with a fresh signal, cancelling any previous task. Resolves undefined if superseded. */
  async start<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    try {
      const value = await task(controller.signal);
      return controller.signal.aborted ? undefined : value;
    } catch (error) {
      if (controller.signal.aborted || error instanceof RunCancelled) return undefined;
      throw error;
    } finally {
      if (this.current === controller) this.current = undefined;
    }
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  cancel(): void {
    this.current?.abort();
    this.current = undefined;
  }
}
