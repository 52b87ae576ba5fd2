import { CharClass, charClass } from './chars';
import { AGE_UNIT, isAgeWithUnit } from './age-unit';
import { canonicalSpelling } from './spelling';

export interface Token {
  start: number;
  end: number;
  /** Lower case, straight apostrophes, invisible characters removed, folded to en-GB spelling. */
  norm: string;
  /** True when punctuation (not just spaces or a joining hyphen) separates this token from the previous one. */
  afterBreak: boolean;
}

/** Is the hyphen at `i` joining two words ("self-harm", "attention-\nseeking")? */
function isJoiningHyphen(text: string, i: number, end: number): boolean {
  if (i === 0 || charClass(text.charCodeAt(i - 1)) !== CharClass.Word) return false;
  let j = i + 1;
  if (j < end && text.charCodeAt(j) === 13) j++;
  if (j < end && text.charCodeAt(j) === 10) j++;
  return j < end && charClass(text.charCodeAt(j)) === CharClass.Word;
}

/**
 * Is the character at `i` a colon between two ASCII digits? "1:1" (one-to-one observation) and "10:30" are one word,
 * so a rule can name 1:1 time; every other colon ends a word.
 */
export function isDigitColon(text: string, i: number, end: number): boolean {
  if (text.charCodeAt(i) !== 58 || i === 0 || i + 1 >= end) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i + 1);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/** End of the word starting at `pos` (which must be a word character). */
export function wordEnd(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.Word || cls === CharClass.Ignorable) {
      i++;
      continue;
    }
    if (cls === CharClass.Inner && i + 1 < end && charClass(text.charCodeAt(i + 1)) === CharClass.Word) {
      i++;
      continue;
    }
    if (i > pos && isDigitColon(text, i, end)) {
      i++;
      continue;
    }
    break;
  }
  // trailing invisible characters belong to the gap, not the word
  while (i > pos && charClass(text.charCodeAt(i - 1)) === CharClass.Ignorable) i--;
  return i;
}

export function normalizeWord(raw: string): string {
  let s = raw.toLowerCase();
  if (/[^a-z0-9&']/.test(s)) {
    s = s.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/[\u200b\u200c\u200d\u2060\u00ad\ufeff]/g, '');
  }
  if (isAgeWithUnit(s, 0, s.length)) return AGE_UNIT;
  return canonicalSpelling(s);
}

/**
 * Reads tokens forward from `pos` up to `end`. Each call to next() returns the next word token, or null at the end.
 * Punctuation between words is reported through Token.afterBreak rather than stopping the reader,
 * so the same reader serves phrase matching (which stops at breaks) and context windows (which do not).
 */
export class TokenReader {
  /** Whether punctuation came before the word seekWord() last found. */
  broke = false;

  constructor(
    private readonly text: string,
    private pos: number,
    private readonly end: number,
  ) {}

  next(): Token | null {
    const start = this.seekWord();
    if (start < 0) return null;
    const we = wordEnd(this.text, start, this.end);
    this.pos = we;
    return { start, end: we, norm: normalizeWord(this.text.slice(start, we)), afterBreak: this.broke };
  }

  /** Moves to the start of the next word and returns it (-1 at the end), noting in `broke` what came before it. */
  seekWord(): number {
    const { text, end } = this;
    let i = this.pos;
    let broke = false;
    while (i < end) {
      const c = text.charCodeAt(i);
      const cls = charClass(c);
      if (cls === CharClass.Word) break;
      if (cls === CharClass.Punct || (cls === CharClass.Hyphen && !isJoiningHyphen(text, i, end))) broke = true;
      else if (cls === CharClass.Inner) broke = true;
      i++;
    }
    this.broke = broke;
    if (i >= end) {
      this.pos = end;
      return -1;
    }
    this.pos = i;
    return i;
  }

  /** Reads on from `pos`: after a word the caller read itself, or from a new place. */
  moveTo(pos: number): void {
    this.pos = pos;
  }
}

/** All tokens in [start, end). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const reader = new TokenReader(text, start, end);
  const out: Token[] = [];
  for (let t = reader.next(); t; t = reader.next()) out.push(t);
  return out;
}

/** Index of the first of `tokens` (in text order) starting at or after pos. */
export function indexOfStart(tokens: readonly Token[], pos: number): number {
  let lo = 0,
    hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the token starting exactly at `start`, or -1 when none does (a hit must begin on a word). */
export function tokenAt(tokens: readonly Token[], start: number): number {
  const first = indexOfStart(tokens, start);
  return first < tokens.length && tokens[first].start === start ? first : -1;
}
