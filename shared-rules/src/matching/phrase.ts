/**
 * CareLint phrase syntax: word sequences, never regular expressions, so matching stays linear.
 *   word      any case, en-GB/en-US spelling, hyphen/space/joined variants
 *   word~     the word and its inflections
 *   (a|b c)   alternatives      (a|b)?  optional group      ..  ..6  a gap of up to 4 (or N ≤ 8) words
 */
import { letterPattern } from '../text/letter-regexp';
import { normalizeWord } from '../text/tokenize';

export type FormName = 'base' | 'past' | 'present' | 'gerund' | 'participle' | 'plural';
export type WordForms = Partial<Record<FormName, string>>;
/** Returns the inflections of a base word, or undefined when it has none. */
export type Inflector = (word: string) => WordForms | undefined;

export type PhraseNode =
  | { kind: 'word'; parts: string[]; inflect: boolean }
  | { kind: 'alts'; alts: PhraseNode[][]; optional: boolean }
  | { kind: 'gap'; max: number };

export class PhraseError extends Error {}

export const MAX_GAP = 8;
const DEFAULT_GAP = 4;

const TOKEN_RE = /\s+|\.\.(\d+)?|[()|?]|~|[^\s()|?~]+/gy;
// a colon only between digits, as the tokenizer reads it: "1:1" (one-to-one observation) is one word
const WORD_RE = letterPattern(String.raw`^(?:[\p{L}\p{N}'\u2019&-]|(?<=\p{N}):(?=\p{N}))+$`, 'u');
const REGEX_HINT = /[*+[\]{}\\^$.]/;

export function parsePhrase(source: string): PhraseNode[] {
  const toks: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN_RE.lastIndex < source.length && (m = TOKEN_RE.exec(source))) {
    if (!/^\s+$/.test(m[0])) toks.push(m[0]);
  }
  let i = 0;
  const seq = (depth: number): PhraseNode[] => {
    const out: PhraseNode[] = [];
    while (i < toks.length) {
      const t = toks[i];
      if (t === ')' || t === '|') {
        if (depth === 0) throw new PhraseError(`unexpected '${t}'`);
        return out;
      }
      i++;
      if (t === '(') {
        const alts: PhraseNode[][] = [seq(depth + 1)];
        while (toks[i] === '|') {
          i++;
          alts.push(seq(depth + 1));
        }
        if (toks[i] !== ')') throw new PhraseError("missing ')'");
        i++;
        const optional = toks[i] === '?';
        if (optional) i++;
        if (alts.some((a) => a.length === 0))
          throw new PhraseError("empty alternative: write '(a)?' for an optional word");
        out.push({ kind: 'alts', alts, optional });
      } else if (t.startsWith('..')) {
        const max = t.length > 2 ? Number(t.slice(2)) : DEFAULT_GAP;
        if (!(max >= 1 && max <= MAX_GAP)) throw new PhraseError(`gap '${t}' must allow 1 to ${MAX_GAP} words`);
        out.push({ kind: 'gap', max });
      } else if (t === '~' || t === '?') {
        throw new PhraseError(`'${t}' must follow a word or a group`);
      } else {
        if (!WORD_RE.test(t)) {
          throw new PhraseError(
            REGEX_HINT.test(t)
              ? `'${t}' looks like a regular expression; phrases are plain words with (a|b), (a)?, word~ and .. gaps, which keeps matching linear-time`
              : `'${t}' is not a word`,
          );
        }
        const inflect = toks[i] === '~';
        if (inflect) i++;
        const parts = t.split('-').filter(Boolean).map(normalizeWord);
        if (parts.length === 0) throw new PhraseError(`'${t}' is not a word`);
        out.push({ kind: 'word', parts, inflect });
      }
    }
    if (depth > 0) throw new PhraseError("missing ')'");
    return out;
  };
  const nodes = seq(0);
  if (nodes.length === 0) throw new PhraseError('empty phrase');
  return nodes;
}

/** A `word~` of a phrase or suggestion, the word its first group. */
export const INFLECTED_WORD = letterPattern(String.raw`([\p{L}\p{N}'\u2019&-]+)~`, 'gu');

/** The `word~` words a phrase or suggestion uses (for building the inflection lexicon). */
export function inflectedWords(source: string): string[] {
  return [...source.matchAll(INFLECTED_WORD.for(source))].map((m) => normalizeWord(m[1].split('-').pop()!));
}
