/**
 * CareLint phrase syntax: word sequences, never regular expressions, so matching stays linear.
 *   word      any case, en-GB/en-US spelling, hyphen/space/joined variants
 *   word~     the word and its inflections
 *   (a|b c)   alternatives      (a|b)?  optional group      ..  ..6  a gap of up to 4 (or N ≤ 8) words
 */
import { normalizeWord } from './tokenize';

export type FormName = 'base' | 'past' | 'present' | 'gerund' | 'participle' | 'plural';
export const FORM_NAMES: FormName[] = ['base', 'past', 'present', 'gerund', 'participle', 'plural'];
export type WordForms = Partial<Record<FormName, string>>;
/** Returns the inflections of a base word, or undefined when it has none. */
export type Inflector = (word: string) => WordForms | undefined;

export interface Gap { gap: number }
export type PhraseItem = string | Gap;
export interface PhraseVariant {
  items: PhraseItem[];
  /** Inflection of the first `word~` in the phrase, used to inflect `word~` in suggestions. */
  form: FormName | null;
}

type Node =
  | { kind: 'word'; parts: string[]; inflect: boolean }
  | { kind: 'alts'; alts: Node[][]; optional: boolean }
  | { kind: 'gap'; max: number };

export class PhraseError extends Error {}

export const MAX_GAP = 8;
const DEFAULT_GAP = 4;
const MAX_VARIANTS = 4000;
const NO_JOIN = new Set(['the', 'and', 'for', 'her', 'his', 'she', 'they', 'was', 'are', 'has', 'had', 'not', 'with', 'from', 'will', 'who', 'him', 'them', 'their', 'our', 'any', 'can', 'may', 'been', 'being', 'this', 'that', 'you', 'your', 'its', 'into', 'onto', 'does', 'did', 'don\'t', 'doesn\'t']);

