import { letterPattern } from '../text/letter-regexp';
/**
 * `{their}` in a rewrite agrees with the person the sentence is about: the nearest he/she/they before the
 * finding in its sentence picks his/her/their ("He is manipulative" → "He is trying to get his needs met").
 * With no pronoun in sight it stays "their".
 */
const POSSESSIVE: Record<string, string> = {
  he: 'his',
  him: 'his',
  his: 'his',
  she: 'her',
  her: 'her',
  hers: 'her',
  they: 'their',
  them: 'their',
  their: 'their',
};
/** How far before a finding the pronoun is looked for. */
export const PRONOUN_LOOK_BACK = 200;

const LETTER_RUNS = letterPattern(String.raw`\p{L}+`, 'gu');

export function resolvePronouns(suggestion: string, before: string): string {
  if (!suggestion.includes('{their}')) return suggestion;
  const sentence =
    before
      .slice(-PRONOUN_LOOK_BACK)
      .split(/[.!?;:\n]/)
      .pop() ?? '';
  const lower = sentence.toLowerCase();
  const words = lower.match(LETTER_RUNS.for(lower)) ?? [];
  let possessive = 'their';
  for (let i = words.length - 1; i >= 0; i--) {
    if (POSSESSIVE[words[i]]) {
      possessive = POSSESSIVE[words[i]];
      break;
    }
  }
  return suggestion.replaceAll('{their}', possessive);
}
