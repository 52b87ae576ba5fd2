/** Whether a frame candidate fires: its patterns over the clause or sentence around the anchor, then its quieting classes. */
import type { ChunkContext, Quieted, Verdict } from '../context/context';
import type { CompiledRule } from '../matching/compile';
import { tokenAt, tokenize, type Token } from '../text/tokenize';
import type { Severity } from '../types';
import type { ClassMatcher, ClassSpan, WalkMemo } from './classes';
import type { CompiledFrame, CompiledGroup, FrameWindow } from './frame';
import { frameMatches, frameMayMatch, type TokenRange } from './frame';
import { clauseEnd, clauseStarts, lineBounds, RUN_ON_CELL, sentenceBounds } from '../text/clauses';

/** A statement or line read for frames. */
class Scope {
  private spans: ClassSpan[][] | undefined;
  /** Frame matches by rule and window, so the candidates of one statement share one run. */
  readonly matches = new Map<string, TokenRange[]>();
  /** Classes present in a window, by its token range `lo:hi` (ClassMatcher.present). */
  readonly present = new Map<string, Uint8Array>();

  constructor(
    readonly start: number,
    readonly end: number,
    readonly tokens: Token[],
    readonly clauses: Int32Array | null,
    private readonly text: string,
    private readonly classes: ClassMatcher,
    private readonly walked: WalkMemo | undefined,
  ) {}

  /**
   * The token-class table, read on first use: most frame candidates sit in statements where a required slot has no
   * class at all, and the table is most of the cost of reading a statement.
   */
  get table(): ClassSpan[][] {
    return (this.spans ??= this.classes.spans(this.text, this.tokens, this.walked));
  }

  /** Per token, the classes with an entry beginning at it, each looked up once a statement for all its windows. */
  private readonly begins: Array<Uint16Array | undefined> = [];

  /** Which classes begin in tokens [lo, hi) (1 at their index), once per window (ClassMatcher.present). */
  presentIn(lo: number, hi: number): Uint8Array {
    const range = `${lo}:${hi}`;
    let out = this.present.get(range);
    if (!out) {
      out = new Uint8Array(this.classes.names.length);
      for (let k = lo; k < hi; k++) {
        const classes = (this.begins[k] ??= this.classes.beginningsOf(this.tokens[k].norm));
        for (let i = 0; i < classes.length; i++) out[classes[i]] = 1;
      }
      this.present.set(range, out);
    }
    return out;
  }
}

const MAX_CACHED = 64;

/** The statements and lines of one chunk read for frames, each once. */
export class FrameScopes {
  private readonly sentences = new Map<string, Scope>();
  private readonly lines = new Map<string, Scope>();
  /** The last statement read: candidates arrive in text order, so most fall inside it and need no scan. */
  private last: Scope | null = null;
  /**
   * Class-graph walks shared by long statements, which a run-on text's cells make overlap; a statement of ordinary
   * length is read once, and keeping its walks would cost more than it saves.
   */
  private readonly walked: WalkMemo = new Map();

  constructor(
    readonly text: string,
    readonly classes: ClassMatcher,
  ) {}

  sentence(from: number, to: number): Scope {
    const last = this.last;
    // candidates come in text order: one inside the last statement (or run-on window) read shares it
    if (last && from >= last.start && to <= last.end) return last;
    const [s, e] = sentenceBounds(this.text, from, to, 0, this.text.length);
    return (this.last = this.read(this.sentences, s, e, true));
  }

  /** The line (list item, table row) around [from, to), or null when it runs on past the scan: prose, not a line. */
  line(from: number, to: number): Scope | null {
    const [s, e] = lineBounds(this.text, from, to, 0, this.text.length);
    if (!isLineStart(this.text, s) || !isLineEnd(this.text, e)) return null;
    return this.read(this.lines, s, e, false);
  }

  private read(cache: Map<string, Scope>, s: number, e: number, clauses: boolean): Scope {
    const key = `${s}:${e}`;
    let scope = cache.get(key);
    if (!scope) {
      const tokens = tokenize(this.text, s, e);
      scope = new Scope(
        s,
        e,
        tokens,
        clauses ? clauseStarts(this.text, tokens) : null,
        this.text,
        this.classes,
        e - s >= RUN_ON_CELL ? this.walked : undefined,
      );
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(key, scope);
    }
    return scope;
  }
}

