import { CharClass, charClass } from './chars';

/**
 * Plain ASCII words read straight from the text: hashed as they are scanned and compared in place, so the hot
 * loops (the start scan, phrase walks) turn most words away without slicing or case-folding them.
 */

/** Character classes of the ASCII range, as charClass gives them. */
export const ASCII = new Uint8Array(128).map((_, c) => charClass(c));

/** Hash of a lower-case ASCII word, as asciiWordEnd computes it character by character. */
export function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/** Hash of the last word asciiWordEnd read (a module variable, so reading a word allocates nothing). */
let hashed = 0;

export function lastWordHash(): number {
  return hashed;
}

/**
 * End of a word of ASCII letters and digits with inner apostrophes or ampersands, hashing it into lastWordHash()
 * as it goes (| 32 folds capitals and leaves digits, "'" and "&" alone); -1 when the word or the character after
 * it is not ASCII (the caller then reads it with the tokenizer's own wordEnd and normalizeWord).
 */
export function asciiWordEnd(text: string, start: number, end: number): number {
  let h = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    const cls = ASCII[c];
    if (cls === CharClass.Inner && i + 1 < end) {
      const n = text.charCodeAt(i + 1);
      if (n >= 128) return -1;
      if (ASCII[n] !== CharClass.Word) break;
    } else if (cls !== CharClass.Word) break;
    h = (Math.imul(h, 31) + (c | 32)) | 0;
    i++;
  }
  hashed = h;
  return i;
}

/** Whether text[start, end) is `word` (lower-case ASCII) in any letter case. */
function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

const BUCKETS = 1 << 16;

/** Values keyed by lower-case ASCII words, looked up in place right after asciiWordEnd has read a word. */
export class AsciiWordTable<T> {
  private readonly byHash = new Map<number, Array<{ text: string; value: T }>>();
  /** One bit per hash bucket: most words are turned away by one array read. */
  private readonly buckets = new Uint8Array(BUCKETS);

  add(text: string, value: T): void {
    const h = hashOf(text);
    this.buckets[h & (BUCKETS - 1)] = 1;
    const list = this.byHash.get(h);
    if (list) list.push({ text, value });
    else this.byHash.set(h, [{ text, value }]);
  }

  /** The value for text[start, end), in any letter case: the word asciiWordEnd just read (its hash is current). */
  find(text: string, start: number, end: number): T | undefined {
    if (this.buckets[hashed & (BUCKETS - 1)] === 0) return undefined;
    const list = this.byHash.get(hashed);
    // a plain loop, not find(): a closure per word would be garbage on the hottest path
    if (list) for (let k = 0; k < list.length; k++) if (sameWord(text, start, end, list[k].text)) return list[k].value;
    return undefined;
  }
}
