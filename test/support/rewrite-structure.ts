// Does a rewrite that Fix all applied keep the sentence's structure? The words beside the replaced span are read
// with compromise's part-of-speech tags in the ORIGINAL sentence (so the engine's own word lists are not the judge),
// and the rewrite's shape is read from its words: its own head with a relative or prepositional phrase ("person
// who …"), its own article, a verb phrase, a person or an abstract thing.
import nlp from 'compromise';

interface Term {
  text: string;
  tags: string[];
  start: number;
  end: number;
}

/** Every word of `text` with its tags and character offsets. */
function terms(text: string): Term[] {
  const doc = nlp(text);
  const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{
    terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }>;
  }>;
  return json.flatMap((s) =>
    s.terms.map((t) => ({ text: t.text, tags: t.tags, start: t.offset.start, end: t.offset.start + t.offset.length })),
  );
}

/** A rewrite that carries its own head and what follows it: it cannot take a modifier written for the old word. */
const OWN_HEAD = /^(?:(?:a|an|the)\s|(?:person|people)\s+(?:who|whose|with|experiencing|having|seeking|in|living)\b)/i;
/** A rewrite that opens with a negation or a finite auxiliary is a verb phrase whatever the tagger says. */
const VERB_OPENING = /^(?:not|has|have|had|is|are|was|were|does|did)\s/i;
/** A finite verb at the rewrite's start: it makes a clause, which cannot be listed among adjectives. */
const FINITE_OPENING = /^(?:has|have|had|is|are|was|were|does|did)\s/i;
/** A person named by the rewrite. */
const NAMES_PERSON = /\b(?:person|people|someone|\p{L}+(?:er|or|ist)s?)\b/iu;
/** Agent nouns: the word names someone who does something ("completer", "abuser", "psychiatrist"). */
const AGENT_NOUN = /\p{L}{3,}(?:er|or|ist)s?$/iu;
/** Abstract nouns: the word names a quality, state or event ("personality", "presentation"), never a person. */
const ABSTRACT_NOUN = /\p{L}{3,}(?:ity|tion|sion|ment|ness|ism|ance|ence|ship|hood)s?$/iu;
/** An age said of a person ("34-year-old", "30 year old"): it fits "person" as it fitted the label. */
const AGE = /\b\d+[\s-]*(?:year|yr|month|week)s?[\s-]*old\s*$/i;
/**
 * Modifiers that say something of the whole person, not of the condition a label named: "known" (known to the
 * service), age and sex, and quantifiers. "A heavy cannabis user" is heavy use; "an elderly diabetic" is an elderly
 * person.
 */
const OF_THE_PERSON = new Set(
  'known elderly young older old pregnant male female local homeless other fellow many several both all some most few'.split(
    ' ',
  ),
);
/** Verbs that take a to-infinitive ("declined to be weighed"); "reports to be suicidal" is not English. */
const TAKES_TO_INFINITIVE = new Set(
  'afford agree aim appear arrange ask attempt choose claim consent continue decide decline demand deserve expect fail forget help hesitate hope intend learn like love manage mean need neglect offer plan prefer prepare pretend promise refuse remember request seem start begin struggle tend threaten try want wish wait'.split(
    ' ',
  ),
);

const has = (t: Term | undefined, tag: string) => t?.tags.includes(tag) ?? false;

/** The dictionary form of a verb, as compromise reads it ("declined" → "decline"). */
function takesToInfinitive(word: string): boolean {
  const w = word.toLowerCase();
  const stems = [
    w,
    w.replace(/s$/, ''),
    w.replace(/ed$/, ''),
    w.replace(/d$/, ''),
    w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'),
  ];
  return stems.some((stem) => TAKES_TO_INFINITIVE.has(stem));
}

/** Is the rewrite a verb phrase ("trying to get …", "requesting pain relief", "not following")? */
function isVerbPhrase(rewrite: string): boolean {
  if (VERB_OPENING.test(rewrite)) return true;
  if (!/^\p{L}+ing\b(?!-)/u.test(rewrite)) return false;
  const first = terms(`she is ${rewrite}`)[2];
  return has(first, 'Verb') && !has(first, 'Noun') && !has(first, 'Adjective');
}

/** The rewrite's last word as it reads after "she is": an adjective stays an adjective ("clear about"). */
function lastWordOf(rewrite: string): Term | undefined {
  return terms(`she is ${rewrite}`).at(-1);
}

export interface StructureCase {
  text: string;
  start: number;
  end: number;
  rewrite: string;
}

