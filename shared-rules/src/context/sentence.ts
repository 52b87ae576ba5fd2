/** Sentence bounds inside a chunk, for context windows. Scans are capped so a missing full stop costs O(1). */
const MAX_SCAN = 600;
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'eg',
  'ie',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'approx',
  'no',
  'st',
  'pt',
  'pts',
  'inc',
  'dept',
  'sr',
  'jr',
]);

function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
  // no-break, Unicode and ideographic spaces, and the line and paragraph separators U+2028/U+2029
  return (
    c === 0xa0 ||
    c === 0x85 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function endsAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  // [A-Za-z.] by character code: this runs back from every full stop a context window passes
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c !== 46 && !(c >= 65 && c <= 90) && !(c >= 97 && c <= 122)) break;
    s--;
  }
  const word = text.slice(s, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || (word.length === 1 && /[a-z]/.test(word));
}

/** Does a sentence end at `i` (the punctuation character itself)? */
function isBoundary(text: string, i: number, limit: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10) {
    // a line starting with a list marker or a heading starts a new statement
    let j = i + 1;
    while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j >= limit) return true;
    const n = text.charCodeAt(j);
    return (
      n === 45 ||
      n === 42 ||
      n === 0x2022 ||
      n === 35 ||
      (n >= 48 && n <= 57 && /^\d+[.)]\s/.test(text.slice(j, j + 4)))
    );
  }
  if (c !== 46 && c !== 33 && c !== 63 && c !== 59 && c !== 58) return false;
  const next = i + 1 < limit ? text.charCodeAt(i + 1) : 32;
  // "bridge.Evidence": a full stop straight before a capital still ends a sentence (a missing space), and so
  // does one before "[", which is how a slot rewrite ("[describe …]") starts once applied
  const glued =
    c === 46 && ((next >= 65 && next <= 90) || next === 91) && i > 1 && /[a-z]{2}/.test(text.slice(i - 2, i));
  if (!glued && !isSpace(next) && next !== 34 && next !== 0x201d && next !== 41) return false;
  if (c === 46 && endsAbbreviation(text, i)) return false;
  return true;
}

/** Windows cut from a sentence too long to scan start on multiples of this, so nearby hits share one. */
const WINDOW_STEP = MAX_SCAN / 2;

/**
 * [start, end) of the sentence around [from, to), within [lo, hi). When no boundary lies within MAX_SCAN,
 * the side is cut on a WINDOW_STEP grid (at least WINDOW_STEP from the hit): a run-on text with a hit in
 * every word then reuses a few windows instead of tokenising a fresh one per hit.
 */
export function sentenceAround(text: string, from: number, to: number, lo: number, hi: number): [number, number] {
  let s = from;
  const sMin = Math.max(lo, from - MAX_SCAN);
  while (s > sMin && !isBoundary(text, s - 1, hi)) s--;
  if (s === sMin && s > lo && !isBoundary(text, s - 1, hi)) s = gridStart(from, lo);
  let e = to;
  const eMax = Math.min(hi, to + MAX_SCAN);
  while (e < eMax && !isBoundary(text, e, hi)) e++;
  if (e === eMax && e < hi) e = gridEnd(to, lo, hi);
  return [s, e];
}

/** Where a window starts when no sentence start lies within MAX_SCAN before `from`. */
function gridStart(from: number, lo: number): number {
  return Math.max(lo, lo + Math.floor((from - lo - WINDOW_STEP) / WINDOW_STEP) * WINDOW_STEP);
}

/** Where a window ends when no sentence end lies within MAX_SCAN after `to`. */
function gridEnd(to: number, lo: number, hi: number): number {
  return Math.min(hi, lo + Math.ceil((to - lo + WINDOW_STEP) / WINDOW_STEP) * WINDOW_STEP);
}

/** Index of the first entry of `ends` at or after `value`, searching from `from`. */
function firstAtOrAfter(ends: Int32Array, value: number, from = 0): number {
  let a = from,
    b = ends.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (ends[m] < value) a = m + 1;
    else b = m;
  }
  return a;
}

/** Every sentence end in [lo, hi), in order: for long chunks, where scanning around each hit would repeat work. */
export function sentenceEnds(text: string, lo: number, hi: number): Int32Array {
  const out: number[] = [];
  for (let i = lo; i < hi; i++) if (isBoundary(text, i, hi)) out.push(i);
  return Int32Array.from(out);
}

/** The same bounds as sentenceAround, found in a precomputed sentenceEnds(text, lo, hi) list. */
export function sentenceAroundIn(ends: Int32Array, from: number, to: number, lo: number, hi: number): [number, number] {
  // last end before `from`, first end at or after `to`
  const a = firstAtOrAfter(ends, from);
  const before = a > 0 ? ends[a - 1] : -1;
  const c = firstAtOrAfter(ends, to, a);
  const after = c < ends.length ? ends[c] : hi;
  const sMin = Math.max(lo, from - MAX_SCAN);
  const eMax = Math.min(hi, to + MAX_SCAN);
  let s = Math.max(sMin, before + 1);
  let e = Math.min(eMax, after);
  // the same grid as sentenceAround when a side found no boundary
  if (before + 1 < sMin && s > lo) s = gridStart(from, lo);
  if (e === eMax && e < hi) e = gridEnd(to, lo, hi);
  return [s, e];
}
