/** Time and timers, replaceable in tests. */
export interface Clock {
  now(): number;
  set(run: () => void, ms: number): unknown;
  clear(timer: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  set: (run, ms) => setTimeout(run, ms),
  clear: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * A debounce with a maximum wait: `run` fires `delayMs` after the last poke, but never later than `maxWaitMs`
 * after the first poke it has not yet served, so continuous typing still refreshes the underlines regularly.
 */
export class PauseOrMaxWait {
  private timer: unknown;
  private firstPoke: number | undefined;

  constructor(
    private readonly run: () => void,
    readonly delayMs: number,
    readonly maxWaitMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  poke(): void {
    const t = this.clock.now();
    this.firstPoke ??= t;
    this.clock.clear(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPoke + this.maxWaitMs - t));
    this.timer = this.clock.set(() => this.flush(), wait);
  }

  /** Run now if a run is waiting. */
  flush(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.run();
  }

  cancel(): void {
    this.clock.clear(this.timer);
    this.timer = undefined;
    this.firstPoke = undefined;
  }
}