/** What the rewrite breaks in the sentence around it; empty when it keeps the structure. */
export function structureProblems(c: StructureCase): string[] {
  const problems: string[] = [];
  const rewrite = c.rewrite.trim();
  const words = terms(c.text);
  const before = words.filter((t) => t.end <= c.start).at(-1);
  const inside = words.filter((t) => t.start >= c.start && t.end <= c.end);
  const after = words.filter((t) => t.start >= c.end);
  const gap = before ? c.text.slice(before.end, c.start) : '';
  const adjacent = before !== undefined && /^\s+$/.test(gap);
  const fixed = c.text.slice(0, c.start) + rewrite + c.text.slice(c.end);
  const fixedWords = terms(fixed);
  const rewriteWords = fixedWords.filter((t) => t.start >= c.start && t.end <= c.start + rewrite.length);

  // a modifier written for the old word must fit the new head: "a heavy cannabis user" is not "a heavy person who
  // uses drugs", "the town drunk" is not "the town person with …"
  const verbPhrase = isVerbPhrase(rewrite);
  if (adjacent && (OWN_HEAD.test(rewrite) || verbPhrase)) {
    const word = before.text.toLowerCase();
    const modifier =
      (has(before, 'Adjective') || has(before, 'Noun')) &&
      !has(before, 'Pronoun') &&
      !has(before, 'Possessive') &&
      !has(before, 'Determiner') &&
      !/^(?:a|an|the)$/i.test(before.text) &&
      !has(before, 'Value');
    // a participle joined to a noun ("insulin-treated") says what is done to the person
    const personParticiple = /-\p{L}+ed$/u.test(c.text.slice(0, c.start).trim().split(/\s+/).at(-1) ?? '');
    // a noun before a verb phrase is its subject ("the claimant suffering from"); an adjective inside a noun phrase
    // is a modifier ("a heavy …")
    const twoBefore = words.filter((t) => t.end <= before.start).at(-1);
    const inNounPhrase =
      OWN_HEAD.test(rewrite) ||
      ((has(twoBefore, 'Determiner') || has(twoBefore, 'Possessive')) &&
        has(before, 'Adjective') &&
        !has(before, 'Noun'));
    if (
      modifier &&
      inNounPhrase &&
      !personParticiple &&
      !OF_THE_PERSON.has(word) &&
      !AGE.test(c.text.slice(0, c.start))
    )
      problems.push(`the modifier "${before.text}" cannot go before "${rewrite}"`);
  }
  // after a determiner or a possessive comes a noun phrase: "her manipulativeness" is not "her trying to …"
  if (adjacent && (has(before, 'Determiner') || has(before, 'Possessive')) && rewriteWords[0]) {
    const first = rewriteWords[0];
    const lastOfRewrite = rewriteWords.at(-1);
    if (verbPhrase || has(first, 'Gerund') || (has(lastOfRewrite, 'Adverb') && !has(lastOfRewrite, 'Adjective')))
      problems.push(`"${before.text}" is followed by "${rewrite}", not a noun phrase`);
  }
  // an adjective with its complement ("manipulative with staff") needs an adjective to take the complement
  const last = inside.at(-1);
  const next = after[0];
  const rewriteLast = rewriteWords.at(-1);
  if (last && next && has(last, 'Adjective') && has(next, 'Preposition') && verbPhrase && rewriteWords.length > 1)
    problems.push(`"${next.text}" followed "${last.text}" and now follows "${lastWordOf(rewrite)?.text}"`);
  // a verb with a to-infinitive ("claims to be") needs a verb that takes one
  const toVerb = after[1];
  if (
    last &&
    has(last, 'Verb') &&
    next?.text.toLowerCase() === 'to' &&
    toVerb &&
    has(toVerb, 'Verb') &&
    rewriteLast &&
    has(rewriteLast, 'Verb') &&
    !takesToInfinitive(rewriteLast.text)
  )
    problems.push(`"${rewriteLast.text}" does not take "to ${toVerb.text}"`);
  // a person stays a person and a thing stays a thing: "a suicide completer" is not "a death by suicide", "a
  // borderline personality" is not "a person with …"
  const ofAt = inside.findIndex((t) => t.text.toLowerCase() === 'of');
  const headWords = ofAt > 0 ? inside.slice(0, ofAt) : inside;
  const headTerm = headWords.at(-1);
  const head = headTerm?.text ?? '';
  if (
    AGENT_NOUN.test(head) &&
    !(has(headTerm, 'Verb') && !has(headTerm, 'Noun')) &&
    !NAMES_PERSON.test(rewrite) &&
    !VERB_OPENING.test(rewrite)
  )
    problems.push(`"${head}" names a person and "${rewrite}" does not`);
  if (ABSTRACT_NOUN.test(head) && /\b(?:person|people)\b/i.test(rewrite))
    problems.push(`"${head}" names no person and "${rewrite}" does`);
  // one stays one and many stay many: "three bed blockers" is not "three person whose discharge is delayed"
  if (headTerm && has(headTerm, 'Plural') && /^(?:a |an )?person\b/i.test(rewrite))
    problems.push(`"${headTerm.text}" is plural and "${rewrite}" names one`);
  if (headTerm && /^(?:a|an)$/i.test(before?.text ?? '') && /^people\b/i.test(rewrite))
    problems.push(`"${before?.text} ${rewrite}": one became many`);
  // what was done in part is not denied outright: "erratic compliance with lithium" is not "not taking lithium"
  const [degree, degreeOf] = inside;
  if (
    /^not\s/i.test(rewrite) &&
    degreeOf &&
    (has(degree, 'Adjective') || has(degree, 'Adverb')) &&
    !has(degree, 'Negative') &&
    (has(degreeOf, 'Adjective') || has(degreeOf, 'Noun'))
  )
    problems.push(`"${degree.text} ${degreeOf.text}" says how much and "${rewrite}" says none`);
  // a clause cannot be listed among adjectives: "Poorly engaged, lazy and reluctant" is not "Has not attended, lazy …"
  const listed =
    /^\s*(?:,|and\b)/i.test(c.text.slice(c.end)) && after.find((t) => /\p{L}/u.test(t.text) && t.text !== 'and');
  if (FINITE_OPENING.test(rewrite) && listed && has(listed, 'Adjective'))
    problems.push(`the clause "${rewrite}" is listed with the adjective "${listed.text}"`);
  return problems;
}
