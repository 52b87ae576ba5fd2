import { fitRewrites } from './agreement';
import { fixArticle } from './articles';

/** How far after a finding a rewrite looks for the word it must not double. */
const AFTER_LOOK_AHEAD = 40;
import { PRONOUN_LOOK_BACK, resolvePronouns } from './pronouns';
import type { CompiledRule, CompiledSuggestion, RuleSet } from '../matching/compile';
import type { FormName } from '../matching/phrase';
import { ABSTRACT_NOUN, dropsSubstance, flaggedHead, isAgentNoun, NEGATES, saysPartly } from '../text/rewrite-shape';
import { letterPattern } from '../text/letter-regexp';
import { localize } from '../text/spelling';
import type { Hit } from '../matching/lint';
import type { AllowEntry, Finding, Locale, LintOptions, Severity } from '../types';

/** LintOptions resolved against a rule set once per lint, not per finding. */
export interface Prepared {
  active: Uint8Array;
  severity: Array<Severity | undefined>;
  allow: AllowEntry[];
  locale: Locale;
}

/**
 * The last preparation is kept: an audit or a workspace check lints thousands of short texts with the same
 * options. It is reused while the rule set and each option field are the same objects (options are read, never
 * changed in place, by every host).
 */
let lastPrepared: {
  rs: RuleSet;
  rules: unknown;
  categories: unknown;
  severity: unknown;
  allow: unknown;
  locale: unknown;
  prepared: Prepared;
} | null = null;

export function prepareOptions(rs: RuleSet, options: LintOptions): Prepared {
  const last = lastPrepared;
  if (
    last &&
    last.rs === rs &&
    last.rules === options.rules &&
    last.categories === options.categories &&
    last.severity === options.severity &&
    last.allow === options.allow &&
    last.locale === options.locale
  )
    return last.prepared;
  const prepared = buildPrepared(rs, options);
  lastPrepared = {
    rs,
    rules: options.rules,
    categories: options.categories,
    severity: options.severity,
    allow: options.allow,
    locale: options.locale,
    prepared,
  };
  return prepared;
}

function buildPrepared(rs: RuleSet, options: LintOptions): Prepared {
  const active = new Uint8Array(rs.compiled.length);
  const severity: Array<Severity | undefined> = [];
  for (const rule of rs.compiled) {
    const { id, category } = rule.data;
    const byRule = options.rules?.[id];
    const byCategory = options.categories?.[category];
    const on = byRule ?? (byCategory === false ? false : rule.data.enabled !== false);
    active[rule.index] = on && !(byCategory === false && byRule !== true) ? 1 : 0;
    severity[rule.index] = options.severity?.[id] ?? options.severity?.[category];
  }
  return { active, severity, allow: options.allow ?? [], locale: options.locale ?? 'en-GB' };
}

function inflectWord(forms: Partial<Record<FormName, string>>, form: FormName | null): string {
  if (form && forms[form]) return forms[form]!;
  if (form === 'participle' && forms.past) return forms.past;
  return forms.base ?? '';
}

const NOT_LETTER = letterPattern(String.raw`[^\p{L}]`, 'gu');
const LETTER_RUN = letterPattern(String.raw`\p{L}+`, 'u');
const LETTER = letterPattern(String.raw`\p{L}`, 'u');

function matchCase(suggestion: string, original: string): string {
  const letters = original.replace(NOT_LETTER.for(original), '');
  if (!letters) return suggestion;
  // shouted words stay shouted ("REFUSED" → "DECLINED"), but an acronym ("IVDU") is not shouting
  const shouted =
    letters.length > 1 && letters === letters.toUpperCase() && (letters.length > 5 || /\s/.test(original.trim()));
  if (shouted && !suggestion.includes('[')) return suggestion.toUpperCase();
  if (letters.length > 1 && letters === letters.toUpperCase()) return suggestion;
  // "IV drug abuser" starts with an acronym, not a capital: the rewrite stays lower case
  const firstWord = LETTER_RUN.exec(original)![0];
  const acronymFirst = firstWord.length > 1 && firstWord === firstWord.toUpperCase();
  if (!acronymFirst && letters[0] === letters[0].toUpperCase() && letters[0] !== letters[0].toLowerCase()) {
    const i = suggestion.search(LETTER.for(suggestion));
    if (i >= 0 && suggestion[0] !== '[')
      return suggestion.slice(0, i) + suggestion[i].toUpperCase() + suggestion.slice(i + 1);
  }
  return suggestion;
}

export function renderSuggestion(
  s: CompiledSuggestion,
  form: FormName | null,
  original: string,
  locale: Locale,
): string {
  let text = s.template;
  for (const { marker, forms } of s.inflected) text = text.replace(marker, inflectWord(forms, form));
  return matchCase(localize(text, locale), original);
}

