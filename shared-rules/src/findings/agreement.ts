// A rewrite must read as part of its sentence: capitalised where the sentence starts, never doubling the word beside
// it, and never a verb phrase where an article asks for a noun ("a manipulative drug seeker" cannot become "a trying to
// get her needs met drug seeker"). Rewrites that cannot fit are dropped; prompts are the writer's to fill and stay.
import { FINITE_OPENING, isMassNoun, OWN_HEAD, VERB_PHRASE } from '../text/rewrite-shape';
import { letterPattern } from '../text/letter-regexp';
import { DETERMINERS, modifierBefore } from './modifiers';
import type { SuggestionKind } from '../types';

export interface Offered {
  suggestions: string[];
  suggestionKinds: SuggestionKind[];
}

/** The text before a finding ends a sentence: nothing, a line break, or . ! ? (and a closing quote) then space. */
const SENTENCE_END = /(?:^|\n|[.!?]["'\u201d\u2019)\]]*\s)\s*$/u;
const ARTICLE_BEFORE = letterPattern(String.raw`(?:^|[^\p{L}\p{N}'\u2019-])(?:a|an|the)\s+$`, 'iu');

/** Nouns a label is written in front of ("frequent attender plan", "high intensity user meeting"). */
const MODIFIED_NOUN = new Set(
  'plan plans meeting meetings list lists team teams behaviour behaviours behavior behaviors protocol protocols pathway policy clinic review reviews case cases caseload register status label flag flags forum panel panels group groups management approach scheme service services patients'.split(
    ' ',
  ),
);
/** Words before which a rewrite opening with an auxiliary, "with" or "not" cannot stand ("did has not attended"). */
const AUXILIARY_BEFORE = new Set(
  'to did does do will would can could should must may might has have had is are was were be been being'.split(' '),
);
/** Prepositions an adjective takes as its complement ("manipulative with staff", "resistant to help"). */
const COMPLEMENT_AFTER = new Set('with to towards toward about at of'.split(' '));
/** "manipulative in nature": a frame only an adjective fills. */
const ADJECTIVE_FRAME_AFTER = /^\s+in\s+(?:nature|manner|character|tone|intent|style|presentation)\b/i;
/** An indefinite article and up to two modifiers before the finding: "a cocaine habit", "a heavy drug habit". */
const INDEFINITE_NOUN_PHRASE = letterPattern(
  String.raw`(?:^|[^\p{L}\p{N}'\u2019-])(?:a|an)\s+(?:[\p{L}-]+\s+){0,2}$`,
  'iu',
);
const DEGREE_BEFORE = new Set(
  'very highly extremely quite so too rather really most more less increasingly largely somewhat slightly fairly partly mostly deeply overtly'.split(
    ' ',
  ),
);

const ADVERB = letterPattern(String.raw`^\p{L}+ly$`, 'u');

/** Why a rewrite cannot stand between these words, if it cannot. */
function misfit(text: string, wordBefore: string | undefined, wordAfter: string | undefined): boolean {
  const first = firstWord(text);
  const words = text.trim().split(/\s+/).length;
  // a phrase of several words before the noun it modified: "frequent attender plan" is not "person with frequent
  // contacts plan"
  if (words >= 3 && wordAfter && MODIFIED_NOUN.has(wordAfter)) return true;
  if (!wordBefore || !first) return false;
  if (/^(a|an|the)$/.test(first) && DETERMINERS.has(wordBefore)) return true;
  if (
    /^(has|have|had|is|are|was|were|with)$/.test(first) &&
    (AUXILIARY_BEFORE.has(wordBefore) || DETERMINERS.has(wordBefore))
  )
    return true;
  if (first === 'not' && DETERMINERS.has(wordBefore)) return true;
  if (VERB_PHRASE.test(text) && DEGREE_BEFORE.has(wordBefore)) return true;
  // after a determiner or a possessive comes a noun phrase: "her manipulativeness" is not "her trying to …", "her
  // alleged overdose" not "her reportedly"
  return DETERMINERS.has(wordBefore) && (VERB_PHRASE.test(text) || ADVERB.test(text.trim()));
}

/**
 * Whether the rewrite breaks the phrase around it: a modifier written for the old head ("a heavy cannabis user"), an
 * adjective's complement left after a verb phrase ("manipulative with staff" is not "trying to get her needs met with
 * staff"), a clause listed among adjectives ("Poorly engaged, lazy" is not "Has not attended, lazy"), an uncounted
 * noun after "a" ("a cocaine habit" is not "a cocaine use").
 */
function breaksPhrase(text: string, lineBefore: string, after: string, wordAfter: string | undefined): boolean {
  if (OWN_HEAD.test(text) && modifierBefore(lineBefore)) return true;
  // "not ready to" keeps an adjective before "to"; a verb phrase ends in a verb or its object
  const verbPhrase = VERB_PHRASE.test(text) || (FINITE_OPENING.test(text) && !/^not\s/i.test(text));
  if (verbPhrase && /\s/.test(text.trim()) && wordAfter && COMPLEMENT_AFTER.has(wordAfter)) return true;
  if (verbPhrase && ADJECTIVE_FRAME_AFTER.test(after)) return true;
  if (FINITE_OPENING.test(text) && /^\s*(?:,|and\b)/i.test(after)) return true;
  return isMassNoun(text) && INDEFINITE_NOUN_PHRASE.test(lineBefore);
}

const FIRST_WORD = letterPattern(String.raw`^[\p{L}\p{N}'\u2019-]+`, 'u');
const LAST_WORD = letterPattern(String.raw`[\p{L}\p{N}'\u2019-]+$`, 'u');

function firstWord(text: string): string | undefined {
  return FIRST_WORD.exec(text)?.[0]?.toLowerCase();
}

function lastWord(text: string): string | undefined {
  return LAST_WORD.exec(text)?.[0]?.toLowerCase();
}

const LOWER_FIRST = letterPattern(String.raw`^\p{Ll}`, 'u');

/** `before` and `after`: the text of the sentence just before and just after the finding. */
export function fitRewrites(offered: Offered, before: string, after: string): Offered {
  const atSentenceStart = SENTENCE_END.test(before);
  // the words beside the finding on its own line: a host that lints paragraph by paragraph sees no further, and a
  // heading below ("Plan:") is not the noun a label modifies
  const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
  const wordBefore = lastWord(lineBefore.trimEnd());
  const wordAfter = firstWord(after.split(/[\r\n]/, 1)[0].trimStart());
  const afterArticle = ARTICLE_BEFORE.test(before);
  const out: Offered = { suggestions: [], suggestionKinds: [] };
  offered.suggestions.forEach((s, i) => {
    const kind = offered.suggestionKinds[i];
    let text = s;
    if (kind === 'rewrite') {
      if (wordBefore && firstWord(text) === wordBefore) return;
      if (wordAfter && lastWord(text) === wordAfter) return;
      if (afterArticle && VERB_PHRASE.test(text)) return;
      if (misfit(text, wordBefore, wordAfter)) return;
      if (breaksPhrase(text, lineBefore, after.split(/[\r\n]/, 1)[0], wordAfter)) return;
      if (atSentenceStart) text = text.replace(LOWER_FIRST.for(text), (c) => c.toUpperCase());
    }
    out.suggestions.push(text);
    out.suggestionKinds.push(kind);
  });
  return out;
}
