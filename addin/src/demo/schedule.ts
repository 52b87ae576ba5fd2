/**
 * A debounce with a maximum wait: `run` fires `delayMs` after the last poke, but never later than `maxWaitMs`
 * after the first poke it has not yet served, so continuous typing still refreshes the underlines regularly.
 */
export class PauseOrMaxWait {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPoke: number | undefined;

  constructor(
    private readonly run: () => void,
    readonly delayMs: number,
    readonly maxWaitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  poke(): void {
    const t = this.now();
    this.firstPoke ??= t;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPoke + this.maxWaitMs - t));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Run now if a run is waiting. */
  flush(): void {
    if (this.timer === undefined) return;
    this.cancel();
    this.run();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.firstPoke = undefined;
  }
}
