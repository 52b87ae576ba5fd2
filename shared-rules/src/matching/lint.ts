import { ChunkContext, fires, judge } from '../context/context';
import type { RuleSet } from './compile';
import type { FormName } from './phrase';
import { exitSection } from '../context/sections';
import { maskSlotPrompts } from '../findings/slots';
import type { TrieMatch } from './trie';
import { WalkTokens } from './walk-tokens';
import { FrameScopes, judgeFrame } from '../frames/judge';
import { mergeFrameHits } from '../frames/merge';
import type { Category, SectionKind, Severity } from '../types';
import { anyModelRule, modelHits } from '../model/lint-model';

/** A rule firing inside one chunk, in chunk-relative offsets. */
export interface Hit {
  rule: number;
  category: Category;
  start: number;
  end: number;
  severity: Severity;
  form: FormName | null;
  /** A model finding's weightiest words, as written (named in its message). */
  weighed?: string[];
}

export interface ChunkResult {
  hits: Hit[];
  /** The section in force after this chunk (for the next chunk's entry). */
  exit: SectionKind | null;
}

const MAX_SPAN = 4000;

/** The longest match of one rule at one candidate. */
interface Longest {
  last: number;
  form: FormName | null;
}
const SEVERITY_RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2 };

/**
 * Lint one chunk. The start index finds every place a phrase can start; the trie confirms phrases there;
 * context checks run only for those candidates. `active[i]` is 0 for rules switched off.
 */
export function lintChunk(rs: RuleSet, active: Uint8Array, chunk: string, entry: SectionKind | null): ChunkResult {
  const text = maskSlotPrompts(rs, chunk);
  // one collector per chunk, not a closure per candidate; most candidates match nothing, so the map is lazy
  const found: { best: Map<number, Longest> | null; offLast: number } = { best: null, offLast: -1 };
  const collect = (match: TrieMatch) => {
    if (!active[match.owner]) {
      found.offLast = Math.max(found.offLast, match.lastToken);
      return;
    }
    found.best ??= new Map();
    const prev = found.best.get(match.owner);
    if (!prev || match.lastToken > prev.last) found.best.set(match.owner, { last: match.lastToken, form: match.form });
  };
  const ctx = new ChunkContext(text, entry, rs.inflect);
  const hits: Hit[] = [];
  // statements read for frames, once each, only when a frame's anchor is found
  let scopes: FrameScopes | null = null;
  const walk = new WalkTokens(text, text.length, rs.walkVocabulary);
  const model = anyModelRule(rs, active);
  // wording a rule owns but did not flag: switched off, or negated
  const ruledQuiet: Array<{ start: number; end: number }> = [];
  for (const pos of rs.starts.scan(text, text.length)) {
    walk.from(pos);
    const first = walk.at(0);
    if (!first || first.start !== pos) continue;
    found.best = null;
    found.offLast = -1;
    rs.trie.matchAt(walk.at, 0, collect);
    // a rule switched off keeps its wording from the model too: the sentence is still that rule's business
    if (found.offLast >= 0 && model) ruledQuiet.push({ start: pos, end: walk.at(found.offLast)!.end });
    const best = found.best as Map<number, Longest> | null;
    if (best)
      for (const [rule, { last, form }] of best) {
        const compiled = rs.compiled[rule];
        const end = walk.at(last)!.end;
        const verdict = compiled.frame
          ? judgeFrame(compiled, compiled.frame, ctx, (scopes ??= new FrameScopes(text, rs.classes!)), pos, end)
          : judge(compiled, ctx, pos, end);
        // a rule's wording negated ("will not be using a behavioural contract") is not the model's to read: it weighs
        // words, not what negation does to them (quotations and mentions it checks itself, through judge)
        if (verdict === 'negated' && model) ruledQuiet.push({ start: pos, end });
        if (fires(verdict))
          hits.push({
            rule,
            category: rs.compiled[rule].data.category,
            start: verdict.start,
            end: verdict.end,
            severity: verdict.severity,
            form,
          });
      }
  }
  const resolved = resolveOverlaps(scopes ? mergeFrameHits(hits, rs.compiled) : hits);
  if (model) {
    const claimed = ruledQuiet.length ? [...resolved, ...ruledQuiet].sort((a, b) => a.start - b.start) : resolved;
    const extra = modelHits(rs, active, ctx, claimed);
    for (const m of extra) resolved.push({ ...m, category: rs.compiled[m.rule].data.category, form: null });
    if (extra.length) resolved.sort((a, b) => a.start - b.start || b.end - a.end || a.rule - b.rule);
  }
  return { hits: resolved, exit: exitSection(ctx.headings(), entry) };
}

/**
 * One underline per issue: a hit inside another hit of the same category and equal or higher severity is dropped,
 * as is a rule's overlapping repeat. Hits of different categories are different issues and both stay.
 */
export function resolveOverlaps(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.rule - b.rule);
  const out: Hit[] = [];
  for (const h of hits) {
    let covered = false;
    // hits are sorted by start and no span outruns a sentence window, so only recent hits can overlap
    for (let j = out.length - 1; j >= 0 && out[j].start + MAX_SPAN > h.start && !covered; j--) {
      const o = out[j];
      covered =
        (o.start <= h.start &&
          h.end <= o.end &&
          o.category === h.category &&
          SEVERITY_RANK[o.severity] >= SEVERITY_RANK[h.severity]) ||
        (o.rule === h.rule && o.start < h.end && h.start < o.end);
    }
    if (!covered) out.push(h);
  }
  return out;
}
