// A rewrite must read as part of its sentence: capitalised where the sentence starts, never doubling the word beside
// it, and never a verb phrase where an article asks for a noun ("a manipulative drug seeker" cannot become "a trying to
// get her needs met drug seeker"). Rewrites that cannot fit are dropped; prompts are the writer's to fill and stay.
import type { SuggestionKind } from '../types';

export interface Offered {
  suggestions: string[];
  suggestionKinds: SuggestionKind[];
}

/** The text before a finding ends a sentence: nothing, a line break, or . ! ? (and a closing quote) then space. */
const SENTENCE_END = /(?:^|\n|[.!?]["'\u201d\u2019)\]]*\s)\s*$/u;
const ARTICLE_BEFORE = /(?:^|[^\p{L}\p{N}'\u2019-])(?:a|an|the)\s+$/iu;
/** A rewrite that opens with a bare -ing word is a verb phrase ("requesting pain relief"), not a noun phrase. */
const VERB_PHRASE = /^\p{L}+ing\b(?!-)/iu;

function firstWord(text: string): string | undefined {
  return /^[\p{L}\p{N}'\u2019-]+/u.exec(text)?.[0]?.toLowerCase();
}

function lastWord(text: string): string | undefined {
  return /[\p{L}\p{N}'\u2019-]+$/u.exec(text)?.[0]?.toLowerCase();
}

/** `before` and `after`: the text of the sentence just before and just after the finding. */
export function fitRewrites(offered: Offered, before: string, after: string): Offered {
  const atSentenceStart = SENTENCE_END.test(before);
  const wordBefore = lastWord(before.trimEnd());
  const wordAfter = firstWord(after.trimStart());
  const afterArticle = ARTICLE_BEFORE.test(before);
  const out: Offered = { suggestions: [], suggestionKinds: [] };
  offered.suggestions.forEach((s, i) => {
    const kind = offered.suggestionKinds[i];
    let text = s;
    if (kind === 'rewrite') {
      if (wordBefore && firstWord(text) === wordBefore) return;
      if (wordAfter && lastWord(text) === wordAfter) return;
      if (afterArticle && VERB_PHRASE.test(text)) return;
      if (atSentenceStart) text = text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    }
    out.suggestions.push(text);
    out.suggestionKinds.push(kind);
  });
  return out;
}
