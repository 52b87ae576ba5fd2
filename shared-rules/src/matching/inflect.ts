import type { Inflector, WordForms } from './phrase';

/**
 * Regular English inflection, the fallback for words the build-time lexicon (made with compromise)
 * does not know, such as words in custom rules when no richer inflector is supplied.
 */
export function regularInflect(base: string): WordForms {
  const w = base.toLowerCase();
  const sibilant = /(s|x|z|ch|sh)$/.test(w);
  const consonantY = /[^aeiou]y$/.test(w);
  const present = consonantY ? w.slice(0, -1) + 'ies' : sibilant ? w + 'es' : w + 's';
  const doubles = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w);
  const stem = w.endsWith('e') ? w.slice(0, -1) : doubles ? w + w[w.length - 1] : w;
  const past = consonantY ? w.slice(0, -1) + 'ied' : w.endsWith('e') ? w + 'd' : stem + 'ed';
  const gerund = w.endsWith('ie') ? w.slice(0, -2) + 'ying' : stem + 'ing';
  return { base: w, present, past, participle: past, gerund, plural: present };
}

/** Looks words up in a lexicon first, then falls back to regular inflection. */
export function lexiconInflector(lexicon: Record<string, WordForms>, fallback: Inflector = regularInflect): Inflector {
  return (word) => lexicon[word.toLowerCase()] ?? fallback(word);
}
