/**
 * The statistical second opinion inside one chunk's lint: each sentence of at least MODEL_MIN_WORDS words that holds a
 * trigger word (triggers.ts) and that no rule flagged is scored, and a category read at MODEL_THRESHOLD or more becomes a finding of that category's model
 * rule, after the same context checks every rule gets (judge: quotations, mentions and critique, sections, and the
 * rule's own notNear such as emergency context for police). Running here, inside lintChunk, every host and the
 * incremental session get it with no code of their own.
 */
import { type ChunkContext, fires, judge } from '../context/context';
import type { RuleSet } from '../matching/compile';
import type { Severity } from '../types';
import { MODEL_MIN_WORDS, MODEL_THRESHOLD, modelTriggers, scoreSentence, weightiestWords } from './score';
import type { FeatureSource } from './features';
import { findTriggers } from './triggers';

const triggerStarts: number[] = [];

export interface ModelHit {
  rule: number;
  start: number;
  end: number;
  severity: Severity;
  /** The words that weighed most, as written: named in the finding's message. */
  weighed: string[];
}

/** Words named in a finding's message. */
const NAMED_WORDS = 3;
/** A "sentence" longer than this is a table or a run-on list the model was not trained to read. */
const MAX_WORDS = 60;

/** True when any model rule is on: otherwise the chunk is not even split into sentences. */
export function anyModelRule(rs: RuleSet, active: Uint8Array): boolean {
  for (const r of rs.modelRules) if (r >= 0 && active[r]) return true;
  return false;
}

/** `flagged` are the rule hits already found (sorted by start): their sentences are left alone. */
export function modelHits(
  rs: RuleSet,
  active: Uint8Array,
  ctx: ChunkContext,
  flagged: ReadonlyArray<{ start: number; end: number }>,
): ModelHit[] {
  const text = ctx.text;
  // the chunk's quotations are read only once a sentence is scored: most chunks (a keystroke's paragraph) hold no trigger
  let src: FeatureSource | undefined;
  const out: ModelHit[] = [];
  let h = 0;
  // past the sentence of the last trigger: the next trigger in it adds nothing
  let done = 0;
  for (const at of findTriggers(text, modelTriggers(), triggerStarts)) {
    if (at < done) continue;
    const tokens = ctx.sentence(at, at + 1).tokens;
    if (tokens.length === 0) continue;
    const s = tokens[0].start;
    const e = tokens[tokens.length - 1].end;
    done = e;
    while (h < flagged.length && flagged[h].end <= s) h++;
    let overlaps = false;
    for (let j = h; j < flagged.length && flagged[j].start < e && !overlaps; j++) overlaps = flagged[j].end > s;
    if (overlaps) continue;
    if (tokens.length < MODEL_MIN_WORDS || tokens.length > MAX_WORDS) continue;
    src ??= { text, quotes: ctx.quoteSpans() };
    const verdict = scoreSentence(src, tokens, 0, tokens.length);
    if (verdict.probability < MODEL_THRESHOLD) continue;
    const rule = rs.modelRules[verdict.category];
    if (rule < 0 || !active[rule]) continue;
    const judged = judge(rs.compiled[rule], ctx, s, e);
    if (!fires(judged)) continue;
    const weighed = weightiestWords(src, tokens, 0, tokens.length, verdict.category, NAMED_WORDS).map((k) =>
      text.slice(tokens[k].start, tokens[k].end),
    );
    out.push({ rule, start: judged.start, end: judged.end, severity: judged.severity, weighed });
  }
  return out;
}
