/**
 * Sentences that talk about wording rather than use it ("labelling people as manipulative must stop",
 * "NHS England says behavioural contracts must no longer be used"). Findings in them stay quiet.
 */
import type { Inflector } from '../matching/phrase';
import { PhraseTrie, type EncodedTrie, type SerializedTrie } from '../matching/trie';
import type { Token } from '../text/tokenize';

const TERM_CUE = '(the|this|that|a) term';
/** Words around "the term" that make it a stretch of time (school, pregnancy), not a word being talked about. */
const TERM_TIME_BEFORE = new Set([
  'of',
  'during',
  'in',
  'for',
  'until',
  'till',
  'since',
  'before',
  'after',
  'throughout',
  'at',
  'by',
  'over',
  'next',
  'last',
  'school',
  'whole',
  'rest',
]);
const TERM_TIME_AFTER = new Set([
  'ends',
  'ended',
  'end',
  'starts',
  'started',
  'start',
  'begins',
  'began',
  'holiday',
  'holidays',
  'break',
  'time',
  'times',
  'dates',
  'date',
  'baby',
  'infant',
  'pregnancy',
  'delivery',
  'birth',
]);

/** Who "needs to stop" when the sentence is about a person's behaviour, not about wording or a practice. */
const PERSON_SUBJECT = new Set(['she', 'he', 'they', 'i', 'we', 'you', 'patient', 'pt', 'client', 'man', 'woman']);
const STOP_CUE = '(must|should|need to|needs to) (stop|end|cease|be eradicated|be challenged|be avoided)';

/**
 * A retirement verb, checked in practiceRetired for the passive and the practice it retires. The cue starts at the
 * verb, not at the auxiliary, so the cue walk does not start at every "was" or "be". "Withdrawn" is left out: it is
 * what a sanction does to care ("her place will be withdrawn"), and a cue walk at each one costs a run-on text of
 * threats more than the step budget (test/hardening/linear-time.test.ts).
 */
const RETIRED_CUE =
  '(closed|paused|scrapped|abolished|discontinued|decommissioned|retired|rescinded|revoked|stood down)';
/** The word before a retirement verb that makes it passive ("was paused", "has been closed", "is now closed"). */
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'now']);
/** What a sanction pauses or closes, when it is the subject of the verb's own clause ("sessions were paused"). */
const CARE_NOUNS = new Set([
  'care',
  'contact',
  'contacts',
  'support',
  'treatment',
  'therapy',
  'sessions',
  'visits',
  'input',
  'services',
  'calls',
  'line',
]);
/** How far back a practice noun may stand from its verb ("the SIM model, in which ..., was paused"). */
const MAX_SUBJECT_DISTANCE = 12;
/** Nouns naming a practice or a document that sets one out, which a retirement verb can retire. */
const PRACTICE_NOUNS = new Set([
  'model',
  'scheme',
  'schemes',
  'policy',
  'policies',
  'practice',
  'practices',
  'programme',
  'program',
  'pilot',
  'protocol',
  'protocols',
  'approach',
  'contract',
  'contracts',
  'agreement',
  'agreements',
  'letter',
  'letters',
  'initiative',
  'guidance',
]);
/**
 * Words that put a person, or what the practice is done to, between the practice noun and the verb: "under the
 * protocol her leave was withdrawn", "a breach of the agreement and your case will be closed".
 */
const NOT_THE_PRACTICE = new Set([
  'she',
  'he',
  'they',
  'her',
  'his',
  'him',
  'their',
  'them',
  'you',
  'your',
  'patient',
  'pt',
  'client',
  'case',
  'cases',
  'caseload',
  'file',
  'referral',
  'access',
  'leave',
  'bed',
  'appointment',
  'appointments',
]);

