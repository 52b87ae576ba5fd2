/**
 * Sentences that talk about wording rather than use it ("labelling people as manipulative must stop",
 * "NHS England says behavioural contracts must no longer be used"). Findings in them stay quiet.
 */
import type { Inflector } from '../matching/phrase';
import { PhraseTrie } from '../matching/trie';
import type { Token } from '../text/tokenize';

const MENTION_CUES = [
  '(must|should|will|can|may) (no longer|not|never) be used',
  '(must|should|need to|needs to) (stop|end|cease|be eradicated|be challenged|be avoided)',
  '(is|are|was|were|be) (stigmatising|stigmatizing|discriminatory|pejorative|offensive|outdated|malpractice|unacceptable language)',
  '(stigmatising|stigmatizing|discriminatory|pejorative|offensive|judgemental|punitive) (language|term|terms|label|labels|word|words|wording|phrase|phrases|descriptor|descriptors)',
  '(the|this|that|a) (term|word|phrase|label|wording|expression|descriptor)',
  '(terms|words|labels|phrases|language|wording|descriptors) (such as|like|including)',
  '(label~|describ~|call~|refer~ to) (people|patients|someone|service users|anyone|a person|individuals|clients) as',
  '(avoid|avoiding|stop using|do not use|don\'t use|never use|do not write|don\'t write|never write) (the)? (term|word|words|phrase|label|labels|language)',
  'NHS England', 'NICE (guidance|guideline|says|states|calls|recommends)', 'Annex A', 'position statement',
  '(training|teaching|guidance|policy|leaflet) (on|about) (language|wording|terminology|stigma)',
];

let trie: PhraseTrie | undefined;

function cueTrie(inflect: Inflector): PhraseTrie {
  if (!trie) {
    trie = new PhraseTrie();
    for (const cue of MENTION_CUES) trie.addPhrase(cue, 0, inflect);
  }
  return trie;
}

export function isMention(tokens: readonly Token[], inflect: Inflector): boolean {
  const t = cueTrie(inflect);
  let found = false;
  for (let k = 0; k < tokens.length && !found; k++) {
    if (!t.root.next?.has(tokens[k].norm)) continue;
    t.matchAt(tokens, k, () => { found = true; });
  }
  return found;
}

const NEGATORS = new Set([
  'no', 'not', 'never', 'without', 'denies', 'denied', 'deny', 'denying', 'nor', 'neither', 'none', 'absent', 'absence',
  "isn't", "wasn't", "doesn't", "didn't", "don't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "won't",
  "wouldn't", "can't", 'cannot', "couldn't", "shouldn't", 'nil', 'free',
]);

/**
 * Is the token at `index` negated by one of the `window` words before it? Negation reaches across the
 * commas and slashes of a list ("no fever, chills or drug abuse") but not past other punctuation.
 */
export function isNegated(text: string, tokens: readonly Token[], index: number, window = 6): boolean {
  for (let k = index - 1; k >= 0 && k >= index - window; k--) {
    if (tokens[k + 1].afterBreak && !/^[\s,/]*$/.test(text.slice(tokens[k].end, tokens[k + 1].start))) return false;
    if (NEGATORS.has(tokens[k].norm)) return true;
  }
  return false;
}
