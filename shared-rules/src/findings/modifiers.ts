// The word before a finding that modifies it ("a heavy cannabis user", "the town drunk", "Chronic alcoholic"): a
// rewrite with its own head ("person who uses drugs") cannot take it. Read from the sentence's shape, since the engine
// has no part-of-speech tagger: a content word after a determiner, or at the start of a clause, is a modifier.
import { letterPattern } from '../text/letter-regexp';

/** Determiners, possessives and quantifiers: after one of these, the next content word is inside a noun phrase. */
export const DETERMINERS = new Set(
  'a an the another any each every one some no her his their my your our its this that these those'.split(' '),
);
/** Closed-class words: never a modifier of the noun after them. */
const FUNCTION_WORDS = new Set(
  (
    'to did does do will would can could should must may might has have had is are was were be been being am ' +
    'of in on at for with from by as like among amongst towards toward about into onto over under after before during ' +
    'since than via per without within between against around through across behind beyond ' +
    'and or but nor so yet if when while because although though whereas then ' +
    'he she they it we you i him them me us who whom which what ' +
    'only just likely also mainly mostly often still now again probably possibly ever never already even usually ' +
    'sometimes always really very not'
  ).split(' '),
);
/**
 * Modifiers that say something of the whole person rather than of the condition a label named: "a known diabetic"
 * is a known person with diabetes, "an elderly diabetic" an elderly person; "a brittle diabetic" is not a brittle
 * person.
 */
const OF_THE_PERSON = new Set(
  'known elderly young older old pregnant male female local homeless other fellow many several both all most few'.split(
    ' ',
  ),
);

const WORD_BEFORE = letterPattern(String.raw`(^|[^\p{L}\p{N}'\u2019-])([\p{L}][\p{L}'\u2019-]*)\s+$`, 'u');
const JOINED_PARTICIPLE = letterPattern(String.raw`-\p{L}+ed$`, 'u');
const LAST_LETTERS = letterPattern(String.raw`([\p{L}]+)\s*$`, 'u');
const LETTER_THEN_SPACE = letterPattern(String.raw`[\p{L}]\s+$`, 'u');

/** The word directly before a finding if it modifies the finding's head in a way a new head cannot take. */
export function modifierBefore(lineBefore: string): string | undefined {
  const m = WORD_BEFORE.exec(lineBefore);
  if (!m) return undefined;
  const word = m[2].toLowerCase();
  if (FUNCTION_WORDS.has(word) || DETERMINERS.has(word) || OF_THE_PERSON.has(word)) return undefined;
  // an adverb modifies no noun ("especially diabetics")
  if (/ly$/.test(word)) return undefined;
  // a participle joined to a noun says what is done to the person ("insulin-treated")
  if (JOINED_PARTICIPLE.test(word)) return undefined;
  const rest = lineBefore.slice(0, m.index + m[1].length);
  // an age is the person's ("a 34-year-old schizophrenic")
  if (/\d/.test(word) || (/^old$/.test(word) && /\d[\s-]*(?:year|yr|month|week)s?[\s-]*$/i.test(rest)))
    return undefined;
  const previous = LAST_LETTERS.exec(rest)?.[1]?.toLowerCase();
  const afterDeterminer = previous !== undefined && DETERMINERS.has(previous) && LETTER_THEN_SPACE.test(rest);
  // a list item's bullet or a heading's hash opens a clause too
  const clauseStart = /(?:^|[.!?;:,(*\u2022>#-])\s*$/u.test(rest);
  return afterDeterminer || clauseStart ? word : undefined;
}
