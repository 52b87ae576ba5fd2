/**
 * Markdown masking. Hidden: front matter, fenced code, inline code, HTML comments and raw HTML tags (block
 * tags become paragraph breaks), <script>/<style>/<template>/<code> content, autolinks, bare URLs, link and
 * image destinations (the link text stays), reference definitions. Headings, emphasis markers and list
 * markers stay (they are punctuation, and the section detector reads `## Care plan`).
 *
 * Two passes, both linear: a line pass finds the block structure (front matter, fences, comment and
 * script blocks, reference definitions) and cuts the rest into paragraphs; an inline pass masks each
 * paragraph. No inline construct crosses a blank line.
 */
import {
  NextFinder,
  hide,
  isAsciiAlnum,
  isAsciiLetter,
  isBlank,
  isWhite,
  lineEnd,
  nextLineStart,
  type Mask,
} from './buffer';
import { decodeEntityAt } from './entities';
import { CloseTagFinder, HIDDEN_CONTENT, hideTag, readTagName } from './html';

const BACKTICK = 0x60;
const TILDE = 0x7e;

interface Finders {
  commentEnd: NextFinder;
  closers: CloseTagFinder;
  quote: NextFinder;
  apos: NextFinder;
  paren: NextFinder;
  backtick: NextFinder;
}

export function maskMarkdown(text: string, out: Mask): void {
  const n = text.length;
  const f: Finders = {
    commentEnd: new NextFinder(text, '-->'),
    closers: new CloseTagFinder(text),
    quote: new NextFinder(text, '"'),
    apos: new NextFinder(text, "'"),
    paren: new NextFinder(text, ')'),
    backtick: new NextFinder(text, '`'),
  };
  let ls = frontMatter(text, out);
  let paraStart = -1;
  let paraEnd = -1;
  const flush = () => {
    if (paraStart >= 0) maskInline(text, out, paraStart, paraEnd, f);
    paraStart = -1;
  };
  let fence: { ch: number; len: number } | null = null;
  while (ls < n) {
    const le = lineEnd(text, ls);
    const next = nextLineStart(text, le);
    if (fence) {
      hide(out, ls, le);
      const cl = fenceAt(text, ls, le);
      if (cl && cl.ch === fence.ch && cl.len >= fence.len && isBlank(text, cl.end, le)) fence = null;
      ls = next;
      continue;
    }
    if (isBlank(text, ls, le)) {
      flush();
      ls = next;
      continue;
    }
    const open = fenceAt(text, ls, le);
    if (open && !(open.ch === BACKTICK && hasBacktick(text, open.end, le))) {
      flush();
      hide(out, ls, le);
      fence = { ch: open.ch, len: open.len };
      ls = next;
      continue;
    }
    const block = blockHtmlEnd(text, ls, le, f);
    if (block >= 0) {
      // A comment or <script>/<style>/<template> block may run over blank lines; what follows it on its
      // last line starts a new paragraph.
      flush();
      hide(out, ls, block);
      if (block >= n) break;
      const bl = lineEnd(text, block);
      if (!isBlank(text, block, bl)) {
        paraStart = block;
        paraEnd = bl;
      }
      ls = nextLineStart(text, bl);
      continue;
    }
    if (isReferenceDefinition(text, ls, le)) {
      flush();
      hide(out, ls, le);
      ls = next;
      continue;
    }
    if (paraStart < 0) paraStart = ls;
    paraEnd = le;
    ls = next;
  }
  flush();
}

/** YAML (`---`) or TOML (`+++`) front matter at the very start: hidden; returns where the body starts. */
function frontMatter(text: string, out: Mask): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const marker = text.startsWith('---', bom) ? '---' : text.startsWith('+++', bom) ? '+++' : '';
  if (!marker) return 0;
  const first = lineEnd(text, bom);
  if (!isBlank(text, bom + 3, first) || first >= text.length) return 0;
  let ls = nextLineStart(text, first);
  while (ls < text.length) {
    const le = lineEnd(text, ls);
    const closes = text.startsWith(marker, ls) || (marker === '---' && text.startsWith('...', ls));
    if (closes && isBlank(text, ls + 3, le)) {
      hide(out, bom, le);
      return nextLineStart(text, le);
    }
    ls = nextLineStart(text, le);
  }
  return 0; // not closed: not front matter
}

/** A fence (``` or ~~~, 3 or more) opening or closing at this line, after indentation, '>' or a list marker. */
function fenceAt(text: string, ls: number, le: number): { ch: number; len: number; end: number } | null {
  let i = ls;
  for (;;) {
    while (i < le && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (i < le && text.charCodeAt(i) === 0x3e /* > */) {
      i++;
      continue;
    }
    break;
  }
  const m = /^(?:[-+*]|\d{1,9}[.)])[ \t]+/.exec(text.slice(i, Math.min(le, i + 16)));
  if (m) i += m[0].length;
  const ch = text.charCodeAt(i);
  if (ch !== BACKTICK && ch !== TILDE) return null;
  let j = i;
  while (j < le && text.charCodeAt(j) === ch) j++;
  return j - i >= 3 ? { ch, len: j - i, end: j } : null;
}

