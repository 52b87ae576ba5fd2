/**
 * A full garbage collection every so many MB read. Chunks of the export and the texts waiting in batches live
 * just long enough to be promoted to V8's old generation, and V8 then lets the heap grow to several times its
 * live size before collecting it: on a 600 MB export the main thread's heap swung between 90 and 260 MB. Collecting
 * every 64 MB keeps it near the live size (the per-person summaries) for a few ms per collection.
 * `gc` is reachable only through --expose-gc; set at run time it applies to contexts made afterwards.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const EVERY_BYTES = 64 * 1024 * 1024;

export class Collector {
  private readonly gc: (() => void) | undefined;
  private next = EVERY_BYTES;

  constructor() {
    try {
      setFlagsFromString('--expose-gc');
      this.gc = runInNewContext('gc') as () => void;
    } catch {
      this.gc = undefined; // without it memory is still bounded, only looser
    }
  }

  /** Called with the total bytes read so far. */
  maybeCollect(bytesRead: number): void {
    if (bytesRead < this.next || !this.gc) return;
    this.next = bytesRead + EVERY_BYTES;
    this.gc();
  }
}
