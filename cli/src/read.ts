import { readFile, stat } from 'node:fs/promises';
import { decode, type Encoding } from './decode';
import { docxText } from './docx';
import { ioMessage } from './io-message';
import type { Input } from './inputs';

export const MAX_BYTES = 50 * 1024 * 1024;

export type Read =
  | { ok: true; text: string; docx: boolean; encoding: Encoding; bytes: Buffer }
  | { ok: false; at?: string; message: string };

export async function readInput(input: Input): Promise<Read> {
  let bytes: Buffer;
  if (input.path === undefined) {
    bytes = await readStdin();
  } else {
    try {
      const info = await stat(input.path);
      if (info.isDirectory()) return { ok: false, message: 'is a folder, not a file' };
      if (info.size > MAX_BYTES) return tooLarge(info.size);
      bytes = await readFile(input.path);
    } catch (e) {
      return { ok: false, message: ioMessage(e) };
    }
  }
  if (bytes.length > MAX_BYTES) return tooLarge(bytes.length);
  if (input.docx) {
    try {
      return { ok: true, text: await docxText(bytes), docx: true, encoding: 'utf8', bytes };
    } catch {
      return {
        ok: false,
        message:
          'could not be read as a Word document (.docx); file skipped. Open it in Word and save it again as .docx',
      };
    }
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, docx: false, encoding: decoded.encoding, bytes };
}

function tooLarge(size: number): Read {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const bytes = (count: number) => `${count.toLocaleString('en-GB')} bytes`;
  // in MB unless that rounds down to the limit itself ("50.0 MB, over the 50 MB limit"): then exact bytes
  const over =
    mb(size) === mb(MAX_BYTES)
      ? `${bytes(size)}, ${bytes(size - MAX_BYTES)} over the 50 MB limit (${bytes(MAX_BYTES)})`
      : `${mb(size)} MB, over the 50 MB limit`;
  return { ok: false, message: `file is ${over}; skipped. Split it into smaller files` };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