/**
 * Whether a rewrite can take the place of the words that matched. A fixed rewrite (no `word~`) cannot follow another
 * form ("wants attention" is not "to seek help") or name one of many ("three bed blockers" is not "three person whose
 * discharge is delayed"), and a verb phrase cannot stand for a person ("a known drug seeker"). A person stays a person
 * and a thing a thing ("a suicide completer" is not "a death by suicide", "a borderline personality" not "a person
 * with …"), a verb followed by "to do" needs a verb that takes it ("claims to be" is not "reports to be"), what was
 * done in part is not denied outright ("poor adherence" is not "not following"), and a named substance stays named
 * ("crack user" is not "person who uses drugs").
 * Prompts always fit.
 */
const AGENT_IN_ER = letterPattern(String.raw`\p{L}{2}ers?$`, 'iu');
function fitsMatch(s: CompiledSuggestion, form: FormName | null, flagged: string, after: string): boolean {
  if (s.kind !== 'rewrite') return true;
  if (s.opensWithVerb && AGENT_IN_ER.test(flagged.trim())) return false;
  const head = flaggedHead(flagged);
  if (s.namesPerson && ABSTRACT_NOUN.test(head)) return false;
  if (s.namesThing && isAgentNoun(head)) return false;
  if (s.takesToInfinitive === false && TO_INFINITIVE_AFTER.test(after)) return false;
  if (NEGATES.test(s.template) && saysPartly(flagged)) return false;
  if (dropsSubstance(flagged, s.template)) return false;
  if (s.inflected.length > 0) return true;
  if (form && form !== 'base') return false;
  return !(s.namesOne && looksPlural(flagged));
}

/** "to" then a verb, not "to" then a noun phrase ("reports to the team" is English, "reports to be" is not). */
const TO_INFINITIVE_AFTER = letterPattern(
  String.raw`^\s+to\s+(?!(?:the|a|an|his|her|their|my|our|its|this|that|these|those|him|them|me|us|staff)\b)\p{Ll}`,
  'u',
);

const PLURAL_HEAD = letterPattern(String.raw`\p{L}{3,}[^s'\u2019]s$`, 'iu');
/** "manic depressives", "failed attempts": a label said of many; "abuser of opiates" is one abuser. */
function looksPlural(flagged: string): boolean {
  const head = flagged.trim().split(/\s+of\s+/i)[0];
  return PLURAL_HEAD.test(head);
}

function isAllowed(allow: AllowEntry[], rule: CompiledRule, flagged: string): boolean {
  if (allow.length === 0) return false;
  const text = flagged.toLowerCase().replace(/\s+/g, ' ');
  return allow.some(
    (a) =>
      (!a.rule || a.rule === rule.data.id || a.rule === rule.data.category) &&
      (!a.text || a.text.toLowerCase().replace(/\s+/g, ' ') === text) &&
      (a.rule !== undefined || a.text !== undefined),
  );
}

/**
 * Turn a chunk hit into the public Finding, applying severity overrides and allow entries. `chunk` holds
 * the chunk's raw text from `chunkStart`; `offset` is where the chunk starts in the document.
 */
export function toFinding(
  rs: RuleSet,
  prepared: Prepared,
  hit: Hit,
  offset: number,
  chunk: string,
  chunkStart = 0,
): Finding | null {
  const rule = rs.compiled[hit.rule];
  let text = chunk.slice(chunkStart + hit.start, chunkStart + hit.end);
  let start = offset + hit.start;
  const end = offset + hit.end;
  if (isAllowed(prepared.allow, rule, text)) return null;
  const d = rule.data;
  const before = chunk.slice(Math.max(chunkStart, chunkStart + hit.start - PRONOUN_LOOK_BACK), chunkStart + hit.start);
  const after = chunk.slice(chunkStart + hit.end, chunkStart + hit.end + AFTER_LOOK_AHEAD);
  const offered = rule.suggestions.filter((s) => fitsMatch(s, hit.form, text, after));
  let suggestions = offered.map((s) => resolvePronouns(renderSuggestion(s, hit.form, text, prepared.locale), before));
  let suggestionKinds = offered.map((s) => s.kind);
  const article = fixArticle(before, suggestions);
  if (article) {
    text = chunk.slice(chunkStart + hit.start - article.grow, chunkStart + hit.end);
    start -= article.grow;
    suggestions = article.suggestions;
  }
  ({ suggestions, suggestionKinds } = fitRewrites(
    { suggestions, suggestionKinds },
    chunk.slice(Math.max(chunkStart, start - offset + chunkStart - PRONOUN_LOOK_BACK), start - offset + chunkStart),
    after,
  ));
  return {
    ruleId: d.id,
    category: d.category,
    severity: prepared.severity[hit.rule] ?? hit.severity,
    start,
    end,
    text,
    message: hit.weighed?.length
      ? `${d.message}; the words that weighed most: ${hit.weighed.map((w) => `'${w}'`).join(', ')}`
      : d.message,
    rationale: d.rationale,
    sources: rule.sources,
    suggestions,
    suggestionKinds,
    guidance: d.guidance ?? [],
  };
}
