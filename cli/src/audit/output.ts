/**
 * Where the report goes. A report names people and quotes their notes, so a file is created owner-only (0600) —
 * and an existing file is narrowed to 0600 before anything is written to it. Writes honour backpressure so a
 * large report is streamed, never held whole in memory.
 */
import { closeSync, fchmodSync, openSync } from 'node:fs';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export const REPORT_MODE = 0o600;

export interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** The file written, or undefined for standard output. */
  path?: string;
}

/** Opens --output now, so a bad path fails before a long audit instead of after it. */
export function openSink(path: string | undefined): Sink {
  if (path === undefined) return streamSink(process.stdout, false);
  const fd = openSync(path, 'w', REPORT_MODE);
  try {
    fchmodSync(fd, REPORT_MODE);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const sink = streamSink(createWriteStream('', { fd }), true);
  sink.path = path;
  return sink;
}

function streamSink(stream: Writable, owned: boolean): Sink {
  let pending = '';
  // a reader that stops early (`| head`) closes the pipe: stop writing rather than crash
  let closed = false;
  if (!owned) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed = true;
      stream.emit('drain');
    });
  }
  const flush = async () => {
    if (!pending || closed) return;
    const text = pending;
    pending = '';
    if (!stream.write(text) && !closed) await once(stream, 'drain');
  };
  return {
    // small writes are gathered into 64 KB blocks
    async write(text: string) {
      pending += text;
      if (pending.length >= 65536) await flush();
    },
    async close() {
      await flush();
      if (owned) {
        (stream as WriteStream).end();
        await once(stream, 'close');
      }
    },
  };
}
