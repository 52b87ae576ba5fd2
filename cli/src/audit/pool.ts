/**
 * A fixed pool of worker threads that lints batches of notes and hands the results back strictly in the order the
 * batches were submitted, whatever order the workers finish in. That is what makes 1 worker and 16 give the same
 * report. Each worker holds up to two batches, so it starts the next one the moment it finishes (not after a round
 * trip through a main thread that may be busy reading); at most `3 × workers` batches are in flight or waiting to be
 * applied, and `submit` waits when the pool is full, which stops the reader and keeps memory flat.
 */
import { Worker } from 'node:worker_threads';
import type { ScanOptions } from './scan';
import type { BatchRequest, BatchResult } from './worker';

export interface WorkerData {
  carelintAudit: ScanOptions;
}

/**
 * A worker's garbage is short-lived (one note's tokens); a small heap makes V8 collect it early instead of letting
 * each thread grow by tens of MB, which keeps peak memory flat with many workers (measured on an 80 MB export with
 * 2 workers: 317 MB peak RSS without limits, 245 MB with). 8 MB of young generation rather than 4 made one worker
 * about 5% faster on a 128 MB export (3.76 → 3.58 s) with no measurable change in peak RSS. 64 MB old space still
 * lints the longest note the reader accepts (16M characters, measured).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

/** Batches sent to one worker before it answers: one being linted, one waiting in its message queue. */
const BATCHES_PER_WORKER = 2;

/** The pool could not finish: a worker failed. The audit reports it and exits 2. */
export class PoolError extends Error {}

export class OrderedPool<Meta> {
  /** Batches each worker has been sent and not yet answered. */
  private readonly inFlight = new Map<Worker, number>();
  private readonly workers: Worker[] = [];
  private readonly queue: BatchRequest[] = [];
  private readonly done = new Map<number, BatchResult['results']>();
  private readonly metas = new Map<number, Meta>();
  private readonly waiters: Array<() => void> = [];
  private nextSeq = 0;
  private nextApply = 0;
  private failure: Error | undefined;
  private closing = false;
  private readonly limit: number;

  constructor(
    size: number,
    entry: string,
    options: ScanOptions,
    private readonly apply: (meta: Meta, results: BatchResult['results']) => void,
  ) {
    this.limit = size * (BATCHES_PER_WORKER + 1);
    const workerData: WorkerData = { carelintAudit: options };
    for (let i = 0; i < size; i++) {
      const w = new Worker(entry, { workerData, resourceLimits: WORKER_LIMITS });
      w.on('message', (r: BatchResult) => this.received(w, r));
      w.on('error', (e) =>
        this.fail(
          (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new Error(
                'an audit worker ran out of memory; a note in the export may be extremely long. Split the export or report this',
              )
            : e,
        ),
      );
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`an audit worker stopped with exit code ${code}`));
      });
      this.workers.push(w);
      this.inFlight.set(w, 0);
    }
  }

  /** Queues one batch; resolves once there is room for another. */
  async submit(texts: string[], meta: Meta): Promise<void> {
    while (this.nextSeq - this.nextApply >= this.limit && !this.failure)
      await new Promise<void>((r) => this.waiters.push(r));
    if (this.failure) throw this.failure;
    const seq = this.nextSeq++;
    this.metas.set(seq, meta);
    this.queue.push({ seq, texts });
    this.pump();
  }

  /** Waits for every batch to be applied, then stops the workers. */
  async close(): Promise<void> {
    while (this.nextApply < this.nextSeq && !this.failure) await new Promise<void>((r) => this.waiters.push(r));
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    if (this.failure) throw this.failure;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let least: Worker | undefined;
      for (const w of this.workers)
        if (this.inFlight.get(w)! < BATCHES_PER_WORKER && (!least || this.inFlight.get(w)! < this.inFlight.get(least)!))
          least = w;
      if (!least) return;
      this.inFlight.set(least, this.inFlight.get(least)! + 1);
      least.postMessage(this.queue.shift()!);
    }
  }

  private received(w: Worker, r: BatchResult): void {
    this.inFlight.set(w, this.inFlight.get(w)! - 1);
    this.pump();
    this.done.set(r.seq, r.results);
    while (this.done.has(this.nextApply)) {
      const seq = this.nextApply++;
      const results = this.done.get(seq)!;
      this.done.delete(seq);
      const meta = this.metas.get(seq)!;
      this.metas.delete(seq);
      try {
        this.apply(meta, results);
      } catch (e) {
        this.fail(e as Error);
        return;
      }
    }
    this.wake();
  }

  private fail(e: Error): void {
    this.failure ??= new PoolError(e.message);
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
