import { isAgeWithUnit } from './age-unit';
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
 * it is not ASCII or is an age with its unit (the caller then reads it with the tokenizer's own wordEnd and
 * normalizeWord).
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
    } else if (c === 58 && i > start && i + 1 < end) {
      // a colon between digits joins them, as the tokenizer's isDigitColon: "1:1", "10:30"
      const p = text.charCodeAt(i - 1);
      const n = text.charCodeAt(i + 1);
      if (!(p >= 48 && p <= 57 && n >= 48 && n <= 57)) break;
    } else if (cls !== CharClass.Word) break;
    h = (Math.imul(h, 31) + (c | 32)) | 0;
    i++;
  }
  hashed = h;
  // an age with its unit ("17yo") is read by normalizeWord, which folds it to the unit: no table holds every number
  if (text.charCodeAt(start) <= 57 && isAgeWithUnit(text, start, i)) return -1;
  return i;
}

/** Whether text[start, end) is `word` (lower-case ASCII) in any letter case. */
function sameWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * A word list looked up by the words asciiWordEnd reads: entries (a spelling and the index of its word in the list)
 * in open addressing over an Int32Array, compared in place. Start-up fills tables of thousands of words (the phrase
 * graph's first words and its vocabulary) on the first lint: adding an entry is a hash and a few integer writes, with
 * no object, array or Map entry per word, and most absent words are turned away by one read.
 */
export class AsciiWordTable {
  private readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  /** Per entry, the index of its word. */
  private readonly values: number[] = [];
  /** Per entry, whether find() and lookup() pass over it (hide). */
  private readonly hidden: boolean[] = [];
  /**
   * Entry index + 1 per slot, 0 for an empty slot. Made a sixteenth full for the words expected (never more than a
   * quarter): an absent word, most of a text's, is turned away by one read, as a bitmap did before.
   */
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 0) {
    let size = 64;
    while (size < expected * 16) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  add(text: string, value: number): void {
    const entry = this.texts.length;
    this.texts.push(text);
    this.hashes.push(hashOf(text));
    this.values.push(value);
    this.hidden.push(false);
    if ((entry + 1) * 4 > this.slots.length) this.resize(this.slots.length * 2);
    else this.place(entry);
  }

  /**
   * add(words[i], i) for every word, in order, in one loop: the same entries in the same slots. Start-up fills
   * tables of 5,748 words, and a call of add() per word, run before V8 optimises it, cost twice the loop (32 M
   * instructions against 18 M for one table).
   */
  addWords(words: readonly string[]): void {
    const { texts, hashes, values, hidden, slots, mask } = this;
    if ((texts.length + words.length) * 4 > slots.length) {
      for (let i = 0; i < words.length; i++) this.add(words[i], i);
      return;
    }
    for (let i = 0; i < words.length; i++) {
      const text = words[i];
      let h = 0;
      for (let k = 0; k < text.length; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
      const entry = texts.length;
      texts.push(text);
      hashes.push(h);
      values.push(i);
      hidden.push(false);
      let at = h & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
    }
  }

  /** Hides the entries of `text` that hold `value`: find() and lookup() no longer return them, indexOf() still does. */
  hide(text: string, value: number): void {
    const h = hashOf(text);
    for (let s = h & this.mask, e = this.slots[s]; e !== 0; s = (s + 1) & this.mask, e = this.slots[s])
      if (this.hashes[e - 1] === h && this.values[e - 1] === value && this.texts[e - 1] === text)
        this.hidden[e - 1] = true;
  }

  /** The value of the first entry whose text is `word` (lower-case), or -1; hidden entries too when `all`. */
  lookup(word: string, all = false): number {
    const h = hashOf(word);
    for (let s = h & this.mask, e = this.slots[s]; e !== 0; s = (s + 1) & this.mask, e = this.slots[s]) {
      const k = e - 1;
      if (this.hashes[k] === h && (all || !this.hidden[k]) && this.texts[k] === word) return this.values[k];
    }
    return -1;
  }

  /** The value for text[start, end), in any letter case: the word asciiWordEnd just read (its hash is current); -1 if none. */
  find(text: string, start: number, end: number): number {
    const h = hashed;
    const { slots, mask, hashes, hidden, texts } = this;
    // a plain loop: a closure per word would be garbage on the hottest path
    for (let s = h & mask, e = slots[s]; e !== 0; s = (s + 1) & mask, e = slots[s]) {
      const k = e - 1;
      if (hashes[k] === h && !hidden[k] && sameWord(text, start, end, texts[k])) return this.values[k];
    }
    return -1;
  }

  private place(entry: number): void {
    let s = this.hashes[entry] & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = entry + 1;
  }

  private resize(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let entry = 0; entry < this.texts.length; entry++) this.place(entry);
  }
}
