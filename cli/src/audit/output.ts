/**
 * Where the report goes. A report names people and quotes their notes, so a file is created owner-only (0600).
 * It is written to a new file beside --output and renamed over it only when the audit finishes with something to
 * report, so an audit that read nothing (or stopped) never leaves an empty report or wipes an earlier one.
 * Writes honour backpressure so a large report is streamed, never held whole in memory.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

export const REPORT_MODE = 0o600;

export interface Sink {
  write(text: string): Promise<void>;
  /** Finishes the report; a file appears at its path only now. */
  close(): Promise<void>;
  /** Drops the report: nothing is written to the path (standard output cannot take back what it printed). */
  discard(): Promise<void>;
  /** The file written, or undefined for standard output. */
  path?: string;
}

/** Opens --output now, so a bad path fails before a long audit instead of after it. */
export function openSink(path: string | undefined): Sink {
  if (path === undefined) return streamSink(process.stdout, undefined);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  }
  const temp = join(dirname(path), `.${basename(path)}.carelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', REPORT_MODE);
  try {
    fchmodSync(fd, REPORT_MODE); // the umask may have left it wider
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    throw e;
  }
  const sink = streamSink(createWriteStream('', { fd }), { temp, path });
  sink.path = path;
  return sink;
}

function streamSink(stream: Writable, file: { temp: string; path: string } | undefined): Sink {
  let pending = '';
  // a reader that stops early (`| head`) closes the pipe: stop writing rather than crash
  let closed = false;
  if (!file) {
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
  const end = async () => {
    if (!file) return;
    (stream as WriteStream).end();
    await once(stream, 'close');
  };
  return {
    // small writes are gathered into 64 KB blocks
    async write(text: string) {
      pending += text;
      if (pending.length >= 65536) await flush();
    },
    async close() {
      await flush();
      await end();
      if (file) renameSync(file.temp, file.path);
    },
    async discard() {
      pending = '';
      await end();
      if (file) unlinkSync(file.temp);
    },
  };
}
