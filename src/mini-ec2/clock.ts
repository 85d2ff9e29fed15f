/**
 * The model's clock. Every timestamp in the model comes from here, never from Date.now(), so tests are
 * deterministic: in `manual` mode (the default) time moves only when someone calls advance() (a test, or
 * a waiter "sleeping" through the model client). In `realtime` mode (the sandbox) simulated time runs at
 * `speed` times real time, and advance() still jumps ahead.
 */

export type ClockOptions = { mode: 'manual' } | { mode: 'realtime'; speed?: number };

/** Simulated start of every model unless told otherwise: after the newest catalog image. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 15, 9, 0, 0);

export class ModelClock {
  readonly mode: 'manual' | 'realtime';
  readonly speed: number;
  private base: number;
  private realBase: number;
  /** Called after the clock moves forward explicitly, so the model applies due transitions. */
  onAdvance: (() => void) | undefined;

  constructor(startTime: number, options: ClockOptions = { mode: 'manual' }) {
    this.mode = options.mode === 'realtime' ? 'realtime' : 'manual';
    const speed = options.mode === 'realtime' ? (options.speed ?? 1) : 1;
    this.speed = Number.isFinite(speed) && speed > 0 ? speed : 1;
    this.base = startTime;
    this.realBase = this.mode === 'realtime' ? Date.now() : 0;
  }

  /** Simulated milliseconds since the Unix epoch. */
  now(): number {
    if (this.mode === 'manual') return this.base;
    return this.base + Math.floor((Date.now() - this.realBase) * this.speed);
  }

  /** Moves simulated time forward by `ms` (negative or non-finite values are ignored). */
  advance(ms: number): number {
    if (Number.isFinite(ms) && ms > 0) this.base += Math.floor(ms);
    this.onAdvance?.();
    return this.now();
  }

  /** Real milliseconds that correspond to `simulatedMs` of model time (0 in manual mode). */
  realDelayFor(simulatedMs: number): number {
    return this.mode === 'manual' ? 0 : simulatedMs / this.speed;
  }
}
