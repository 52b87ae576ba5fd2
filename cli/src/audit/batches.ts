/**
 * Groups records into the batches sent to the worker pool. A batch closes at BATCH_RECORDS notes or BATCH_CHARS
 * characters of text, whichever comes first: small enough that a few in flight stay a few MB, large enough that
 * messaging costs little next to linting. The texts go to a worker; who and when stay here (BatchMeta).
 */
import type { ExportRecord } from './export-reader';
import type { OrderedPool } from './pool';

const BATCH_RECORDS = 512;
const BATCH_CHARS = 256 * 1024;

export interface BatchMeta {
  file: string;
  ids: string[];
  dates: Array<string | null>;
  lines: number[];
}

export class Batcher {
  private texts: string[] = [];
  private meta: BatchMeta;
  private chars = 0;
  private readonly ready: Array<[string[], BatchMeta]> = [];

  constructor(private readonly file: string) {
    this.meta = this.empty();
  }

  add(r: ExportRecord): void {
    this.texts.push(r.text);
    this.meta.ids.push(r.id);
    this.meta.dates.push(r.date);
    this.meta.lines.push(r.line);
    this.chars += r.text.length;
    if (this.texts.length >= BATCH_RECORDS || this.chars >= BATCH_CHARS) this.close();
  }

  /** Closes the open batch (at the end of a file). */
  close(): void {
    if (this.texts.length === 0) return;
    this.ready.push([this.texts, this.meta]);
    this.texts = [];
    this.meta = this.empty();
    this.chars = 0;
  }

  /** Hands the closed batches to the pool, waiting whenever it is full. */
  async submit(pool: OrderedPool<BatchMeta>): Promise<void> {
    for (const [texts, meta] of this.ready.splice(0)) await pool.submit(texts, meta);
  }

  private empty(): BatchMeta {
    return { file: this.file, ids: [], dates: [], lines: [] };
  }
}
