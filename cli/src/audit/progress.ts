/**
 * A one-line progress bar with rate and ETA, on stderr and only when stderr is a terminal: piped or logged runs
 * get no carriage-return noise. Redrawn at most four times a second.
 */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly totalBytes: number,
    private readonly enabled = Boolean(process.stderr.isTTY),
  ) {}

  update(bytes: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 250) return;
    this.lastDraw = now;
    process.stderr.write(
      `\r${progressLine(bytes, this.totalBytes, (now - this.started) / 1000, process.stderr.columns ?? 80)}\x1b[K`,
    );
    this.drawn = true;
  }

  /** Clears the bar so a message can be written on a line of its own; the next update redraws it. */
  clear(): void {
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
    this.lastDraw = 0;
  }

  done(): void {
    this.clear();
  }
}

const MB = 1024 * 1024;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600),
    m = Math.floor((s % 3600) / 60),
    r = s % 60;
  return `${h ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(r).padStart(2, '0')}`;
}

export function progressLine(bytes: number, total: number, elapsed: number, columns: number): string {
  const fraction = total > 0 ? Math.min(1, bytes / total) : 0;
  const rate = elapsed > 0 ? bytes / MB / elapsed : 0;
  const eta = rate > 0 ? (total - bytes) / MB / rate : NaN;
  const digits = total < 10 * MB ? 1 : 0;
  const text = ` ${(fraction * 100).toFixed(0).padStart(3)}% ${(bytes / MB).toFixed(digits)}/${(total / MB).toFixed(digits)} MB  ${rate.toFixed(1)} MB/s  ETA ${Number.isFinite(eta) ? clock(eta) : '--:--'}`;
  const width = Math.max(10, Math.min(40, columns - text.length - 3));
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${text}`;
}
