/**
 * CareLint directives, in any comment syntax or on their own line:
 *
 *   carelint-disable-next-line [ids] [-- reason]   the next non-blank line
 *   carelint-disable-line [ids] [-- reason]        its own line
 *   carelint-disable [ids] ... carelint-enable [ids]   a region (to the end of the text if not re-enabled)
 *
 * `ids` are rule ids or category ids, separated by spaces or commas; none means every rule.
 */
import { lineIndexAt, lineStarts } from '../text/position';
import { NextFinder } from './buffer';

export { directiveComment } from './comment-syntax';

export interface Suppressions {
  isSuppressed(ruleId: string, category: string, offset: number): boolean;
  readonly count: number;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Lower-cased rule or category ids; empty means all rules. */
  ids: string[];
  reason?: string;
  /** Offset of the "carelint-" keyword. */
  offset: number;
  /** What a mask hides: from the comment opener (or the keyword) to the comment closer or the end of the line. */
  start: number;
  end: number;
  /** Where the comment holding the directive ends (past its closer, possibly on a later line). */
  commentEnd: number;
}

const KEYWORD = /carelint-(disable-next-line|disable-line|disable|enable)/gi;
const ANY = /carelint-/i;

// Openers that may sit anywhere on the line, and short ones that need a space or the line start before them.
const BLOCK_OPENERS: ReadonlyArray<[string, string]> = [
  ['{{!--', '--}}'],
  ['<!--', '-->'],
  ['{{!', '}}'],
  ['{#', '#}'],
  ['/*', '*/'],
];
const LINE_OPENERS = ['//', '#', '--', '%', ';'];
const CLOSERS = ['--}}', '-->', '#}', '*/', '}}'];

const EMPTY: Suppressions = Object.freeze({ isSuppressed: () => false, count: 0 });

/** Every directive in the text, in order. Linear in the length of the text. */
export function findDirectives(text: string): Directive[] {
  if (!ANY.test(text)) return [];
  const hits: Array<{ at: number; end: number; kind: DirectiveKind }> = [];
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
    hits.push({ at: m.index, end: m.index + m[0].length, kind: m[1].toLowerCase() as DirectiveKind });
  }
  const out: Directive[] = [];
  const blockClosers = new Map<string, NextFinder>();
  let ls = 0; // start of the line holding the current hit
  let le = -1; // and its end
  let scanned = 0;
  for (let h = 0; h < hits.length; h++) {
    const { at, end: kwEnd, kind } = hits[h];
    for (; scanned < at; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 0x0a || c === 0x0d) ls = scanned + 1;
    }
    if (at > 0 && isIdChar(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 0x2d) continue;
    if (!boundaryAfter(text, kwEnd)) continue;
    const opener = openerBefore(text, ls, at);
    if (!opener) continue;
    if (le < kwEnd) le = lineEndFrom(text, kwEnd);
    const stop = h + 1 < hits.length ? Math.min(le, hits[h + 1].at) : le;
    // The ids end at the first comment closer (or the next directive, or the end of the line).
    let closerAt = -1;
    let closerLen = 0;
    for (let k = kwEnd; k < stop && closerAt < 0; k++) {
      for (const cl of CLOSERS) {
        if (text.startsWith(cl, k)) {
          closerAt = k;
          closerLen = cl.length;
          break;
        }
      }
    }
    const body = text.slice(kwEnd, closerAt >= 0 ? closerAt : stop);
    const { ids, reason } = parseBody(body);
    const end = closerAt >= 0 && opener.close ? closerAt + closerLen : le;
    let commentEnd = end;
    if (opener.close && closerAt < 0) {
      let f = blockClosers.get(opener.close);
      if (!f) blockClosers.set(opener.close, (f = new NextFinder(text, opener.close)));
      const c = f.at(le);
      commentEnd = c < 0 ? text.length : c + opener.close.length;
    }
    out.push({ kind, ids, reason, offset: at, start: opener.start, end, commentEnd });
  }
  return out;
}

export function parseDirectives(text: string): Suppressions {
  if (!ANY.test(text)) return EMPTY;
  const directives = findDirectives(text);
  if (directives.length === 0) return EMPTY;
  return new DirectiveSuppressions(text, directives);
}

class DirectiveSuppressions implements Suppressions {
  readonly count: number;
  private readonly lineStarts: number[];
  private readonly byLine = new Map<number, Directive[]>();
  private readonly regions: Directive[];

