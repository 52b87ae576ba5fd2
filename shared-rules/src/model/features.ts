/**
 * The features the statistical second opinion reads from one sentence: each lower-cased word, each pair of adjacent
 * words and each word's first five letters, hashed into MODEL_BITS-bit buckets. Training (shared-rules/scripts/
 * train-model.ts) and linting both call featuresOf on the engine's own tokens, so the two can never read a sentence
 * differently. Pairs combine the two words' hashes instead of hashing a joined string: no string is built per pair.
 */
import type { Token } from '../text/tokenize';

/** log2 of the hashed feature space (2^18 buckets: collisions among the ~20,000 kept features are rare). */
export const MODEL_BITS = 18;
const SHIFT = 32 - MODEL_BITS;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep a word, its prefix and a pair in different buckets although they hash the same letters. */
const WORD_SEED = 0x9e3779b9;
const PREFIX_SEED = 0x85ebca6b;
const PAIR_SEED = 0xc2b2ae35;
/** Words of more than this many letters also give their first PREFIX letters ("sanction", "sanctioned"). */
export const PREFIX = 5;

/** FNV-1a over the UTF-16 code units of s[0, end), starting from `seed`. */
export function fnv1a(s: string, seed: number, end = s.length): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** A final mix (murmur3's) so the top bits, which pick the bucket, depend on every input bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A word's own hash, from which its bucket and its pairs' buckets are made. */
export const wordHash = (word: string): number => fnv1a(word, WORD_SEED);
export const wordBucket = (hash: number): number => mix(hash) >>> SHIFT;
export const prefixBucket = (word: string): number => mix(fnv1a(word, PREFIX_SEED, PREFIX)) >>> SHIFT;
/** The bucket of the ordered pair (a, b), from the two words' own hashes. */
export const pairBucket = (a: number, b: number): number =>
  mix(Math.imul(a ^ PAIR_SEED, 0x27d4eb2d) ^ ((b << 13) | (b >>> 19))) >>> SHIFT;

/**
 * The distinct feature buckets of tokens[from, to), into `out` (cleared first); returns how many. A bucket seen twice
 * counts once, as in training: a sentence that repeats a word is not surer for it.
 */
export function featuresOf(tokens: readonly Token[], from: number, to: number, out: number[]): number {
  out.length = 0;
  let prev = 0;
  for (let k = from; k < to; k++) {
    const w = tokens[k].norm;
    const h = wordHash(w);
    out.push(wordBucket(h));
    if (w.length > PREFIX) out.push(prefixBucket(w));
    if (k > from) out.push(pairBucket(prev, h));
    prev = h;
  }
  if (out.length > 1) {
    out.sort((x, y) => x - y);
    let n = 1;
    for (let i = 1; i < out.length; i++) if (out[i] !== out[n - 1]) out[n++] = out[i];
    out.length = n;
  }
  return out.length;
}