const MENTION_CUES = [
  '(must|should|will|can|may) (no longer|not|never) be used',
  'no longer to be used',
  // a rule about care in general, forbidding the practice: "care must never be withdrawn as a sanction for self-harm"
  '(care|treatment|support|access to care|access to services) (must|should|can) (never|not) be (withdrawn|withheld|made conditional|denied|refused|removed)',
  // a practice the service has retired, said in the passive: checked in practiceRetired, "the SIM model was paused
  // nationally", "the scheme has been closed"; "her 1:1 time was stopped" is the practice itself
  RETIRED_CUE,
  '(trust|trusts|service|services|board|organisation|organization|department|team|teams|we) (has|have|had)? (stopped|ceased) using',
  // checked in personMustStop: "labelling people as manipulative must stop" talks about wording; "she needs to stop
  // ringing" does not
  STOP_CUE,
  '(is|are|was|were|be) (stigmatising|stigmatizing|discriminatory|pejorative|offensive|outdated|malpractice|unacceptable language)',
  // "labelling people 'personality disordered' can lead to ...": the label is what the sentence is about
  '(label|labels|labelled|labeled|labelling|labeling) (people|patients|someone|service users|anyone|individuals|clients)',
  '(labelled|labeled|labelling|labeling) (her|him|them) as',
  '(stigmatising|stigmatizing|discriminatory|pejorative|offensive|judgemental|punitive) (language|term|terms|label|labels|word|words|wording|phrase|phrases|descriptor|descriptors)',
  '(the|this|that|a) (word|phrase|label|wording|expression|descriptor)',
  // checked in termIsWording: "the term" is also a school term or a full-term pregnancy
  TERM_CUE,
  '(terms|words|labels|phrases|language|wording|descriptors) (such as|like|including)',
  '(label~|describe~|call~|refer~ to) (people|patients|someone|service users|anyone|a person|individuals|clients) as',
  "(avoid|avoiding|stop using|do not use|don't use|never use|do not write|don't write|never write) (the)? (term|word|words|phrase|label|labels|language)",
  '(NHS England|NHSE)',
  'NICE (guidance|guideline|says|states|calls|recommends)',
  // a guideline named by its number: "NICE NG225 says not to use criminal behaviour orders"
  'NICE ..2 (says|states|advises|recommends|warns)',
  // guidance quoted for its rule: "NICE NG225 is clear that care should not be withheld"
  '(NICE|guidance|guideline|guidelines|Code of Practice|CQC|RCPsych|Royal College) ..3 (is clear|are clear|makes clear|make clear|makes it clear|is explicit|are explicit|stresses|emphasises|emphasizes)',
  // teaching material states the practice in order to reject it
  '(training|teaching|learning|key) (slide|slides|point|points|message|messages|objective|objectives)',
  // a practice the service has given up
  '(withdrew|withdrawn|scrapped|abolished|ended|dropped|retired|abandoned|discontinued|rescinded) (its|the|their|our|this|that) (policy|practice|approach|model|scheme|protocol)',
  // a complaint reply or apology reports what someone was told; it is not the plan
  '(we|I) (apologise|apologize|are sorry|am sorry|regret) (that|for)',
  '(complaint|complaints) (response|reply|investigation|outcome)',
  // an audit's finding, or wording taken out of a plan, quotes the practice rather than prescribing it
  '(audit|audits|inquiry|investigation|CQC|report) (found|identified|highlighted)',
  '(removed|deleted|took out|taken out|struck out|rewrote|rewritten|reworded) (the)? (section|wording|line|sentence|paragraph|clause|statement|phrase)',
  'Annex A',
  'position statement',
  '(training|teaching|guidance|policy|leaflet) (on|about) (language|wording|terminology|stigma)',
  // advice or criticism about a practice, not the practice: "NICE advises against behavioural contracts",
  // "the campaign opposed police-led mentoring", "trust policy now bans warning letters"
  '(advise~|advising|recommend~|recommending|warn~|warning|caution~|cautioning|argue~|arguing|campaign~|campaigning|lobby~|lobbied|lobbying|speak~ out|spoke out|spoken out) against',
  // subjects are words rare in clinical notes ("review", "report" and "letter" are everywhere), so the cue stays cheap
  // what a campaign, statement or annex says of a practice: "Campaigners say using criminal behaviour orders ... is
  // cruel", "The college statement says ...", "The Annex describes cases where police officers attended reviews"
  '(campaigners|campaign|coalition|StopSIM|critics|researchers|statement|Annex) ..2 (say|says|said|describe~|described|state~|stated|argue~|argued)',
  '(campaign|campaigns|campaigner~|coalition|charity|charities|college|RCPsych|StopSIM|service users|survivors|researchers|inquiry|CQC|ombudsman|advocates|experts|critics|petition) ..2 (oppose~|opposed|opposing|objected to|object~ to|criticise~|criticised|criticize~|criticized|condemn~|condemned|denounce~|denounced|questioned|rejected|called for an end to|calls for an end to|describe~|described|warn~|warned)',
  // a judgement on an action in the infinitive: "it is not acceptable to tell callers not to ring again"
  "(it is|it's|it was|it would be) (not|never|no longer) (acceptable|appropriate|okay|ok|good practice|safe) to",
  '(criticis~|criticiz~|condemn~|oppos~|object~ to) the (use|practice|practise|introduction|roll out|spread) of',
  '(policy|policies|guidance|protocol|protocols|the law|legislation|charter|standard~) (now)? (bans|banned|prohibits|prohibited|forbids|forbade|outlaws|outlawed|rules out|no longer allows|no longer permits)',
];

/** The cue list, for the build to compile (shared-rules/scripts/build-rules.ts). */
export function mentionCueList(): readonly string[] {
  return MENTION_CUES;
}

/** Cues whose neighbours decide whether they are talk about wording carry an owner in the graph. */
const PLAIN = 0;
const TERM = 1;
const STOP = 2;
const RETIRED = 3;

function cueOwner(cue: string): number {
  if (cue === TERM_CUE) return TERM;
  if (cue === RETIRED_CUE) return RETIRED;
  return cue === STOP_CUE ? STOP : PLAIN;
}

/** Does the cue matched at `first` (graph owner `owner`) make the sentence talk about wording? */
function cueHolds(owner: number, tokens: readonly Token[], first: number, last: number): boolean {
  if (owner === TERM) return termIsWording(tokens, first, last);
  if (owner === STOP) return !personMustStop(tokens, first);
  if (owner === RETIRED) return practiceRetired(tokens, first);
  return true;
}