  constructor(text: string, directives: Directive[]) {
    this.count = directives.length;
    this.lineStarts = lineStarts(text);
    this.regions = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
    const nextContent = nextContentLines(text, this.lineStarts, directives);
    for (const d of directives) {
      let line: number;
      if (d.kind === 'disable-line') line = this.lineOf(d.offset);
      else if (d.kind === 'disable-next-line') {
        const after = this.lineOf(Math.max(d.offset, d.commentEnd - 1)) + 1;
        line = after < nextContent.length ? nextContent[after] : -1;
      } else continue;
      if (line < 0) continue;
      const list = this.byLine.get(line);
      if (list) list.push(d);
      else this.byLine.set(line, [d]);
    }
  }

  isSuppressed(ruleId: string, category: string, offset: number): boolean {
    const rule = ruleId.toLowerCase();
    const cat = category.toLowerCase();
    const onLine = this.byLine.get(this.lineOf(offset));
    if (onLine && onLine.some((d) => applies(d, rule, cat))) return true;
    let off = false;
    for (const d of this.regions) {
      if (d.offset > offset) break;
      if (applies(d, rule, cat)) off = d.kind === 'disable';
    }
    return off;
  }

  private lineOf(offset: number): number {
    return lineIndexAt(this.lineStarts, offset);
  }
}

function applies(d: Directive, rule: string, cat: string): boolean {
  return d.ids.length === 0 || d.ids.includes(rule) || d.ids.includes(cat);
}

/** The comment opener before the keyword (or the line start): its offset and its closer, or null. */
function openerBefore(text: string, ls: number, at: number): { start: number; close?: string } | null {
  let b = at;
  while (b > ls && (text.charCodeAt(b - 1) === 0x20 || text.charCodeAt(b - 1) === 0x09)) b--;
  if (b === ls) return { start: at };
  for (const [open, close] of BLOCK_OPENERS) {
    if (b - open.length >= ls && text.startsWith(open, b - open.length)) return { start: b - open.length, close };
  }
  for (const open of LINE_OPENERS) {
    const s = b - open.length;
    if (s >= ls && text.startsWith(open, s)) {
      const before = s > ls ? text.charCodeAt(s - 1) : 0x20;
      if (before === 0x20 || before === 0x09) return { start: s };
    }
  }
  return null;
}

const REASON = /(?:^|[\s,])(?:--+|\u2013|\u2014)(?=\s|$)/;
const ID = /^[a-z0-9][a-z0-9_.-]*$/;

function parseBody(body: string): { ids: string[]; reason?: string } {
  const m = REASON.exec(body);
  const idPart = m ? body.slice(0, m.index) : body;
  const reason = m ? body.slice(m.index + m[0].length).trim() : '';
  const ids = idPart
    .split(/[\s,]+/)
    .map((t) => t.toLowerCase())
    .filter((t) => ID.test(t));
  return reason ? { ids, reason } : { ids };
}

function boundaryAfter(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x3a) return true;
  return CLOSERS.some((cl) => text.startsWith(cl, i)) || text.startsWith('--', i);
}

function isIdChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

function onlyWhiteUntilLineEnd(text: string, i: number, to: number): boolean {
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}

function lineEndFrom(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
    i++;
  }
  return text.length;
}

/**
 * For each line, the first line at or after it with something on it besides white space and directives
 * (-1 when there is none), so that stacked `disable-next-line` comments all reach the same line.
 */
function nextContentLines(text: string, starts: number[], directives: Directive[]): Int32Array {
  const lines = starts.length;
  const has = new Uint8Array(lines);
  let d = 0;
  for (let line = 0; line < lines; line++) {
    const from = starts[line];
    const to = line + 1 < lines ? starts[line + 1] : text.length;
    for (let i = from; i < to; i++) {
      while (d < directives.length && directives[d].end <= i) d++;
      if (d < directives.length && directives[d].start <= i) {
        i = directives[d].end - 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) {
        // A line holding only the closer of a multi-line comment around a directive does not count.
        const cl = CLOSERS.find((x) => text.startsWith(x, i));
        if (!cl || !onlyWhiteUntilLineEnd(text, i + cl.length, to)) has[line] = 1;
        break;
      }
    }
  }
  const next = new Int32Array(lines);
  let upcoming = -1;
  for (let line = lines - 1; line >= 0; line--) {
    if (has[line]) upcoming = line;
    next[line] = upcoming;
  }
  return next;
}
