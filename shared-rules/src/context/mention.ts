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

const MENTION_CUES = [
  '(must|should|will|can|may) (no longer|not|never) be used',
  // checked in personMustStop: "labelling people as manipulative must stop" talks about wording; "she needs to stop
  // ringing" does not
  STOP_CUE,
  '(is|are|was|were|be) (stigmatising|stigmatizing|discriminatory|pejorative|offensive|outdated|malpractice|unacceptable language)',
  '(stigmatising|stigmatizing|discriminatory|pejorative|offensive|judgemental|punitive) (language|term|terms|label|labels|word|words|wording|phrase|phrases|descriptor|descriptors)',
  '(the|this|that|a) (word|phrase|label|wording|expression|descriptor)',
  // checked in termIsWording: "the term" is also a school term or a full-term pregnancy
  TERM_CUE,
  '(terms|words|labels|phrases|language|wording|descriptors) (such as|like|including)',
  '(label~|describe~|call~|refer~ to) (people|patients|someone|service users|anyone|a person|individuals|clients) as',
  "(avoid|avoiding|stop using|do not use|don't use|never use|do not write|don't write|never write) (the)? (term|word|words|phrase|label|labels|language)",
  'NHS England',
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

function cueOwner(cue: string): number {
  if (cue === TERM_CUE) return TERM;
  return cue === STOP_CUE ? STOP : PLAIN;
}

/** Does the cue matched at `first` (graph owner `owner`) make the sentence talk about wording? */
function cueHolds(owner: number, tokens: readonly Token[], first: number, last: number): boolean {
  if (owner === TERM) return termIsWording(tokens, first, last);
  if (owner === STOP) return !personMustStop(tokens, first);
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

function personMustStop(tokens: readonly Token[], first: number): boolean {
  return first > 0 && PERSON_SUBJECT.has(tokens[first - 1].norm);
}

function termIsWording(tokens: readonly Token[], first: number, last: number): boolean {
  if (tokens[first].norm === 'this') return false; // "this term" is a school term far more often than a word
  const before = first > 0 ? tokens[first - 1].norm : '';
  const after = last + 1 < tokens.length ? tokens[last + 1].norm : '';
  return !TERM_TIME_BEFORE.has(before) && !TERM_TIME_AFTER.has(after);
}
