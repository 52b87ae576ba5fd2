/**
 * The model's trigger words (src/model/triggers.ts) from the words training saw: every spelling of a word whose own
 * feature weighs at least `heavy` towards some category gives its letter runs, and every word whose 5-letter
 * beginning does gives that beginning (so "discharges", never seen, still triggers through "disch"). A letter run that is
 * a word of many note sentences (`common`: "that" of "that's", "she" of "she'll") is left out: it would send most
 * sentences to the model and gate nothing.
 */
import { prefixBucket, PREFIX, wordBucket, wordHash } from '../../src/model/features';
import { MIN_TRIGGER, triggerHash } from '../../src/model/triggers';
import { findBucket, MODEL_CLASSES, type ModelWeights } from '../../src/model/weights';
import { surfaceSpellings } from '../../src/text/spelling';

function weighs(m: ModelWeights, bucket: number, heavy: number): boolean {
  const i = findBucket(m.buckets, bucket);
  if (i < 0) return false;
  for (let c = 0; c < MODEL_CLASSES; c++) if (m.weights[i * MODEL_CLASSES + c] >= heavy) return true;
  return false;
}

export function triggerHashes(
  m: ModelWeights,
  words: Iterable<string>,
  heavy: number,
  common: ReadonlySet<string> = new Set(),
): Uint32Array {
  const out = new Set<number>();
  for (const norm of words) {
    const spellings = surfaceSpellings(norm);
    if (weighs(m, wordBucket(wordHash(norm)), heavy))
      for (const s of spellings)
        for (const run of s.split(/[^a-z]+/))
          if (run.length >= MIN_TRIGGER && !common.has(run)) out.add(triggerHash(run, false));
    if (norm.length > PREFIX && weighs(m, prefixBucket(norm), heavy))
      for (const s of spellings) if (/^[a-z]{5}/.test(s)) out.add(triggerHash(s, true));
  }
  return Uint32Array.from([...out].sort((a, b) => a - b));
}