/**
 * A line starting (after up to 3 spaces) an HTML comment or a <script>/<style>/<template> element that does
 * not close on this line: the end of the whole block (past '-->' or the closing tag, or the end of the
 * text). -1 when the line is not such a block.
 */
function blockHtmlEnd(text: string, ls: number, le: number, f: Finders): number {
  let i = ls;
  while (i < le && i - ls < 3 && text.charCodeAt(i) === 0x20) i++;
  if (text.charCodeAt(i) !== 0x3c) return -1;
  if (text.startsWith('<!--', i)) {
    const close = f.commentEnd.at(i + 4);
    if (close >= 0 && close + 3 <= le) return -1; // closes on its own line: inline
    return close < 0 ? text.length : close + 3;
  }
  if (!isAsciiLetter(text.charCodeAt(i + 1))) return -1;
  const { name, end } = readTagName(text, i + 1, le);
  if (name === 'code' || !HIDDEN_CONTENT.has(name)) return -1;
  if (end < le && !isWhite(text.charCodeAt(end)) && text.charCodeAt(end) !== 0x3e) return -1;
  const close = f.closers.at(name, end);
  if (close < 0) return text.length;
  const gt = text.indexOf('>', close);
  return gt < 0 ? text.length : gt + 1;
}

/** `[id]: url "title"` (but not a footnote `[^1]: text`, which is prose). */
const REF_DEF =
  /^ {0,3}\[[^\]^\r\n][^\]\r\n]{0,998}\]:[ \t]*\S+(?:[ \t]+(?:"[^"\r\n]*"|'[^'\r\n]*'|\([^)\r\n]*\)))?[ \t]*$/;

function isReferenceDefinition(text: string, ls: number, le: number): boolean {
  let i = ls;
  while (i < le && text.charCodeAt(i) === 0x20) i++;
  if (text.charCodeAt(i) !== 0x5b || i - ls > 3) return false;
  return REF_DEF.test(text.slice(ls, le));
}

/** Mask the inline constructs of the paragraph [s, e). */
function maskInline(text: string, out: Mask, s: number, e: number, f: Finders): void {
  const runs = backtickRuns(text, s, e, f.backtick);
  let run = 0;
  let brackets = 0;
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    switch (c) {
      case BACKTICK: {
        while (run < runs.starts.length && runs.starts[run] < i) run++;
        if (runs.starts[run] !== i) {
          i++; // inside a run a skipped construct ended in: literal
          continue;
        }
        const len = runs.lens[run];
        const close = runs.nextOfLength(run);
        if (close < 0) {
          i += len;
          run++;
          continue;
        }
        const end = runs.starts[close] + len;
        hide(out, i, end);
        i = end;
        run = close + 1;
        continue;
      }
      case 0x5c /* \ */:
        {
          const d = text.charCodeAt(i + 1);
          i += i + 1 < e && d !== BACKTICK && isAsciiPunct(d) ? 2 : 1;
          continue;
        }
      case 0x26 /* & */:
        i = decodeEntityAt(text, out, i, e);
        continue;
      case 0x3c /* < */:
        i = maskAngle(text, out, i, e, f);
        continue;
      case 0x5b /* [ */:
        brackets++;
        i++;
        continue;
      case 0x5d /* ] */:
        {
          i++;
          if (brackets === 0) continue;
          brackets--;
          const d = text.charCodeAt(i);
          const end = d === 0x28 ? destinationEnd(text, i, e, f) : d === 0x5b ? labelEnd(text, i, e) : -1;
          if (end > 0) {
            hide(out, i, end);
            i = end;
          }
          continue;
        }
      case 0x68:
      case 0x48:
      case 0x77:
      case 0x57:
      case 0x6d:
      case 0x4d: {
        // h w m
        const end = i > s && isAsciiAlnum(text.charCodeAt(i - 1)) ? -1 : bareUrlEnd(text, i, e);
        if (end > 0) {
          hide(out, i, end);
          i = end;
        } else {
          i++;
        }
        continue;
      }
      default:
        i++;
    }
  }
}

interface Runs {
  starts: number[];
  lens: number[];
  /** The next run after run `k` with the same length, or -1. Amortised O(1) for increasing k. */
  nextOfLength(k: number): number;
}

function backtickRuns(text: string, s: number, e: number, next: NextFinder): Runs {
  const starts: number[] = [];
  const lens: number[] = [];
  let i = next.at(s);
  while (i >= 0 && i < e) {
    let j = i + 1;
    while (j < e && text.charCodeAt(j) === BACKTICK) j++;
    starts.push(i);
    lens.push(j - i);
    i = next.at(j);
  }
  let byLength: Map<number, { runs: number[]; at: number }> | undefined;
  return {
    starts,
    lens,
    nextOfLength(k) {
      if (!byLength) {
        byLength = new Map();
        for (let r = 0; r < lens.length; r++) {
          const g = byLength.get(lens[r]);
          if (g) g.runs.push(r);
          else byLength.set(lens[r], { runs: [r], at: 0 });
        }
      }
      const g = byLength.get(lens[k])!;
      while (g.at < g.runs.length && g.runs[g.at] <= k) g.at++;
      return g.at < g.runs.length ? g.runs[g.at] : -1;
    },
  };
}