function isLineStart(text: string, s: number): boolean {
  return s === 0 || text.charCodeAt(s - 1) === 10;
}

function isLineEnd(text: string, e: number): boolean {
  return e >= text.length || text.charCodeAt(e) === 10;
}

function hasClass(table: readonly ClassSpan[][], lo: number, hi: number, classes: ReadonlySet<number>): boolean {
  for (let k = lo; k <= hi && k < table.length; k++) for (const c of table[k]) if (classes.has(c.cls)) return true;
  return false;
}

/** Token range [lo, hi] of a window around the match [a, b] of a sentence. */
function windowIn(sent: Scope, a: number, b: number, where: FrameWindow): [number, number] {
  // 'match': the negation of the practice itself ("will no longer visit weekly", "visits weekly have stopped"), not a
  // "not" later in a reason or purpose clause ("will phone weekly so she does not feel alone")
  if (where === 'match' && sent.clauses) return [sent.clauses[a], Math.min(clauseEnd(sent.clauses, b), b + 2)];
  if (where === 'clause' && sent.clauses) return [sent.clauses[a], clauseEnd(sent.clauses, b)];
  return [0, sent.tokens.length - 1];
}

function groupFound(g: CompiledGroup, sent: Scope, scopes: FrameScopes, a: number, b: number): boolean {
  const line = g.in === 'line' ? scopes.line(sent.tokens[a].start, sent.tokens[b].end) : null;
  if (line) return hasClass(line.table, 0, line.tokens.length - 1, g.classes);
  const [lo, hi] = windowIn(sent, a, b, g.in);
  return hasClass(sent.table, lo, hi, g.classes);
}

const STEP: Severity[] = ['information', 'warning', 'error'];

export function judgeFrame(
  rule: CompiledRule,
  frame: CompiledFrame,
  ctx: ChunkContext,
  scopes: FrameScopes,
  start: number,
  end: number,
): Verdict | Quieted {
  if (ctx.quoted(start, end)) return 'quiet';
  const sent = scopes.sentence(start, end);
  const anchor = tokenAt(sent.tokens, start);
  if (anchor < 0) return 'quiet';
  const clauses = sent.clauses!;
  const [lo, hi] =
    frame.scope === 'clause' ? [clauses[anchor], clauseEnd(clauses, anchor) + 1] : [0, sent.tokens.length];
  const key = `${rule.index}:${lo}`;
  let all = sent.matches.get(key);
  if (!all) {
    const present = sent.presentIn(lo, hi);
    all = frameMayMatch(frame, present) ? frameMatches(frame, sent.table, lo, hi, present) : [];
    sent.matches.set(key, all);
  }
  // the widest match that covers the anchor
  let m: TokenRange | null = null;
  for (const r of all) if (r[0] <= anchor && anchor <= r[1] && (!m || r[1] - r[0] > m[1] - m[0])) m = r;
  if (!m) return 'quiet';
  const [a, b] = m;
  for (const g of frame.require) if (!groupFound(g, sent, scopes, a, b)) return 'quiet';
  for (const g of frame.quiet) if (groupFound(g, sent, scopes, a, b)) return 'quiet';
  if (ctx.mention(ctx.sentence(start, end))) return 'quiet';
  const kind = Object.keys(rule.sections).length ? ctx.section(start) : null;
  const effect = kind ? rule.sections[kind] : undefined;
  if (effect === 'quiet') return 'quiet';
  let level = STEP.indexOf(rule.data.severity);
  if (effect === 'raise') level = Math.min(2, level + 1);
  if (effect === 'lower') level = Math.max(0, level - 1);
  // a label covers only its words; an instruction or threat, from its clause's start to the end of the clause it ends in
  if (frame.data.span === 'match')
    return { severity: STEP[level], start: sent.tokens[a].start, end: sent.tokens[b].end };
  const first = frame.scope === 'clause' ? lo : clauses[a];
  const last = Math.min(hi - 1, clauseEnd(clauses, b));
  return { severity: STEP[level], start: sent.tokens[first].start, end: sent.tokens[last].end };
}
