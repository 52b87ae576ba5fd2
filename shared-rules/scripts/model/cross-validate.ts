/**
 * K-fold cross-validation of the training recipe on the training data itself, the only place its threshold and
 * options are tuned (never on test/fixtures/heldout). Folds split by source (a rule's examples, one labelled item,
 * one note), so sentences of one text never sit on both sides. Counts only sentences the engine would score
 * (MODEL_MIN_WORDS words or more).
 */
import { fnv1a } from '../../src/model/features';
import { MODEL_CLASSES, type ModelWeights, findBucket } from '../../src/model/weights';
import type { Samples } from './samples';
import { pruneAndQuantise, type TrainOptions, trainFloat } from './train';

export interface FoldCounts {
  threshold: number;
  /** Positive sentences flagged with their own category / all positive sentences. */
  caught: number;
  positives: number;
  /** Written "none" sentences (rule noMatch, tuning negatives, near misses) flagged / all of them. */
  falseWritten: number;
  written: number;
  /** Real-note sentences flagged / all of them. */
  falseNotes: number;
  notes: number;
  /** The same counts per category (index in CATEGORIES): a positive counts under its own category, a false flag
   *  under the category the model read, so each category's threshold can be chosen on its own. */
  byCategory: CategoryCounts[];
}

export interface CategoryCounts {
  caught: number;
  positives: number;
  falseWritten: number;
  falseNotes: number;
}

function probability(m: ModelWeights, s: Samples, i: number): { c: number; p: number } {
  const z = new Float64Array(MODEL_CLASSES);
  for (let q = s.offsets[i]; q < s.offsets[i + 1]; q++) {
    const k = findBucket(m.buckets, s.feats[q]);
    if (k >= 0) for (let c = 0; c < MODEL_CLASSES; c++) z[c] += m.weights[k * MODEL_CLASSES + c] * m.scale;
  }
  let best = 0;
  let sum = 1;
  for (let c = 0; c < MODEL_CLASSES; c++) {
    sum += Math.exp(z[c]);
    if (z[c] > z[best]) best = c;
  }
  return { c: best + 1, p: Math.exp(z[best]) / sum };
}

export function crossValidate(
  s: Samples,
  opts: TrainOptions,
  folds: number,
  thresholds: number[],
  minWords: number,
): FoldCounts[] {
  const out = thresholds.map((threshold) => ({
    threshold,
    caught: 0,
    positives: 0,
    falseWritten: 0,
    written: 0,
    falseNotes: 0,
    notes: 0,
    byCategory: Array.from({ length: MODEL_CLASSES }, () => ({
      caught: 0,
      positives: 0,
      falseWritten: 0,
      falseNotes: 0,
    })),
  }));
  const fold = s.sources.map((src) => fnv1a(src, 0) % folds);
  for (let f = 0; f < folds; f++) {
    const use = Uint8Array.from(fold, (x) => (x === f ? 0 : 1));
    const m = pruneAndQuantise(trainFloat(s, opts, use), opts.keep);
    for (let i = 0; i < s.labels.length; i++) {
      if (use[i] || s.words[i] < minWords) continue;
      const { c, p } = probability(m, s, i);
      const y = s.labels[i];
      const note = s.sources[i].startsWith('note:');
      for (const o of out) {
        const flagged = p >= o.threshold;
        if (y > 0) {
          o.positives++;
          o.byCategory[y - 1].positives++;
          if (flagged && c === y) {
            o.caught++;
            o.byCategory[y - 1].caught++;
          }
        } else if (note) {
          o.notes++;
          if (flagged) {
            o.falseNotes++;
            o.byCategory[c - 1].falseNotes++;
          }
        } else {
          o.written++;
          if (flagged) {
            o.falseWritten++;
            o.byCategory[c - 1].falseWritten++;
          }
        }
      }
    }
  }
  return out;
}
