/**
 * The model's training sentences, each as its feature buckets and a class (0 = none, 1 + index in CATEGORIES):
 * every rule's examples, the labelled tuning sets split into sentences, the near-miss negatives written for the
 * model, and MTSamples sentences as "none". Order is fixed (files sorted, notes in a seeded shuffle), so the same
 * inputs give the same model.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/index';
import { eachChunkStart } from '../../src/session/chunks';
import { quoteSpans, type Span } from '../../src/context/quotes';
import { featuresOf } from '../../src/model/features';
import { sentenceSpans } from '../../src/model/sentences';
import { type Token, tokenize } from '../../src/text/tokenize';
import { CATEGORIES, type Category, type RuleData } from '../../src/types';
import { shuffled } from './prng';

export interface Samples {
  /** Features of sample i: feats[offsets[i], offsets[i + 1]). */
  feats: Int32Array;
  offsets: Int32Array;
  labels: Uint8Array;
  /** Words in each sample (the engine scores only sentences of MODEL_MIN_WORDS or more). */
  words: Uint16Array;
  /** Every distinct word (normalised) the samples hold, sorted: where the trigger words come from. */
  vocabulary: string[];
  /** Words in more than COMMON_SHARE of the note sentences: never triggers (they would gate nothing). */
  common: Set<string>;
  /** Where each sample came from (for cross-validation by source and for reports). */
  sources: string[];
}

export interface LabelledItem {
  text: string;
  expect: Array<{ start: number; end: number; category: Category }>;
  optional?: Array<{ start: number; end: number }>;
}

/** How many MTSamples notes are read as "none" (session 6: 600 notes still flagged real sentences; 2,000 did not). */
export const NOTES_USED = 2000;
/** A word in more than this share of the note sentences ("that", "she") is too common to be a trigger. */
export const COMMON_SHARE = 0.02;
/** Note sentences shorter than this say too little to teach anything ("Plan:", "Vitals stable."). */
const MIN_NOTE_SENTENCE = 20;

export class SampleBuilder {
  private feats: number[] = [];
  private offsets: number[] = [0];
  private labels: number[] = [];
  private words: number[] = [];
  private sources: string[] = [];
  private readonly buf: number[] = [];
  private readonly norms = new Set<string>();
  /** Per word, the note sentences that hold it. */
  private readonly inNotes = new Map<string, number>();
  private noteSentences = 0;

  /** `quotes`: the quotation spans of the chunk text[start, end) sits in (the whole text by default). */
  add(text: string, start: number, end: number, label: number, source: string, quotes?: readonly Span[]): Token[] {
    const tokens = tokenize(text, start, end);
    if (tokens.length === 0) return tokens;
    const src = { text, quotes: quotes ?? quoteSpans(text, 0, text.length) };
    featuresOf(src, tokens, 0, tokens.length, this.buf);
    for (const t of tokens) this.norms.add(t.norm);
    for (const f of this.buf) this.feats.push(f);
    this.offsets.push(this.feats.length);
    this.labels.push(label);
    this.words.push(Math.min(tokens.length, 65535));
    this.sources.push(source);
    return tokens;
  }

  /** Every sentence of a labelled text: one overlapping an expected span takes its category, else "none". */
  addLabelled(item: LabelledItem, source: string): void {
    const { text } = item;
    for (const c of chunksOf(text)) {
      const quotes = quoteSpans(text, c[0], c[1]);
      for (const [s, e] of sentenceSpans(text, c[0], c[1])) {
        const hit = item.expect.find((x) => x.start < e && s < x.end);
        if (!hit && (item.optional ?? []).some((x) => x.start < e && s < x.end)) continue;
        this.add(text, s, e, hit ? 1 + CATEGORIES.indexOf(hit.category) : 0, source, quotes);
      }
    }
  }

  /** Every sentence of an unlabelled real note as "none". */
  addNote(text: string, source: string): void {
    for (const c of chunksOf(text)) {
      const quotes = quoteSpans(text, c[0], c[1]);
      for (const [s, e] of sentenceSpans(text, c[0], c[1]))
        if (e - s > MIN_NOTE_SENTENCE) {
          this.noteSentences++;
          for (const w of new Set(this.add(text, s, e, 0, source, quotes).map((t) => t.norm)))
            this.inNotes.set(w, (this.inNotes.get(w) ?? 0) + 1);
        }
    }
  }

  build(): Samples {
    return {
      feats: Int32Array.from(this.feats),
      offsets: Int32Array.from(this.offsets),
      labels: Uint8Array.from(this.labels),
      words: Uint16Array.from(this.words),
      vocabulary: [...this.norms].sort(),
      common: new Set([...this.inNotes].filter(([, n]) => n > COMMON_SHARE * this.noteSentences).map(([w]) => w)),
      sources: this.sources,
    };
  }
}

function chunksOf(text: string): Array<[number, number]> {
  const starts = [...eachChunkStart(text)];
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : text.length]);
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export interface TrainingInputs {
  rules: RuleData[];
  /** Labelled JSONL sets (test/fixtures/tuning and the near misses). */
  labelledFiles: string[];
  /** MTSamples notes.jsonl. */
  notesFile: string;
  seed: number;
}

/** Labelled sets in a folder, sorted by name. */
export const jsonlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));

export function buildSamples(inputs: TrainingInputs): Samples {
  const b = new SampleBuilder();
  for (const r of inputs.rules) {
    const label = 1 + CATEGORIES.indexOf(r.category);
    for (const e of r.examples.match) {
      const text = typeof e === 'string' ? e : e.text;
      b.add(text, 0, text.length, label, `rule:${r.id}`);
    }
    for (const text of r.examples.noMatch) b.add(text, 0, text.length, 0, `rule:${r.id}`);
  }
  // every rewrite the rules offer in their own examples, applied: the sentence a writer gets by taking CareLint's
  // advice must not then be flagged by the model (the "heroin habit" rewrite still says heroin)
  const rulesOnly = Object.fromEntries(inputs.rules.filter((r) => r.model).map((r) => [r.id, false]));
  for (const r of inputs.rules)
    for (const e of r.examples.match) {
      const text = typeof e === 'string' ? e : e.text;
      for (const f of lint(text, { rules: rulesOnly }))
        f.suggestions.forEach((s, i) => {
          if (f.suggestionKinds[i] !== 'rewrite') return;
          const fixed = text.slice(0, f.start) + s + text.slice(f.end);
          b.add(fixed, 0, fixed.length, 0, `rule:${r.id}`);
        });
    }
  for (const file of inputs.labelledFiles) for (const item of readJsonl<LabelledItem>(file)) b.addLabelled(item, file);
  // distinct note texts (the corpus repeats some), in a seeded order, the first NOTES_USED of them
  const notes = [...new Set(readJsonl<{ text: string }>(inputs.notesFile).map((n) => n.text))];
  for (const [i, text] of shuffled(notes, inputs.seed).slice(0, NOTES_USED).entries()) b.addNote(text, `note:${i}`);
  return b.build();
}
