/** Context checks, run only around candidate hits: quotes, mentions, negation, neighbours, sections. */
import type { CompiledAdjacent, CompiledNear, CompiledRule } from '../matching/compile';
import type { Inflector } from '../matching/phrase';
import { findHeadings, sectionAt, type Heading } from './sections';
import { sentenceAround, sentenceAroundIn, sentenceEnds } from './sentence';
import { enclosingSpan, quoteSpans, type Span } from './quotes';
import { fillsQuote, quoteExtent } from './scare-quotes';
import { afterSourceLabel, isMention } from './mention';
import { isNegated } from './negation';
import { aboutSomeoneElse } from './subject';
import { headNounFollows, inPlanHeading } from './name-of-service';
import { indexOfStart, tokenAt, tokenize, TokenReader, type Token } from '../text/tokenize';
import { lineBounds } from '../text/clauses';
import type { SectionKind, Severity } from '../types';
import { work } from '../work';

interface Sentence {
  /** Where the sentence starts in the chunk's text. */
  start: number;
  tokens: Token[];
  mention: boolean | undefined;
}

/** Windows longer than this (in characters) come from the chunk's token list; shorter ones are tokenized directly. */
const LONG_WINDOW = 400;

const MAX_CACHED_SENTENCES = 64;

/** Lazily computed facts about one chunk, shared by all hits in it. */
export class ChunkContext {
  private quotes: Span[] | undefined;
  private heads: Heading[] | undefined;
  private readonly sentences = new Map<number, Sentence>();
  private chunkTokens: Token[] | undefined;
  private ends: Int32Array | undefined;
  /** Characters scanned for sentence bounds and tokenized for windows so far (see sentence()). */
  private scanned = 0;
  private lineCache: { start: number; tokens: Token[] } | undefined;
  private tokenized = 0;

  constructor(
    readonly text: string,
    readonly entry: SectionKind | null,
    private readonly inflect: Inflector,
  ) {}

  headings(): Heading[] {
    return (this.heads ??= findHeadings(this.text, 0, this.text.length));
  }

  section(pos: number): SectionKind | null {
    return sectionAt(this.headings(), this.entry, pos);
  }

  /** The chunk's quotation spans, ordered and disjoint (quotes.ts). */
  quoteSpans(): readonly Span[] {
    return (this.quotes ??= quoteSpans(this.text, 0, this.text.length));
  }

  quoted(start: number, end: number): boolean {
    return this.quoteAround(start, end) !== undefined;
  }

  /** The quotation around [start, end), if the hit is inside quotation marks. */
  quoteAround(start: number, end: number): Span | undefined {
    const quotes = this.quoteSpans();
    return quotes.length > 0 ? enclosingSpan(quotes, start, end) : undefined;
  }

  sentence(start: number, end: number): Sentence {
    const n = this.text.length;
    // Scan around each hit until that has cost as much as indexing the whole chunk once: then index it.
    if (!this.ends && this.scanned > n) this.ends = sentenceEnds(this.text, 0, n);
    const [s, e] = this.ends
      ? sentenceAroundIn(this.ends, start, end, 0, n)
      : sentenceAround(this.text, start, end, 0, n);
    if (!this.ends) this.scanned += start - s + e - end;
    let sent = this.sentences.get(s);
    if (!sent || (sent.tokens.length && sent.tokens[sent.tokens.length - 1].end < end)) {
      sent = { start: s, tokens: this.tokensIn(s, e), mention: undefined };
      work.contextTokens += sent.tokens.length;
      // hits arrive in text order, so only recent sentences are asked for again; keep memory flat
      if (this.sentences.size >= MAX_CACHED_SENTENCES) this.sentences.clear();
      this.sentences.set(s, sent);
    }
    return sent;
  }