const TOKEN_RE = /\s+|\.\.(\d+)?|[()|?]|~|[^\s()|?~]+/gy;
const WORD_RE = /^[\p{L}\p{N}'\u2019&-]+$/u;
const REGEX_HINT = /[*+[\]{}\\^$.]/;

export function parsePhrase(source: string): Node[] {
  const toks: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN_RE.lastIndex < source.length && (m = TOKEN_RE.exec(source))) {
    if (!/^\s+$/.test(m[0])) toks.push(m[0]);
  }
  let i = 0;
  const seq = (depth: number): Node[] => {
    const out: Node[] = [];
    while (i < toks.length) {
      const t = toks[i];
      if (t === ')' || t === '|') {
        if (depth === 0) throw new PhraseError(`unexpected '${t}'`);
        return out;
      }
      i++;
      if (t === '(') {
        const alts: Node[][] = [seq(depth + 1)];
        while (toks[i] === '|') { i++; alts.push(seq(depth + 1)); }
        if (toks[i] !== ')') throw new PhraseError("missing ')'");
        i++;
        const optional = toks[i] === '?';
        if (optional) i++;
        if (alts.some((a) => a.length === 0)) throw new PhraseError("empty alternative: write '(a)?' for an optional word");
        out.push({ kind: 'alts', alts, optional });
      } else if (t.startsWith('..')) {
        const max = t.length > 2 ? Number(t.slice(2)) : DEFAULT_GAP;
        if (!(max >= 1 && max <= MAX_GAP)) throw new PhraseError(`gap '${t}' must allow 1 to ${MAX_GAP} words`);
        out.push({ kind: 'gap', max });
      } else if (t === '~' || t === '?') {
        throw new PhraseError(`'${t}' must follow a word or a group`);
      } else {
        if (!WORD_RE.test(t)) {
          throw new PhraseError(REGEX_HINT.test(t)
            ? `'${t}' looks like a regular expression; phrases are plain words with (a|b), (a)?, word~ and .. gaps, which keeps matching linear-time`
            : `'${t}' is not a word`);
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

interface Piece { word: string; form: FormName | null; joinable: boolean }
type Expanded = Array<Piece | Gap>;

function expandSeq(nodes: Node[], inflect: Inflector): Expanded[] {
  let acc: Expanded[] = [[]];
  for (const node of nodes) {
    let options: Expanded[];
    if (node.kind === 'gap') options = [[{ gap: node.max }]];
    else if (node.kind === 'word') options = expandWord(node.parts, node.inflect, inflect);
    else {
      options = node.alts.flatMap((alt) => expandSeq(alt, inflect));
      if (node.optional) options.push([]);
    }
    const next: Expanded[] = [];
    for (const a of acc) for (const o of options) next.push(a.concat(o));
    if (next.length > MAX_VARIANTS) throw new PhraseError(`phrase expands to more than ${MAX_VARIANTS} variants; split it into several phrases`);
    acc = next;
  }
  return acc;
}

function expandWord(parts: string[], wantInflect: boolean, inflect: Inflector): Expanded[] {
  const head = parts.slice(0, -1).map((word) => ({ word, form: null, joinable: true }));
  const last = parts[parts.length - 1];
  if (!wantInflect) return [[...head, { word: last, form: null, joinable: true }]];
  const forms = inflect(last) ?? { base: last };
  const seen = new Map<string, FormName>();
  for (const name of FORM_NAMES) {
    const f = forms[name];
    if (f && !seen.has(normalizeWord(f))) seen.set(normalizeWord(f), name);
  }
  if (!seen.has(last)) seen.set(last, 'base');
  return [...seen].map(([word, form]) => [...head, { word, form, joinable: true }]);
}

/** Adjacent content words may also be written as one word ("frequent flyer" → "frequentflyer"). */
function joinVariants(items: Expanded): Expanded[] {
  const joinAt: number[] = [];
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k], b = items[k + 1];
    if ('gap' in a || 'gap' in b) continue;
    if (a.word.length < 3 || b.word.length < 3 || NO_JOIN.has(a.word) || NO_JOIN.has(b.word)) continue;
    joinAt.push(k);
  }
  const out: Expanded[] = [items];
  const combos = joinAt.length <= 4 ? (1 << joinAt.length) : 0;
  const masks = combos ? Array.from({ length: combos - 1 }, (_, n) => n + 1) : joinAt.map((_, n) => 1 << n);
  for (const mask of masks) {
    const merged: Expanded = [];
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      const prev = merged[merged.length - 1];
      const jIdx = joinAt.indexOf(k - 1);
      if (jIdx >= 0 && mask & (1 << jIdx) && prev && !('gap' in prev) && !('gap' in it)) {
        merged[merged.length - 1] = { word: prev.word + it.word, form: prev.form ?? it.form, joinable: true };
      } else merged.push(it);
    }
    out.push(merged);
  }
  return out;
}

/** Every concrete word sequence a phrase stands for. Throws PhraseError with a readable reason. */
export function expandPhrase(source: string, inflect: Inflector): PhraseVariant[] {
  const variants: PhraseVariant[] = [];
  const seen = new Set<string>();
  for (const seq of expandSeq(parsePhrase(source), inflect)) {
    if (seq.length === 0) continue;
    if ('gap' in seq[0] || 'gap' in seq[seq.length - 1]) throw new PhraseError('a phrase cannot start or end with a gap');
    for (const joined of joinVariants(seq)) {
      const items: PhraseItem[] = joined.map((p) => ('gap' in p ? p : p.word));
      const key = items.map((p) => (typeof p === 'string' ? p : `..${p.gap}`)).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const firstForm = joined.find((p): p is Piece => !('gap' in p) && p.form !== null);
      variants.push({ items, form: firstForm ? firstForm.form : null });
    }
  }
  if (variants.length === 0) throw new PhraseError('phrase matches nothing');
  return variants;
}

/** The `word~` words a phrase or suggestion uses (for building the inflection lexicon). */
export function inflectedWords(source: string): string[] {
  return [...source.matchAll(/([\p{L}\p{N}'\u2019&-]+)~/gu)].map((m) => normalizeWord(m[1].split('-').pop()!));
}
