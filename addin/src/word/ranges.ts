/// <reference types="office-js" />
// Findings carry UTF-16 offsets into the paragraph text. On WordApi 1.7 a finding with an underline is found by its
// critique's own range; otherwise (and as the fallback) by Paragraph.search. The finding's occurrence is the k-th
// match of its text in the paragraph, counted the way Word's search counts: left to right, not overlapping, and
// straight and curly quotes alike. Every match is checked against the expected text before it is used.
import type { Finding } from '../../../shared-rules/src/index';

/** Word's search takes at most 255 characters, counted after escaping (Word.Paragraph.search). */
export const WORD_SEARCH_LIMIT = 255;

/** Word's search treats ‘ ’ as ' and “ ” as ": count occurrences the same way. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Start offsets of the non-overlapping occurrences of `needle` in `text`, as Word's search finds them. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  const hay = foldQuotes(text);
  const find = foldQuotes(needle);
  for (let at = hay.indexOf(find); at !== -1; at = hay.indexOf(find, at + find.length)) out.push(at);
  return out;
}

/** Which occurrence of its own text the finding is, or -1 if the text at its offsets is not what it flagged. */
export function occurrenceIndex(text: string, finding: Pick<Finding, 'start' | 'end' | 'text'>): number {
  if (text.slice(finding.start, finding.end) !== finding.text) return -1;
  return occurrences(text, finding.text).indexOf(finding.start);
}

/**
 * The search string for Word: '^' starts a special code there, so it is doubled, and a tab, a manual line break and
 * a non-breaking space are only found through their codes (^t, ^l, ^s). Null when Word cannot search for it.
 */
export function wordSearchText(needle: string): string | null {
  if (needle.length === 0) return null;
  const query = needle
    .replace(/\^/g, '^^')
    .replace(/\t/g, '^t')
    .replace(/[\v\u2028]/g, '^l')
    .replace(/\u00a0/g, '^s');
  // Other control characters (marks, a paragraph break) cannot be part of a match inside one paragraph.
  if (/[\u0000-\u001f]/.test(query)) return null;
  return query.length > WORD_SEARCH_LIMIT ? null : query;
}

/** Queue a search for the finding's text in its paragraph; pass the loaded result to `pickOccurrence`. */
export function searchFinding(paragraph: Word.Paragraph, finding: Finding): Word.RangeCollection | null {
  const query = wordSearchText(finding.text);
  if (query === null) return null;
  const ranges = paragraph.search(query, { matchCase: true, matchWildcards: false, matchWholeWord: false });
  ranges.load('items/text');
  return ranges;
}

/**
 * The range of the finding among the synced search results, or null when Word's matches don't line up with
 * the text the finding was linted from (the caller then says so rather than touch the wrong words).
 */
export function pickOccurrence(
  ranges: Word.RangeCollection,
  paragraphText: string,
  finding: Finding,
): Word.Range | null {
  const k = occurrenceIndex(paragraphText, finding);
  if (k < 0 || ranges.items.length !== occurrences(paragraphText, finding.text).length) return null;
  const range = ranges.items[k];
  return range && range.text === finding.text ? range : null;
}
