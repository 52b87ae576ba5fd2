/** Bytes → text, the way CareLint reads every input (files and standard input). */

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  /** `at`: optional `line:col` of the problem. */
  | { ok: false; at?: string; message: string };

export function decode(bytes: Uint8Array): Decoded {
  // UTF-16 with a byte-order mark: the mark is dropped (as Python's utf-16 codec does).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf16be');
  if (bytes.subarray(0, 8192).includes(0))
    return {
      ok: false,
      message:
        'binary file, skipped. CareLint reads text, Markdown, HTML and .docx; export it to one of these to check it',
    };
  try {
    // A UTF-8 byte-order mark stays in the text: offsets count it, as Python's utf-8 codec does.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf8',
    };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
    const line = countNewlines(bytes, lineStart) + 1;
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      at: `${line}:${column}`,
      message: `not valid UTF-8 (byte 0x${hex} at byte offset ${bad}); file skipped. Save it as UTF-8 (or UTF-16 with a byte-order mark) and check it again`,
    };
  }
}

/** Text → bytes in the encoding it was read from (UTF-16 gets its byte-order mark back). */
export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

function utf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): Decoded {
  if (bytes.length % 2 !== 0)
    return {
      ok: false,
      message: `not valid ${encoding === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (odd number of bytes); file skipped. Save it as UTF-8 and check it again`,
    };
  const label = encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  return { ok: true, text: new TextDecoder(label).decode(bytes), encoding };
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0; // no overlongs
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f; // not above U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}
