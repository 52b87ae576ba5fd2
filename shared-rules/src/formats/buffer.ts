/**
 * The masking buffer and the helpers every format shares.
 *
 * A mask is a Uint16Array of the same length as the text (UTF-16 code units). Hidden code units are
 * overwritten, but '\n' and '\r' are never touched, so offsets and line breaks stay valid in the original.
 */

export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
/** Fill after a decoded entity: invisible inside a word, so `doesn&rsquo;t` still reads as one word. */
export const ZWSP = 0x200b;
/** Fill for a template placeholder: a run of these is one opaque word that matches nothing. */
export const OBJ = 0xfffc;

export type Mask = Uint16Array;

export function toMask(text: string): Mask {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export function maskToString(out: Mask): string {
  const CHUNK = 0x2000;
  if (out.length <= CHUNK) return String.fromCharCode.apply(null, out as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < out.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, out.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** Overwrite [start, end) with `ch`, keeping every '\n' and '\r'. */
export function fill(out: Mask, start: number, end: number, ch: number): void {
  const e = Math.min(end, out.length);
  for (let k = Math.max(0, start); k < e; k++) {
    const c = out[k];
    if (c !== LF && c !== CR) out[k] = ch;
  }
}

export function hide(out: Mask, start: number, end: number): void {
  fill(out, start, end, SPACE);
}

/**
 * Hide [start, end) and turn it into a paragraph break: "\n\n" at its first two positions, then spaces.
 * With `heading`, "\n\n# " instead, so a markdown-style section detector sees the heading text that follows.
 */
export function paragraphBreak(out: Mask, start: number, end: number, heading = false): void {
  hide(out, start, end);
  const e = Math.min(end, out.length);
  const marks = heading && e - start >= 4 ? [LF, LF, 0x23] : [LF, LF];
  for (let k = 0; k < marks.length && start + k < e; k++) out[start + k] = marks[k];
}

/** Index of the first '\n' or '\r' at or after `i` (or `end`). */
export function lineEnd(text: string, i: number, end = text.length): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
    i++;
  }
  return end;
}

/** Start of the line after the line break at `le` (which is a line end from lineEnd). */
export function nextLineStart(text: string, le: number): number {
  if (le >= text.length) return text.length;
  if (text.charCodeAt(le) === CR && text.charCodeAt(le + 1) === LF) return le + 2;
  return le + 1;
}

export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== 0x09) return false;
  }
  return true;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

export function isWhite(c: number): boolean {
  return c === SPACE || c === 0x09 || c === LF || c === CR || c === 0x0c;
}

/**
 * Next occurrence of a fixed string at or after a position, cached so that a scan asking with
 * non-decreasing positions costs O(n) in total, however many times it asks (no quadratic re-search
 * for unclosed delimiters).
 */
export class NextFinder {
  private from = -1;
  private found = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string | RegExp,
  ) {}

  /** First index >= i where the needle starts, or -1. */
  at(i: number): number {
    if (this.from >= 0 && this.from <= i && (this.found === -1 || this.found >= i)) return this.found;
    this.from = i;
    const n = this.needle;
    if (typeof n === 'string') {
      this.found = this.text.indexOf(n, i);
    } else {
      n.lastIndex = i;
      const m = n.exec(this.text);
      this.found = m ? m.index : -1;
    }
    return this.found;
  }
}