  /**
   * Tokens of [s, e). Long windows (text with no sentence end, such as thousands of one-word lines) are cut
   * from the chunk's tokens, read once, once re-tokenizing windows has cost as much: linear, not hits x window.
   */
  private tokensIn(s: number, e: number): Token[] {
    if (!this.chunkTokens) {
      // tokenize windows until that has cost as much as tokenizing the whole chunk once
      this.tokenized += e - s;
      if (e - s <= LONG_WINDOW || this.tokenized <= this.text.length) return tokenize(this.text, s, e);
      this.chunkTokens = tokenize(this.text, 0, this.text.length);
    }
    const all = this.chunkTokens;
    const out = all.slice(indexOfStart(all, s), indexOfStart(all, e));
    while (out.length && out[out.length - 1].end > e) out.pop();
    // whether punctuation precedes the first token is judged from s, as tokenize(text, s, e) would
    const own = new TokenReader(this.text, s, e).next();
    if (out.length && own && own.start === out[0].start && own.afterBreak !== out[0].afterBreak)
      out[0] = { ...out[0], afterBreak: own.afterBreak };
    return out;
  }

  /** Tokens of the line (list item, table row) around [start, end), or null when it runs on past the scan (prose). */
  line(start: number, end: number): Token[] | null {
    const [s, e] = lineBounds(this.text, start, end, 0, this.text.length);
    if ((s > 0 && this.text.charCodeAt(s - 1) !== 10) || (e < this.text.length && this.text.charCodeAt(e) !== 10))
      return null;
    if (this.lineCache?.start !== s) this.lineCache = { start: s, tokens: tokenize(this.text, s, e) };
    return this.lineCache.tokens;
  }

  mention(sent: Sentence): boolean {
    return (sent.mention ??= isMention(sent.tokens, this.inflect) || afterSourceLabel(this.text, sent.start));
  }
}

/** `quoted`: the hit fills a quotation, so the mark before it does not separate it from the words before. */
function adjacentBefore(adj: CompiledAdjacent, tokens: readonly Token[], idx: number, quoted = false): boolean {
  const broken = tokens[idx].afterBreak && !quoted;
  if (adj.edge && (idx === 0 || broken)) return true;
  if (!adj.trie || idx === 0 || broken) return false;
  let found = false;
  for (let k = Math.max(0, idx - adj.trie.maxLength); k < idx && !found; k++) {
    adj.trie.matchAt(tokens, k, (m) => {
      if (m.lastToken === idx - 1) found = true;
    });
  }
  return found;
}

function adjacentAfter(adj: CompiledAdjacent, tokens: readonly Token[], last: number, quoted = false): boolean {
  const next = last + 1;
  const broken = next < tokens.length && tokens[next].afterBreak && !quoted;
  if (adj.edge && (next >= tokens.length || broken)) return true;
  if (!adj.trie || next >= tokens.length || broken) return false;
  let found = false;
  adj.trie.matchAt(tokens, next, () => {
    found = true;
  });
  return found;
}

/** Token span of a `near` phrase within the group's window, or null. Phrases overlapping the hit do not count. */
function findNear(group: CompiledNear, tokens: readonly Token[], first: number, last: number): [number, number] | null {
  const lo = group.side === 'after' ? last + 1 : Math.max(0, first - group.within);
  const hi = group.side === 'before' ? first - 1 : Math.min(tokens.length - 1, last + group.within);
  let best: [number, number] | null = null;
  for (let k = lo; k <= hi; k++) {
    if (k >= first && k <= last) continue;
    if (!group.trie.root.next?.has(tokens[k].norm)) continue;
    group.trie.matchAt(tokens, k, (m) => {
      if (m.lastToken > hi || (k < first && m.lastToken >= first)) return;
      // keep the farthest phrase, so an extended underline covers the whole construction
      const dist = k > last ? m.lastToken - last : first - k;
      const bestDist = best ? (best[0] > last ? best[1] - last : first - best[0]) : -1;
      if (dist > bestDist) best = [k, m.lastToken];
    });
  }
  return best;
}

const STEP: Severity[] = ['information', 'warning', 'error'];

export interface Verdict {
  severity: Severity;
  start: number;
  end: number;
}

