// What a fixed rewrite can stand for, read from its words once when the rules compile: the fit checks run per finding.
import { letterPattern } from './letter-regexp';

/**
 * A rewrite that opens with a bare -ing word is a verb phrase ("requesting pain relief"), not a noun phrase, unless
 * the -ing word names a kind of condition ("learning disability", "injecting drug use", "eating disorder").
 */
export const VERB_PHRASE = letterPattern(
  String.raw`^\p{L}+ing\b(?!-)(?!(?:\s+\p{L}+)?\s+(?:disabilit(?:y|ies)|disorders?|difficult(?:y|ies)|use|loss|impairment)$)`,
  'iu',
);

/** A rewrite that opens with a finite verb or "not" is a clause or a predicate ("has not attended", "not taking"). */
export const FINITE_OPENING = /^(?:not|has|have|had|is|are|was|were|does|did)\s/i;

/**
 * A rewrite with its own head and what follows it ("a person with …", "person who self-harms"): a modifier written
 * for the old word ("a heavy cannabis user", "the town drunk") cannot go before it.
 */
export const OWN_HEAD =
  /^(?:(?:a|an|the)\s|(?:person|people)\s+(?:who|whose|with|experiencing|having|seeking|in|living)\b)/i;

/** Does the rewrite name one thing ("a person with …", "suicide attempt") rather than many ("people with …")? */
export function namesOne(rewrite: string): boolean {
  const t = rewrite.trim();
  if (/^people\b/i.test(t)) return false;
  return /^(a |an )?person\b/i.test(t) || !/s$/i.test(t);
}

/** Does the rewrite name a person ("person with …", "wheelchair user")? Its head is its first noun before a "with/who". */
export function namesPerson(rewrite: string): boolean {
  const head = rewrite.trim().split(/\s+(?:with|who|whose|of|in|by|experiencing|having|seeking|living)\b/i)[0];
  return /\b(?:person|people|someone)$/i.test(head) || isAgentNoun(head.split(/\s+/).at(-1) ?? '');
}

/** Does the rewrite name a thing ("death by suicide"), neither a person nor what someone does ("has not attended")? */
export function namesThing(template: string): boolean {
  return !namesPerson(template) && !VERB_PHRASE.test(template) && !FINITE_OPENING.test(template) && !/~/.test(template);
}

/** Nouns in -er/-or that name no one ("disorder", "barrier"): not agent nouns. */
const NOT_AGENT =
  /(?:order|matter|number|cancer|danger|anger|fever|water|paper|power|letter|character|centre|center|manner|murder|shelter|career|chapter|transfer|answer|trigger|barrier|border|layer|other|either|neither|together|further|never|ever|over|under|after|later|rather|whether|behavior|error|factor|tremor|tumor|humor|colour|color|labour|labor|honour|honor|rigour|rigor|demeanour|demeanor|floor|door|odour|odor|vigour|vigor)s?$/i;

/** Nouns for something uncounted: "a cocaine habit" cannot become "a cocaine use". */
const MASS_NOUNS = new Set(['use', 'misuse', 'self-harm', 'abstinence', 'distress', 'recovery']);
export function isMassNoun(rewrite: string): boolean {
  return MASS_NOUNS.has(rewrite.trim().toLowerCase());
}

/** Verbs that take a to-infinitive ("declined to be weighed"); "reports to be suicidal" is not English. */
const TAKES_TO_INFINITIVE = new Set(
  'afford agree aim appear arrange ask attempt choose claim consent continue decide decline demand deserve expect fail forget help hesitate hope intend learn like love manage mean need neglect offer plan prefer prepare pretend promise refuse remember request seem start begin struggle tend threaten try want wish wait'.split(
    ' ',
  ),
);

const INFLECTED_OPENING = letterPattern(String.raw`^([\p{L}'-]+)~`, 'u');
/** For a rewrite that opens with an inflected verb (`report~`): does that verb take a to-infinitive? */
export function verbTakesToInfinitive(template: string): boolean | undefined {
  const verb = INFLECTED_OPENING.exec(template.trim())?.[1]?.toLowerCase();
  return verb === undefined ? undefined : TAKES_TO_INFINITIVE.has(verb);
}

/**
 * The head of what was flagged: an agent noun names a person ("suicide completer", "abuser of opiates"), an
 * abstract noun names none ("a borderline personality", "heart-sink presentation").
 */
export function flaggedHead(flagged: string): string {
  return (
    flagged
      .trim()
      .split(/\s+of\s+/i)[0]
      .split(/\s+/)
      .at(-1) ?? ''
  );
}
const AGENT_NOUN = letterPattern(String.raw`\p{L}{2}(?:er|or|ist)s?$`, 'iu');
/** Does the word name someone who does something ("completer", "abuser", "psychiatrist")? */
export function isAgentNoun(word: string): boolean {
  return AGENT_NOUN.test(word) && !NOT_AGENT.test(word);
}
export const ABSTRACT_NOUN = letterPattern(
  String.raw`\p{L}{3}(?:ity|tion|sion|ment|ness|ism|ance|ence|ship|hood)s?$`,
  'iu',
);

/**
 * Words that say how much or how often ("poor adherence", "erratic compliance", "partially adherent"): what they
 * flag was done in part, so a rewrite that says "not" ("not taking") says more than the record did.
 */
const PARTIAL_DEGREE =
  /^(?:poor|poorly|partial|partially|erratic|erratically|variable|variably|inconsistent|inconsistently|intermittent|intermittently|sporadic|sporadically|suboptimal|sub-optimal|limited|patchy|irregular|irregularly|minimal|questionable|selective|selectively|reduced|incomplete|low)$/i;
export function saysPartly(flagged: string): boolean {
  return PARTIAL_DEGREE.test(flagged.trim().split(/\s+/)[0] ?? '');
}
/** A rewrite that says "not" outright ("not taking", "not following"). */
export const NEGATES = /^not\s/i;

/**
 * Named substances: clinical information a rewrite must keep. "Known crack user" is not "person who uses drugs", "a
 * former heroin addict" not "a person in recovery"; the rule's prompt ("person who uses [drug]") asks for the name.
 */
const SUBSTANCE =
  /\b(?:heroin|opioids?|opiates?|crack|cocaine|coke|meth|methamphetamine|amphetamines?|speed|alcohol|etoh|ethanol|smack|benzos?|benzodiazepines?|painkillers?|prescription|prescribed|pills?|cannabis|marijuana|weed|ketamine|nicotine|morphine|oxycodone|fentanyl|spice|mdma|codeine|pregabalin|gabapentin|tramadol|diazepam|steroids?|laxatives?|glue|solvents?|inhalants?|stimulants?|narcotics?|meds|medications?|tablets|methadone|zopiclone|hypnotics)\b/gi;
/** The substances `flagged` names that `rewrite` leaves out. */
export function dropsSubstance(flagged: string, rewrite: string): boolean {
  const named = flagged.toLowerCase().match(SUBSTANCE);
  if (!named) return false;
  const kept = rewrite.toLowerCase();
  return named.some((word) => !new RegExp(`\\b${word}\\b`).test(kept));
}
