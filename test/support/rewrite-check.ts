// Every rewrite CareLint offers, applied where it was offered, and read as a clinician would read the result: the
// finding is gone and no new one appears, nothing outside the span changed, pronouns and articles agree, the first
// letter fits the position in the sentence, and no word is doubled or left stranded.
import nlp from 'compromise';
import { applyEdits, builtinRules, lint, type Finding, type TextFormat } from '../../shared-rules/src/index';
import { modelReading } from '../../shared-rules/src/model/score';

export interface RewriteCase {
  source: string;
  text: string;
  format: TextFormat;
}
export interface RewriteResult {
  source: string;
  ruleId: string;
  before: string;
  rewrite: string;
  context: string;
  problems: string[];
}

const SUBJECT_TO_POSSESSIVE: Record<string, string> = { he: 'his', she: 'her', they: 'their' };
const POSSESSIVES = new Set(['his', 'her', 'their']);
// "an" before these vowel letters' consonant sounds, and "a" before these silent-h words, are the exceptions
const CONSONANT_SOUND = /^(u[nrs]?[aeiou]|eu|one|once|uni|use|usu)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;

function article(before: string): 'a' | 'an' | undefined {
  const m = /\b(a|an)\s+$/i.exec(before);
  return m ? (m[1].toLowerCase() as 'a' | 'an') : undefined;
}

function startsWithVowelSound(word: string): boolean {
  if (VOWEL_SOUND.test(word)) return true;
  if (CONSONANT_SOUND.test(word)) return false;
  return /^[aeiou]/i.test(word) || (/^[A-Z]{2,}/.test(word) && /^[AEFHILMNORSX]/.test(word));
}

function sentenceStartBefore(text: string, at: number): boolean {
  const before = text.slice(0, at).replace(/[\s"'“‘(*_#>-]+$/u, '');
  return before === '' || /[.!?]$/.test(before) || /\n\s*$/.test(text.slice(0, at));
}

/** The subject pronoun nearest before `at` in its sentence, if any. */
function subjectPronoun(text: string, at: number): string | undefined {
  const sentence =
    text
      .slice(0, at)
      .split(/[.!?\n]/)
      .pop() ?? '';
  const words = sentence.toLowerCase().match(/\b(he|she|they)\b/g);
  return words?.at(-1);
}

const findingsCache = new WeakMap<RewriteCase, Finding[]>();
function findingsOf(c: RewriteCase): Finding[] {
  let found = findingsCache.get(c);
  if (!found) findingsCache.set(c, (found = lint(c.text, { format: c.format })));
  return found;
}

/**
 * The model reads only sentences no rule flagged, so a rewrite that clears a rule's finding lets it read the sentence.
 * Its finding there is not the rewrite's doing when the model read the original sentence the same way: the rest of the
 * sentence still says it ("Superficial scratches, typical … behaviour for her").
 */
const MODEL_RULES = new Set(
  builtinRules()
    .filter((r) => r.model)
    .map((r) => r.id),
);
function modelReadItBefore(text: string, f: Finding, rewrite: string, g: Finding): boolean {
  if (!MODEL_RULES.has(g.ruleId)) return false;
  const before = modelReading(text, g.start, g.end - rewrite.length + (f.end - f.start));
  return before.category === g.category && before.sure;
}

export function checkRewrite(c: RewriteCase, f: Finding, rewrite: string): string[] {
  const problems: string[] = [];
  const fixed = applyEdits(c.text, [{ start: f.start, end: f.end, newText: rewrite, finding: f }]);
  const end = f.start + rewrite.length;
  if (fixed.slice(0, f.start) !== c.text.slice(0, f.start) || fixed.slice(end) !== c.text.slice(f.end))
    problems.push('text outside the span changed');

  const after = lint(fixed, { format: c.format });
  if (after.some((g) => g.ruleId === f.ruleId && g.start < end && f.start < g.end))
    problems.push('the finding is still there');
  // a rule that already flagged this stretch before the rewrite (a wider finding the span sits in) is not new
  const already = findingsOf(c).filter((g) => g.start < f.end && f.start < g.end);
  const fresh = after.filter(
    (g) =>
      g.start < end &&
      f.start < g.end &&
      g.ruleId !== f.ruleId &&
      !already.some((b) => b.ruleId === g.ruleId) &&
      !modelReadItBefore(c.text, f, rewrite, g),
  );
  if (fresh.length)
    problems.push(`new finding in the rewrite: ${fresh.map((g) => `${g.ruleId} "${g.text}"`).join(', ')}`);

  const subject = subjectPronoun(c.text, f.start);
  const possessive = rewrite.toLowerCase().match(/\b(his|her|their)\b/)?.[1];
  if (subject && possessive && POSSESSIVES.has(possessive) && SUBJECT_TO_POSSESSIVE[subject] !== possessive) {
    problems.push(`"${possessive}" does not agree with "${subject}"`);
  }
  const art = article(c.text.slice(Math.max(0, f.start - 4), f.start));
  const first = /[\p{L}\p{N}]+/u.exec(rewrite)?.[0];
  if (art && first && rewrite[0] !== '[') {
    if (art === 'a' && startsWithVowelSound(first)) problems.push(`"a ${first}"`);
    if (art === 'an' && !startsWithVowelSound(first)) problems.push(`"an ${first}"`);
    const tags = nlp(`${art} ${rewrite}`).terms().json() as Array<{ terms: Array<{ tags: string[] }> }>;
    const head = tags[1]?.terms[0]?.tags ?? [];
    if (
      (head.includes('Verb') && !head.includes('Noun') && !head.includes('Adjective')) ||
      (/^\p{L}+ing$/u.test(first) && !/^\p{L}+ing-/u.test(rewrite))
    ) {
      problems.push(`article stranded before the verb "${first}"`);
    }
  }
  const letter = /\p{L}/u.exec(rewrite)?.[0];
  if (letter && rewrite.search(/\p{L}/u) === 0) {
    const atStart = sentenceStartBefore(c.text, f.start);
    const upper = letter !== letter.toLowerCase();
    const acronym = /^\p{Lu}{2,}\b/u.test(rewrite);
    if (atStart && !upper) problems.push('a sentence starts in lower case');
    if (!atStart && upper && !acronym && f.text[0] === f.text[0].toLowerCase())
      problems.push('a capital in the middle of a sentence');
  }
  const around = fixed.slice(Math.max(0, f.start - 30), end + 30).toLowerCase();
  const doubled = /\b(\p{L}+)\s+\1\b/u.exec(around);
  if (doubled && !/\b(\p{L}+)\s+\1\b/u.test(c.text.slice(Math.max(0, f.start - 30), f.end + 30).toLowerCase()))
    problems.push(`doubled word "${doubled[1]}"`);
  return problems;
}

/** Every rewrite of every finding in every case, checked. */
export function checkAll(cases: RewriteCase[]): RewriteResult[] {
  const results: RewriteResult[] = [];
  for (const c of cases) {
    for (const f of lint(c.text, { format: c.format })) {
      f.suggestions.forEach((rewrite, i) => {
        if (f.suggestionKinds[i] !== 'rewrite') return;
        const context = c.text
          .slice(Math.max(0, f.start - 40), Math.min(c.text.length, f.end + 40))
          .replace(/\s+/g, ' ');
        results.push({
          source: c.source,
          ruleId: f.ruleId,
          before: f.text,
          rewrite,
          context,
          problems: checkRewrite(c, f, rewrite),
        });
      });
    }
  }
  return results;
}
