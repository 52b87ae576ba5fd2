/**
 * Negation scope: is a hit negated by a word before it ("no evidence of aggression", "not manipulative")?
 * Negation binds to its own head: it stops at a verb that takes the negation for itself ("does not recall
 * becoming combative": he did become combative), at a word that opens another clause ("not frightened but
 * aggressive"), and at a comparison that asserts the quality ("has never been as combative as this").
 */
import type { Token } from '../text/tokenize';

const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'denies',
  'denied',
  'deny',
  'denying',
  'nor',
  'neither',
  'none',
  'absent',
  'absence',
  "isn't",
  "wasn't",
  "doesn't",
  "didn't",
  "don't",
  "aren't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "won't",
  "wouldn't",
  "can't",
  'cannot',
  "couldn't",
  "shouldn't",
  'nil',
  'free',
]);

/**
 * Verbs that take a negation for themselves: what follows them happened ("cannot remember becoming aggressive",
 * "did not stop being abusive"), and words that open another clause, whose head the negation does not reach.
 */
const SCOPE_ENDS = new Set([
  'recall',
  'recalls',
  'recalled',
  'remember',
  'remembers',
  'remembered',
  'recollect',
  'recollects',
  'recollected',
  'know',
  'knows',
  'knew',
  'understand',
  'understands',
  'understood',
  'explain',
  'explains',
  'explained',
  'realise',
  'realises',
  'realised',
  'realize',
  'realizes',
  'realized',
  'notice',
  'notices',
  'noticed',
  'stop',
  'stops',
  'stopped',
  'stopping',
  'cease',
  'ceases',
  'ceased',
  'only',
  'just',
  'until',
  'till',
  'but',
  'although',
  'though',
  'because',
  'since',
  'when',
  'whenever',
  'while',
  'whilst',
  'whereas',
  'yet',
  'however',
  'before',
  'after',
  'once',
  'why',
  'how',
  'what',
  'whether',
  'who',
  'which',
  'where',
]);

/** Degree words that, right before the hit, compare rather than deny ("never been as combative", "never this rude"). */
const COMPARISON = new Set(['as', 'this', 'so', 'that', 'more']);
const LINKS = new Set([
  'be',
  'been',
  'being',
  'is',
  'was',
  'were',
  'are',
  'become',
  'became',
  'becoming',
  'get',
  'got',
  'seen',
  'seem',
  'seemed',
  'appeared',
  'looked',
]);

/** Verbs of judgement that carry a negation into their clause ("it is not felt that her self-harm is …"). */
const JUDGEMENT = new Set([
  'felt',
  'thought',
  'considered',
  'believed',
  'judged',
  'deemed',
  'think',
  'feel',
  'believe',
  'consider',
  'suggest',
  'suggests',
  'indicate',
  'indicates',
]);

/** Words a negation reaches back over; a judgement verb extends that to a clause. */
const WINDOW = 6;
const JUDGEMENT_WINDOW = 14;

/**
 * Is the token at `index` negated by one of the words before it? Negation reaches across the commas and slashes
 * of a list ("no fever, chills or drug abuse") but not past other punctuation.
 */
export function isNegated(text: string, tokens: readonly Token[], index: number): boolean {
  if (
    index >= 2 &&
    COMPARISON.has(tokens[index - 1].norm) &&
    (LINKS.has(tokens[index - 2].norm) || NEGATORS.has(tokens[index - 2].norm))
  )
    return false;
  for (let k = index - 1; k >= 0 && k >= index - JUDGEMENT_WINDOW; k--) {
    if (tokens[k + 1].afterBreak && !negationCrosses(text, tokens[k].end, tokens[k + 1].start)) return false;
    const word = tokens[k].norm;
    if (NEGATORS.has(word)) return index - k <= WINDOW || judgementFollows(tokens, k);
    if (SCOPE_ENDS.has(word)) return false;
  }
  return false;
}

/**
 * Does a negation reach across the gap text[from, to) between two words? Across commas and slashes of a list, and
 * across an opening quotation mark: a term quoted under a negation is still negated ("we will not use a 'behavioural
 * contract'"). Not across a closing one, which ends someone else's words ("she said 'I'm not going' and ...").
 */
export function negationCrosses(text: string, from: number, to: number): boolean {
  return CROSSABLE_GAP.test(text.slice(from, to));
}

/** Commas, slashes and spaces, optionally ending in opening quotation marks after a space. */
const CROSSABLE_GAP = /^(?:[\s,/]*|[\s,/]*\s["'\u00ab\u2018\u201a\u201c\u201e\u2039]+)$/;

/** Is the negator at `k` followed closely by a judgement verb ("not felt that", "does not think")? */
function judgementFollows(tokens: readonly Token[], k: number): boolean {
  for (let j = k + 1; j <= k + 3 && j < tokens.length; j++) if (JUDGEMENT.has(tokens[j].norm)) return true;
  return false;
}
