import { letterPattern } from '../text/letter-regexp';
/**
 * "an addict" → "a person with …": a rewrite that starts with another sound than the word it replaces
 * needs the other indefinite article. The finding then takes in the article, so that the fix stays inside
 * the finding's span.
 */
const ARTICLE_BEFORE = letterPattern(String.raw`(?:^|[^\p{L}\p{N}'\u2019-])(a|an)(\s+)$`, 'iu');
/** Words whose spelling misleads: a vowel letter with a consonant sound, or a silent h. */
const A_BEFORE_VOWEL_LETTER = /^(one|once|use|used|user|usual|uni|euro|ewe|u[bcfgklmnrst][aeiou])/i;
const AN_BEFORE_CONSONANT_LETTER = /^(hour|honest|honou?r|heir|[fhlmnrsx]$|[fhlmnrsx][^a-z])/i;

export function indefiniteArticle(word: string): 'a' | 'an' {
  if (A_BEFORE_VOWEL_LETTER.test(word)) return 'a';
  if (AN_BEFORE_CONSONANT_LETTER.test(word) || /^[aeiou]/i.test(word)) return 'an';
  return 'a';
}

export interface ArticleFix {
  /** Characters the finding grows by at its start (the article and the space after it). */
  grow: number;
  suggestions: string[];
}

/**
 * When `before` (the text just before a finding) ends with "a" or "an" that does not suit one of the
 * ready-made rewrites, every rewrite gets the article that suits it and the finding grows to cover the
 * article. Slot rewrites ("[describe …]") keep the writer's article.
 */
export function fixArticle(before: string, suggestions: string[]): ArticleFix | null {
  const m = ARTICLE_BEFORE.exec(before);
  if (!m) return null;
  const [, article, space] = m;
  const rewrites = suggestions.filter((s) => !s.startsWith('['));
  // a rewrite with its own article ("a person with …") replaces the one in the text rather than following it
  const ownArticle = (s: string) => /^(a|an)\s/i.test(s);
  if (rewrites.every((s) => !ownArticle(s) && indefiniteArticle(s) === article.toLowerCase())) return null;
  const capital = article[0] === article[0].toUpperCase();
  const withArticle = (s: string) => {
    if (ownArticle(s)) return capital ? s[0].toUpperCase() + s.slice(1) : s;
    const fit = s.startsWith('[') ? article.toLowerCase() : indefiniteArticle(s);
    return `${capital ? fit[0].toUpperCase() + fit.slice(1) : fit}${space}${s}`;
  };
  return { grow: article.length + space.length, suggestions: suggestions.map(withArticle) };
}
