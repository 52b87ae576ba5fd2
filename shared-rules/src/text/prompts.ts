import type { SuggestionKind } from '../types';

/** A suggestion with a `[...]` slot asks the writer for facts (a prompt); any other says the same in other words. */
export function suggestionKind(suggestion: string): SuggestionKind {
  return /\[[^\]]*\]/.test(suggestion) ? 'prompt' : 'rewrite';
}
