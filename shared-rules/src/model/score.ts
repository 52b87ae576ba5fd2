/**
 * Scoring one sentence with the committed model (shared-rules/model/model-data.ts), decoded on first use. Which
 * sentences are scored at all is the trigger pre-check's choice (triggers.ts).
 */
import { MODEL_DATA } from '../../model/model-data';
import { CATEGORIES, type Category } from '../types';
import { type Token, tokenize } from '../text/tokenize';
import { quoteSpans } from '../context/quotes';
import {
  type FeatureSource,
  featuresOf,
  givesPrefix,
  markedHash,
  NEGATED_MARK,
  negatedBucket,
  pairBucket,
  prefixBucket,
  wordBucket,
  wordMarks,
} from './features';
import { TriggerSet } from './triggers';
import { decodeHashes, decodeWeights, findBucket, MODEL_CLASSES, type ModelWeights } from './weights';

export const MODEL_THRESHOLD = MODEL_DATA.threshold;
export const MODEL_MIN_WORDS = MODEL_DATA.minWords;

let model: ModelWeights | undefined;
const loaded = (): ModelWeights => (model ??= decodeWeights(MODEL_DATA.weights, MODEL_DATA.scale));
let triggers: TriggerSet | undefined;
/** The trigger words of the committed model, as a hash set built on first use. */
export const modelTriggers = (): TriggerSet => (triggers ??= new TriggerSet(decodeHashes(MODEL_DATA.triggers)));

export interface ModelVerdict {
  /** Index in CATEGORIES. */
  category: number;
  probability: number;
}

const feats: number[] = [];
const logits = new Float64Array(MODEL_CLASSES);

/** The most likely category of tokens[from, to) and its probability. */
export function scoreSentence(src: FeatureSource, tokens: readonly Token[], from: number, to: number): ModelVerdict {
  const m = loaded();
  featuresOf(src, tokens, from, to, feats);
  logits.fill(0);
  for (const f of feats) {
    const i = findBucket(m.buckets, f);
    if (i < 0) continue;
    for (let c = 0; c < MODEL_CLASSES; c++) logits[c] += m.weights[i * MODEL_CLASSES + c];
  }
  let best = 0;
  let sum = 1; // "none" has logit 0
  for (let c = 0; c < MODEL_CLASSES; c++) {
    sum += Math.exp(logits[c] * m.scale);
    if (logits[c] > logits[best]) best = c;
  }
  return { category: best, probability: Math.exp(logits[best] * m.scale) / sum };
}

/**
 * How the model alone reads text[start, end) as one sentence, with the quotations of the whole text: for tests and example checks, not the lint path.
 */
export function modelReading(
  text: string,
  start = 0,
  end = text.length,
): { category: Category; probability: number; sure: boolean } {
  const tokens = tokenize(text, start, end);
  const src = { text, quotes: quoteSpans(text, 0, text.length) };
  const v = scoreSentence(src, tokens, 0, tokens.length);
  return { category: CATEGORIES[v.category], probability: v.probability, sure: v.probability >= MODEL_THRESHOLD };
}

/**
 * The `n` words of tokens[from, to) that weigh most towards `category`: each word's own weight (as quoted or
 * negated where it is), its prefix's, and half of each pair it is in. For the finding's message, so the writer sees
 * what the model read.
 */
export function weightiestWords(
  src: FeatureSource,
  tokens: readonly Token[],
  from: number,
  to: number,
  category: number,
  n: number,
): number[] {
  const m = loaded();
  const weigh = (f: number) => {
    const i = findBucket(m.buckets, f);
    return i < 0 ? 0 : m.weights[i * MODEL_CLASSES + category];
  };
  const marks = wordMarks(src, tokens, from, to);
  const hashes = tokens.slice(from, to).map((t, i) => markedHash(t.norm, marks[i]));
  const pair = hashes.map((h, i) => (i > 0 ? weigh(pairBucket(hashes[i - 1], h)) / 2 : 0));
  const score = hashes.map((h, i) => {
    const w = tokens[from + i].norm;
    const negated = marks[i] & NEGATED_MARK ? weigh(negatedBucket(h)) : 0;
    const own = weigh(wordBucket(h)) + negated + (givesPrefix(w, marks[i]) ? weigh(prefixBucket(w)) : 0);
    return { k: from + i, w: own + pair[i] + (i + 1 < pair.length ? pair[i + 1] : 0) };
  });
  return score
    .filter((s) => s.w > 0)
    .sort((a, b) => b.w - a.w || a.k - b.k)
    .slice(0, n)
    .map((s) => s.k)
    .sort((a, b) => a - b);
}
