/**
 * The features the statistical second opinion reads from one sentence, hashed into MODEL_BITS-bit buckets:
 *   - each lower-cased word, each pair of adjacent words and each long word's first five letters;
 *   - words inside quotation marks give features of their own kind: they are the person's words (or a term
 *     mentioned), not the writer's, and "I'm a junkie" quoted must not weigh as the writer's "junkie";
 *   - the word a negation binds ("will not be SEEN", "must not WITHDRAW contact") also gives its word feature marked
 *     negated, so a prohibition of care and a prohibition of a sanction can read differently. Also, not instead:
 *     replacing the word's own feature cost a new false alarm on MTSamples and dev2 nothing (docs/detection.md).
 * Training (shared-rules/scripts/train-model.ts) and linting both call featuresOf on the engine's own tokens and
 * the chunk's quotation spans, so the two can never read a sentence differently. Pairs combine the two hashes
 * instead of hashing a joined string: no string is built per pair.
 */
import { negationCrosses } from '../context/negation';
import { insideAny, type Span } from '../context/quotes';
import type { Token } from '../text/tokenize';

/** log2 of the hashed feature space (2^18 buckets: collisions among the ~40,000 kept features are rare). */
export const MODEL_BITS = 18;
const SHIFT = 32 - MODEL_BITS;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep a word, its prefix and a pair in different buckets although they hash the same letters. */
const WORD_SEED = 0x9e3779b9;
const PREFIX_SEED = 0x85ebca6b;
const PAIR_SEED = 0xc2b2ae35;
/** Xor-ed into a word's hash when it is quoted, or negated: another bucket for the same word. */
const QUOTED = 0x5bd1e995;
const NEGATED = 0x1b873593;
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
export function mix(h: number): number {
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

/** What a sentence is read with besides its tokens. */
export interface FeatureSource {
  /** The text the tokens index into: whether a negation reaches across the gap between two words. */
  text: string;
  /** The chunk's quotation spans (context/quotes.ts quoteSpans), ordered and disjoint. */
  quotes: readonly Span[];
}

/** Words that bind the next content word as negated. */
const NEGATORS = new Set(['not', 'never', 'no', 'cannot', 'without', 'nor']);
/** Words a negation passes over on its way to the word it binds ("not BE seen", "never to be", "no longer"). */
const NEGATION_PASSES = new Set([
  'be',
  'been',
  'being',
  'to',
  'have',
  'ever',
  'always',
  'longer',
  'further',
  'currently',
  'routinely',
  'automatically',
  'immediately',
  'simply',
  'just',
  'a',
  'an',
  'the',
  'any',
  'get',
  'got',
]);
/** How far a negation reaches for its word. */
const NEGATION_REACH = 3;

/** A token's marks (wordMarks): bit QUOTED_MARK when inside quotation marks, NEGATED_MARK when a negation binds it. */
export const QUOTED_MARK = 1;
export const NEGATED_MARK = 2;

/** Per token of tokens[from, to), its marks: what featuresOf reads, and what the finding's message weighs. */
export function wordMarks(src: FeatureSource, tokens: readonly Token[], from: number, to: number): Uint8Array {
  const marks = new Uint8Array(Math.max(0, to - from));
  markQuoted(marks, src.quotes, tokens, from, to);
  markNegated(marks, src.text, tokens, from, to);
  return marks;
}

/** The hash a word's features are made from: its own, or a quoted word's (no bucket shared with the word written). */
export const markedHash = (word: string, mark: number): number => wordHash(word) ^ (mark & QUOTED_MARK ? QUOTED : 0);
/** The bucket of the negated copy of a word's feature, from its markedHash. */
export const negatedBucket = (hash: number): number => wordBucket(hash ^ NEGATED);
/** Whether a word gives its 5-letter beginning (a quoted word does not: its beginning would be the writer's). */
export const givesPrefix = (word: string, mark: number): boolean => word.length > PREFIX && !(mark & QUOTED_MARK);

/**
 * The distinct feature buckets of tokens[from, to), into `out` (cleared first); returns how many. A bucket seen twice
 * counts once, as in training: a sentence that repeats a word is not surer for it.
 */
export function featuresOf(
  src: FeatureSource,
  tokens: readonly Token[],
  from: number,
  to: number,
  out: number[],
): number {
  out.length = 0;
  const marks = wordMarks(src, tokens, from, to);
  let prev = 0;
  for (let k = from; k < to; k++) {
    const w = tokens[k].norm;
    const mark = marks[k - from];
    const own = markedHash(w, mark);
    out.push(wordBucket(own));
    if (mark & NEGATED_MARK) out.push(negatedBucket(own));
    if (givesPrefix(w, mark)) out.push(prefixBucket(w));
    if (k > from) out.push(pairBucket(prev, own));
    prev = own;
  }
  if (out.length > 1) {
    out.sort((x, y) => x - y);
    let m = 1;
    for (let i = 1; i < out.length; i++) if (out[i] !== out[m - 1]) out[m++] = out[i];
    out.length = m;
  }
  return out.length;
}

function markQuoted(
  marks: Uint8Array,
  quotes: readonly Span[],
  tokens: readonly Token[],
  from: number,
  to: number,
): void {
  if (quotes.length === 0) return;
  for (let k = from; k < to; k++) if (insideAny(quotes, tokens[k].start, tokens[k].end)) marks[k - from] |= QUOTED_MARK;
}

function markNegated(marks: Uint8Array, text: string, tokens: readonly Token[], from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const w = tokens[k].norm;
    if (!NEGATORS.has(w) && !w.endsWith("n't")) continue;
    for (let j = k + 1; j < to && j <= k + NEGATION_REACH + 1; j++) {
      // the same reach as the rules' negation: across an opening quotation mark, not past other punctuation
      if (tokens[j].afterBreak && !negationCrosses(text, tokens[j - 1].end, tokens[j].start)) break;
      if (NEGATION_PASSES.has(tokens[j].norm)) continue;
      marks[j - from] |= NEGATED_MARK;
      break;
    }
  }
}
