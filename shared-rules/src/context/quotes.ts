/**
 * Quoted stretches of a chunk: a patient's own words, or a term mentioned rather than used.
 * Straight double quotes pair up in order; curly quotes, guillemets and low-9 quotes („ “) pair by direction; single quotes only
 * when they open at a word start and close at a word end (so apostrophes never count).
 */
export type Span = readonly [number, number];

const MAX_QUOTE = 1200;
const QUOTE_EVENTS = /["'\n\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e\u2039\u203a]/g;

// Opening double marks and the closers each accepts: English “ ”, French « », German „ “ (or Polish „ ”) and » «.
const DOUBLE_CLOSERS: Record<string, string> = {
  '\u201c': '\u201d',
  '\u00ab': '\u00bb',
  '\u201e': '\u201c\u201d',
  '\u00bb': '\u00ab',
  '\u2039': '\u203a',
};

function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  // ASCII answered without the regex: apostrophes are common, and each used to run a Unicode property test
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(c);
}

export function quoteSpans(text: string, lo: number, hi: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  let openChar = '';
  // only quotation marks, apostrophes and line breaks do anything, so the regex engine finds them; the MAX_QUOTE
  // reset below only ever closes an open quote, so applying it at the next such character gives the same spans
  const events = new RegExp(QUOTE_EVENTS);
  events.lastIndex = lo;
  for (let found = events.exec(text); found !== null && found.index < hi; found = events.exec(text)) {
    const i = found.index;
    const ch = text[i];
    if (open >= 0 && i - open > MAX_QUOTE) open = -1;
    if (ch === '"') {
      if (open >= 0 && openChar === '"') {
        spans.push([open, i + 1]);
        open = -1;
      } else if (open < 0) {
        open = i;
        openChar = '"';
      }
    } else if (ch in DOUBLE_CLOSERS || ch === '\u201d' || ch === '\u203a') {
      if (open >= 0 && DOUBLE_CLOSERS[openChar]?.includes(ch)) {
        spans.push([open, i + 1]);
        open = -1;
      } else if (
        open < 0 &&
        ch in DOUBLE_CLOSERS &&
        (ch !== '\u00bb' || (isLetter(text[i + 1]) && !isLetter(text[i - 1])))
      ) {
        // » opens only as the German mark, before a word ("»in pain«"); after a word it is a stray closer
        open = i;
        openChar = ch;
      }
    } else if (ch === '\u201a') {
      if (open < 0) {
        open = i;
        openChar = ch;
      }
    } else if (ch === "'" || ch === '\u2018' || ch === '\u2019') {
      const before = text[i - 1];
      const after = text[i + 1];
      const opens = (ch === "'" || ch === '\u2018') && !isLetter(before) && isLetter(after);
      const closes =
        (ch === "'" || ch === '\u2019') && !isLetter(after) && (isLetter(before) || /[.!?,]/.test(before ?? ''));
      // German single quotes open low (‚) and close with ‘
      const closesLow = openChar === '\u201a' && (ch === '\u2018' || ch === '\u2019') && !isLetter(after);
      if (open >= 0 && (((openChar === "'" || openChar === '\u2018') && closes) || closesLow)) {
        spans.push([open, i + 1]);
        open = -1;
      } else if (open < 0 && opens) {
        open = i;
        openChar = ch;
      }
    } else if (ch === '\n' && open >= 0 && text[i + 1] === '\n') {
      open = -1;
    }
  }
  return spans;
}

/** Spans come from quoteSpans: ordered and disjoint, so the one candidate is found by binary search. */
export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  return enclosingSpan(spans, start, end) !== undefined;
}

/** The span of `spans` (ordered and disjoint) that contains [start, end), if any. */
export function enclosingSpan(spans: readonly Span[], start: number, end: number): Span | undefined {
  let lo = 0,
    hi = spans.length - 1,
    candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][0] <= start) {
      candidate = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return candidate >= 0 && end <= spans[candidate][1] ? spans[candidate] : undefined;
}