/** '<' at `i`: an inline comment, autolink or raw HTML tag is hidden; returns where scanning continues. */
function maskAngle(text: string, out: Mask, i: number, e: number, f: Finders): number {
  if (text.startsWith('<!--', i)) {
    const close = f.commentEnd.at(i + 4);
    if (close < 0 || close + 3 > e) return i + 1;
    hide(out, i, close + 3);
    return close + 3;
  }
  // Everything else stops at the next '<' or '>', so these scans never overlap: linear.
  let j = i + 1;
  while (j < e) {
    const c = text.charCodeAt(j);
    if (c === 0x3c || c === 0x3e) break;
    j++;
  }
  if (j >= e || text.charCodeAt(j) !== 0x3e) return i + 1;
  const inner = text.slice(i + 1, j);
  if (AUTOLINK.test(inner) || EMAIL.test(inner)) {
    hide(out, i, j + 1);
    return j + 1;
  }
  const m = TAG.exec(inner);
  if (!m) return i + 1;
  const name = m[2].toLowerCase();
  const closing = m[1] === '/';
  hideTag(out, i, j + 1, name, closing);
  if (closing || !HIDDEN_CONTENT.has(name) || inner.endsWith('/')) return j + 1;
  const close = f.closers.at(name, j + 1);
  if (close < 0 || close >= e) return j + 1;
  hide(out, j + 1, close);
  return close;
}

const AUTOLINK = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const TAG = /^(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[\s/][^]*)?$/;

/** `(dest "title")` starting at the '(' at `p`: its end, or -1. Destinations hold no brackets or spaces. */
function destinationEnd(text: string, p: number, e: number, f: Finders): number {
  let j = skipWhite(text, p + 1, e);
  if (text.charCodeAt(j) === 0x3c /* <dest> */) {
    j++;
    while (j < e) {
      const c = text.charCodeAt(j);
      if (c === 0x3e) break;
      if (c === 0x3c || c === 0x0a || c === 0x0d) return -1;
      j++;
    }
    if (j >= e) return -1;
    j++;
  } else {
    let depth = 0;
    while (j < e) {
      const c = text.charCodeAt(j);
      if (isWhite(c)) break;
      if (c === 0x5b || c === 0x5d) return -1;
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (depth === 0) break;
        depth--;
      }
      j++;
    }
    if (depth !== 0) return -1;
  }
  j = skipWhite(text, j, e);
  const q = text.charCodeAt(j);
  if (q === 0x22 || q === 0x27 || q === 0x28) {
    const closer = q === 0x22 ? f.quote : q === 0x27 ? f.apos : f.paren;
    const close = closer.at(j + 1);
    if (close < 0 || close >= e) return -1;
    j = skipWhite(text, close + 1, e);
  }
  return text.charCodeAt(j) === 0x29 && j < e ? j + 1 : -1;
}

/** `[label]` of a reference link starting at the '[' at `p`: its end, or -1. */
function labelEnd(text: string, p: number, e: number): number {
  for (let j = p + 1; j < e && j - p <= 1000; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5d) return j + 1;
    if (c === 0x5b) return -1;
  }
  return -1;
}

/** A bare URL (http://, https://, www., mailto:) at `i`: its end without trailing punctuation, or -1. */
function bareUrlEnd(text: string, i: number, e: number): number {
  let j: number;
  if (startsWithLower(text, i, 'https://')) j = i + 8;
  else if (startsWithLower(text, i, 'http://')) j = i + 7;
  else if (startsWithLower(text, i, 'mailto:')) j = i + 7;
  else if (startsWithLower(text, i, 'www.')) j = i + 4;
  else return -1;
  const bodyStart = j;
  while (j < e) {
    const c = text.charCodeAt(j);
    if (isWhite(c) || c === 0x3c || c === 0x3e || c === 0xa0) break;
    j++;
  }
  // Trailing punctuation belongs to the sentence; a closing bracket only when unbalanced.
  let parens = 0;
  let squares = 0;
  for (let k = bodyStart; k < j; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x28) parens++;
    else if (d === 0x29) parens--;
    else if (d === 0x5b) squares++;
    else if (d === 0x5d) squares--;
  }
  while (j > bodyStart) {
    const c = text.charCodeAt(j - 1);
    if (TRAILING.has(c)) j--;
    else if (c === 0x29 && parens < 0) {
      j--;
      parens++;
    } else if (c === 0x5d && squares < 0) {
      j--;
      squares++;
    } else break;
  }
  return j > bodyStart ? j : -1;
}

const TRAILING = new Set([...'.,:;!?\'"*_~\u2019\u201d'].map((ch) => ch.charCodeAt(0)));

function startsWithLower(text: string, i: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

function hasBacktick(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === BACKTICK) return true;
  return false;
}

function skipWhite(text: string, j: number, e: number): number {
  while (j < e && isWhite(text.charCodeAt(j))) j++;
  return j;
}

function isAsciiPunct(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}