/** The cues' graph, compiled afresh with `inflect`. */
export function compileCueTrie(inflect: Inflector): PhraseTrie {
  const t = new PhraseTrie();
  for (const cue of MENTION_CUES) t.addPhrase(cue, cueOwner(cue), inflect);
  return t;
}

/** The cues' graph compiled at build time: the cue list it was compiled from, and the graph. */
export interface PrebuiltCues {
  cues: string[];
  trie: SerializedTrie | EncodedTrie;
}

let prebuilt: { inflect: Inflector; load: () => PrebuiltCues | undefined } | undefined;

/** The built-in rules' inflector and their build-time cue graph (matching/builtin.ts), read only if first used. */
export function usePrebuiltCues(inflect: Inflector, load: () => PrebuiltCues | undefined): void {
  prebuilt = { inflect, load };
}

let trie: PhraseTrie | undefined;

function cueTrie(inflect: Inflector): PhraseTrie {
  if (!trie) {
    // the build-time graph, unless the cue list changed since the build or another inflector asks first
    const built = prebuilt?.inflect === inflect ? prebuilt.load() : undefined;
    trie =
      built && built.cues.length === MENTION_CUES.length && built.cues.every((c, i) => c === MENTION_CUES[i])
        ? PhraseTrie.deserialize(built.trie)
        : compileCueTrie(inflect);
  }
  return trie;
}

export function isMention(tokens: readonly Token[], inflect: Inflector): boolean {
  const t = cueTrie(inflect);
  let found = false;
  for (let k = 0; k < tokens.length && !found; k++) {
    if (!t.mayMatchAt(tokens, k)) continue;
    t.matchAt(tokens, k, (m) => {
      if (cueHolds(m.owner, tokens, k, m.lastToken)) found = true;
    });
  }
  return found;
}

/** Is the practice the subject the retirement verb at tokens[first] follows, with no person between them? */
function practiceRetired(tokens: readonly Token[], first: number): boolean {
  if (first === 0 || !PASSIVE.has(tokens[first - 1].norm)) return false;
  // the verb's own clause names what was stopped: "in line with the agreement, contact has been paused"
  let inClause = !tokens[first - 1].afterBreak;
  for (let k = first - 2; k >= 0 && k >= first - MAX_SUBJECT_DISTANCE; k--) {
    const w = tokens[k].norm;
    if (NOT_THE_PRACTICE.has(w) || (inClause && CARE_NOUNS.has(w))) return false;
    if (PRACTICE_NOUNS.has(w)) return true;
    if (tokens[k].afterBreak) inClause = false;
  }
  return false;
}

/**
 * Labels that put what follows them on their line in a source about practice, not a record about a person:
 * national guidance, evidence, a survey, teaching ("NICE NG225: people who self-harm should never have treatment
 * made conditional on stopping", "Evidence review: no-suicide contracts have no proven effect"), an audit's finding
 * (which quotes the records it read, as the "audit found" cue says). A board paper, a
 * policy or a reflective log can set out the practice itself, so they are not among them.
 */
const SOURCE_LABEL =
  /^(nice( [a-z]{1,3} ?\d{1,4})?|nice (guidance|guideline|quality standard)|evidence (review|summary|briefing)|(literature|systematic|cochrane|rapid) review|research (summary|briefing|findings?)|((staff|patient|service user|national) )?survey( results?| findings?)?|teaching (note|notes|point|points|session|slide|slides)|training (note|notes|session|slide|slides)( \d{1,3})?|position statement|policy statement|reflective practice|(notes |case notes |records? )?audit( finding| findings| results?)?)$/i;

/** A label is short: a longer run before a colon is a sentence ("She told us what the leaflet says: ..."). */
const MAX_SOURCE_LABEL = 48;

/** Does the sentence starting at `start` follow a source label that starts its line ("Evidence review: ...")? */
export function afterSourceLabel(text: string, start: number): boolean {
  let c = start;
  while (c > 0 && (text[c - 1] === ' ' || text[c - 1] === '\t')) c--;
  if (c === 0 || text[c - 1] !== ':') return false;
  const colon = c - 1;
  let s = colon;
  while (s > 0 && colon - s <= MAX_SOURCE_LABEL && text[s - 1] !== '\n') s--;
  if (s > 0 && text[s - 1] !== '\n') return false;
  const label = text
    .slice(s, colon)
    .replace(/^[\s>*#_-]+|[\s*_]+$/g, '')
    .replace(/\s+/g, ' ');
  return SOURCE_LABEL.test(label);
}

function personMustStop(tokens: readonly Token[], first: number): boolean {
  return first > 0 && PERSON_SUBJECT.has(tokens[first - 1].norm);
}

function termIsWording(tokens: readonly Token[], first: number, last: number): boolean {
  if (tokens[first].norm === 'this') return false; // "this term" is a school term far more often than a word
  const before = first > 0 ? tokens[first - 1].norm : '';
  const after = last + 1 < tokens.length ? tokens[last + 1].norm : '';
  return !TERM_TIME_BEFORE.has(before) && !TERM_TIME_AFTER.has(after);
}