/**
 * Why judge() kept a candidate quiet: 'negated' when the rule's own wording is negated ("will not be using a
 * behavioural contract"), also where another check quieted it first, since the model must not read that sentence
 * either (it weighs words, not what negation does to them); 'quiet' for every other reason.
 */
export type Quieted = 'negated' | 'quiet';

/** Whether judge() found the candidate firing (a Verdict) rather than quiet. */
export function fires(judged: Verdict | Quieted): judged is Verdict {
  return typeof judged !== 'string';
}

/** How a negatable rule's wording at tokens[first] is quieted: negated, or for another reason. */
function quietAt(rule: CompiledRule, text: string, tokens: readonly Token[], first: number): Quieted {
  return rule.negatable && first >= 0 && isNegated(text, tokens, first) ? 'negated' : 'quiet';
}

/** Decide whether a candidate hit fires, at what severity and over what span, or why it stays quiet. */
export function judge(rule: CompiledRule, ctx: ChunkContext, start: number, end: number): Verdict | Quieted {
  // quoted words are the person's own or a term mentioned, except scare quotes that a rule asks for
  const quote = ctx.quoteAround(start, end);
  const scare = rule.data.context?.scareQuotes === true;
  if (quote ? !(scare && fillsQuote(ctx.text, quote, start, end)) : scare) {
    if (!rule.negatable) return 'quiet';
    const tokens = ctx.sentence(start, end).tokens;
    return quietAt(rule, ctx.text, tokens, tokenAt(tokens, start));
  }
  const sent = ctx.sentence(start, end);
  const tokens = sent.tokens;
  const first = tokenAt(tokens, start);
  if (first < 0) return 'quiet';
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= end) last++;
  if (ctx.mention(sent)) return quietAt(rule, ctx.text, tokens, first);
  if (rule.negatable && isNegated(ctx.text, tokens, first)) return 'negated';
  if (rule.data.context?.aboutThePerson && aboutSomeoneElse(ctx.text, tokens, first)) return 'quiet';
  if (
    rule.data.context?.nameOfService &&
    (headNounFollows(tokens, last) || inPlanHeading(ctx.text, ctx.line(start, end), start, end))
  )
    return 'quiet';
  const q = quote !== undefined;
  if (rule.notAfter && adjacentBefore(rule.notAfter, tokens, first, q)) return 'quiet';
  if (rule.after && !adjacentBefore(rule.after, tokens, first, q)) return 'quiet';
  if (rule.notBefore && adjacentAfter(rule.notBefore, tokens, last, q)) return 'quiet';
  if (rule.before && !adjacentAfter(rule.before, tokens, last, q)) return 'quiet';

  const hasSectionRules = rule.near.some((n) => n.orSection.size > 0) || Object.keys(rule.sections).length > 0;
  const kind = hasSectionRules ? ctx.section(start) : null;
  const effect = kind ? rule.sections[kind] : undefined;
  if (effect === 'quiet') return 'quiet';

  let [spanStart, spanEnd] = quote ? quoteExtent(ctx.text, quote) : [start, end];
  for (const group of rule.near) {
    const hit = findNear(group, tokens, first, last);
    if (!hit) {
      if (kind && group.orSection.has(kind)) continue;
      return 'quiet';
    }
    if (rule.extendToNear) {
      spanStart = Math.min(spanStart, tokens[hit[0]].start);
      spanEnd = Math.max(spanEnd, tokens[hit[1]].end);
    }
  }
  for (const group of rule.notNear) {
    if (findNear(group, tokens, first, last)) return 'quiet';
    const line = group.line ? ctx.line(start, end) : null;
    if (line && findNear(group, line, indexOfStart(line, start), indexOfStart(line, end) - 1)) return 'quiet';
  }

  let level = STEP.indexOf(rule.data.severity);
  if (effect === 'raise') level = Math.min(2, level + 1);
  if (effect === 'lower') level = Math.max(0, level - 1);
  return { severity: STEP[level], start: spanStart, end: spanEnd };
}
