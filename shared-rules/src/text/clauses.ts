/**
 * Sentences, clauses and lines for frames. A frame's slots must sit in one clause (or one sentence, for threats
 * whose condition and consequence are separate clauses), and quieting words are looked for in the clause, sentence
 * or line, so "In an emergency call 999; police may attend" is read as one emergency line.
 *
 * Sentences end at . ! ? followed by a space (not after an initial or a title such as "Sgt."), at | and at ; unless a word or
 * two before it head what follows ("PD; no role for secondary care"), at a colon
 * unless it closes a short label ("Key worker: PC Smith" is one statement, also after an earlier statement on the
 * line), at a list item, and at a line break unless
 * the next line carries on in lower case (wrapped prose). Clauses also end at , ( ) dashes and before but, whereas,
 * although, though, however. Scans are capped, so a text with no boundary costs O(1) per position.
 */
import type { Token } from './tokenize';

const MAX_SCAN = 400;
/**
 * Text with no statement end within this many characters is cut on a grid of this size (bounds()): a statement this
 * long is most likely run-on text, read again in part where a candidate straddles two cells.
 */
export const RUN_ON_CELL = MAX_SCAN;
const TITLES = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'sgt',
  'insp',
  'det',
  'supt',
  'const',
  'pc',
  'dc',
  'ds',
  'st',
  'no',
  'eg',
  'ie',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'prof',
  'cllr',
  'ch',
  'insp.',
  'dept',
  // police ranks abbreviated with a full stop ("Ofc. Brandt", "Cst. Lee", "Snr Const. Tran")
  'ofc',
  'ofcr',
  'cst',
  'snr',
  'cpl',
]);
const CLAUSE_WORDS = new Set(['but', 'whereas', 'although', 'though', 'however']);
/** Words after which a colon is part of a label, not the end of a statement. */
const MAX_LABEL_WORDS = 4;
/** Characters of a short heading before a semicolon ("EUPD;", "Known PD;"). */
const MAX_SEMICOLON_LABEL = 16;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 13;
}

/** [A-Za-z.] by character code: sentence ends are looked for at every full stop a context window passes. */
function isLetterOrDot(c: number): boolean {
  return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Start of the line holding text[i], looking back at most MAX_SCAN characters: callers only ask whether the line
 * so far is short, and an unbounded lastIndexOf made each colon in a run-on text cost the whole text.
 */
function lineStartOf(text: string, i: number): number {
  const lo = Math.max(0, i - MAX_SCAN);
  let j = i;
  while (j > lo && text.charCodeAt(j - 1) !== 10) j--;
  return j;
}

/**
 * Start of the words a colon at text[i] may close as a label: the line's start, or the end of a statement earlier on
 * the line, so "CPA review 10:00. Attendees: Dr Singh, Sgt Holt" reads "Attendees" as a label like a heading would.
 */
function labelStartOf(text: string, i: number): number {
  const start = lineStartOf(text, i);
  for (let j = i - 1; j > start; j--) {
    const c = text.charCodeAt(j - 1);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && isSpaceCode(text.charCodeAt(j))) return j;
  }
  return start;
}

/** Is text[i] the end of a statement (the character itself)? */
function endsSentence(text: string, i: number, hi: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 124) return true; // |
  if (c === 59) {
    // a word or two before a semicolon is a heading for what follows, not a statement of its own: "PD; no role for
    // secondary care" is one statement, "In an emergency call 999; police may attend" two
    const start = labelStartOf(text, i);
    const label = text.slice(start, i).replace(/^[\s>*#_\-\d.)]+/, '');
    return !(label.length <= MAX_SEMICOLON_LABEL && label.split(/\s+/).filter(Boolean).length <= 2);
  }
  if (c === 10) {
    let j = i + 1;
    while (j < hi && isSpaceCode(text.charCodeAt(j))) j++;
    if (j >= hi) return true;
    const n = text.charCodeAt(j);
    const lower = n >= 97 && n <= 122;
    // wrapped prose: a long line running on into a lower-case word
    return !(lower && i - lineStartOf(text, i) > 40);
  }
  if (c === 58) {
    // a colon inside a word or number ("1:1 sessions", "at 10:00 with") ends nothing, as in the context windows
    if (i + 1 < hi && !isSpaceCode(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== 10) return false;
    const start = labelStartOf(text, i);
    const label = text.slice(start, i).replace(/^[\s>*#_\-\d.)]+/, '');
    return !(label.length <= 32 && label.split(/\s+/).filter(Boolean).length <= MAX_LABEL_WORDS);
  }
  if (c !== 46 && c !== 33 && c !== 63) return false;
  const next = i + 1 < hi ? text.charCodeAt(i + 1) : 32;
  if (!isSpaceCode(next) && next !== 10 && next !== 34 && next !== 0x201d && next !== 41) return false;
  if (c === 46) {
    let s = i;
    while (s > 0 && isLetterOrDot(text.charCodeAt(s - 1))) s--;
    const word = text.slice(s, i);
    if (word.length === 1 && /[A-Z]/.test(word)) return false; // an initial: "PC J. Smith"
    if (TITLES.has(word.toLowerCase())) return false;
  }
  return true;
}

/**
 * [start, end) of the statement around [from, to) in text[lo, hi). When no boundary lies within MAX_SCAN, the side is
 * cut at a line of a MAX_SCAN grid, so a run-on text is read in cells that do not overlap: each character once.
 */
export function sentenceBounds(text: string, from: number, to: number, lo: number, hi: number): [number, number] {
  return bounds(text, from, to, lo, hi, endsSentence);
}

function bounds(
  text: string,
  from: number,
  to: number,
  lo: number,
  hi: number,
  ends: (text: string, i: number, hi: number) => boolean,
): [number, number] {
  let s = from;
  const sMin = Math.max(lo, from - MAX_SCAN);
  while (s > sMin && !ends(text, s - 1, hi)) s--;
  if (s === sMin && s > lo && !ends(text, s - 1, hi)) s = lo + Math.floor((from - lo) / MAX_SCAN) * MAX_SCAN;
  let e = to;
  const eMax = Math.min(hi, to + MAX_SCAN);
  while (e < eMax && !ends(text, e, hi)) e++;
  if (e === eMax && e < hi) e = Math.min(hi, lo + (Math.floor((to - lo) / MAX_SCAN) + 1) * MAX_SCAN);
  return [s, e];
}

/** [start, end) of the line (list item, table row) around [from, to). */
export function lineBounds(text: string, from: number, to: number, lo: number, hi: number): [number, number] {
  return bounds(text, from, to, lo, hi, endsLine);
}

function endsLine(text: string, i: number): boolean {
  return text.charCodeAt(i) === 10;
}

/** For each token of a sentence, the index of its clause's first token. */
export function clauseStarts(text: string, tokens: readonly Token[]): Int32Array {
  const out = new Int32Array(tokens.length);
  let start = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (
      k > 0 &&
      (CLAUSE_WORDS.has(tokens[k].norm) ||
        (tokens[k].afterBreak && /[,()\u2013\u2014]|\s-\s/.test(text.slice(tokens[k - 1].end, tokens[k].start))))
    )
      start = k;
    out[k] = start;
  }
  return out;
}

/** Last token index of the clause that contains token k. */
export function clauseEnd(starts: Int32Array, k: number): number {
  let e = k;
  while (e + 1 < starts.length && starts[e + 1] === starts[k]) e++;
  return e;
}
