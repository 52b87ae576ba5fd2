/**
 * The pre-check that keeps the model cheap: a sentence is tokenized and scored only when it holds a trigger, a word
 * (a run of ASCII letters) whose own feature or 5-letter beginning weighs heavily towards some category. Triggers
 * are found by one pass over the characters of a chunk, hashing letters as they go: no strings, no tokens. Training
 * lists the triggers from the words it saw (shared-rules/scripts/model/triggers.ts), leaving out letter runs common in
 * ordinary note sentences ("that", "she"), so a few percent of a clinical note's sentences are scored. The gate is
 * part of the model: a sentence whose only heavy word is such a common run is not read (docs/detection.md).
 */

/** Letters a run needs before it can trigger (a 1-2 letter word such as "if" weighs only in a pair). */
export const MIN_TRIGGER = 3;
const RUN_SEED = 0x2f3a5b7c;
const PREFIX_SEED = 0x61c88647;
const PRIME = 0x01000193;

/** Hash of a lower-case letter run, or (prefix) of its first five letters. The same on both sides. */
export function triggerHash(run: string, prefix: boolean): number {
  let h = prefix ? PREFIX_SEED : RUN_SEED;
  const end = prefix ? 5 : run.length;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ run.charCodeAt(i), PRIME);
  return h >>> 0 || 1;
}

/** An open-addressing set of 32-bit hashes (0 marks an empty slot; no hash is 0). */
export class TriggerSet {
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(hashes: Uint32Array) {
    let size = 16;
    while (size < hashes.length * 3) size <<= 1;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (const h of hashes) {
      let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
      while (this.slots[i] !== 0 && this.slots[i] !== h) i = (i + 1) & this.mask;
      this.slots[i] = h;
    }
  }

  has(h: number): boolean {
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const v = this.slots[i];
      if (v === h) return true;
      if (v === 0) return false;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Start offsets of the trigger words in text[0, end), in order. One pass: each letter is folded to lower case and
 * fed to both hashes (the prefix one stops at five letters).
 */
export function findTriggers(text: string, set: TriggerSet, out: number[]): number[] {
  out.length = 0;
  let h = RUN_SEED;
  let p = PREFIX_SEED;
  let len = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // | 32 folds A-Z to a-z and maps nothing else into a-z
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) {
      h = Math.imul(h ^ c, PRIME);
      if (len < 5) p = Math.imul(p ^ c, PRIME);
      len++;
      continue;
    }
    if (len >= MIN_TRIGGER && isTrigger(set, h, p, len)) out.push(i - len);
    len = 0;
    h = RUN_SEED;
    p = PREFIX_SEED;
  }
  if (len >= MIN_TRIGGER && isTrigger(set, h, p, len)) out.push(n - len);
  return out;
}

const isTrigger = (set: TriggerSet, h: number, p: number, len: number): boolean =>
  set.has(h >>> 0 || 1) || (len > 5 && set.has(p >>> 0 || 1));
