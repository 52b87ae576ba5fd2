/// <reference types="office-js" />
// Findings carry UTF-16 offsets into the paragraph text; Word ranges come from Paragraph.search. The finding's
// occurrence is the k-th case-sensitive match of its text in the paragraph, counted the way Word's search counts
// (left to right, non-overlapping), and every match is checked against the expected text before it is used.
import type { Finding } from '../../../shared-rules/src/index';

/** Word's search can't take more than 255 characters. */
const WORD_SEARCH_LIMIT = 255;

/** Start offsets of the non-overlapping occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** Which occurrence of its own text the finding is, or -1 if the text at its offsets is not what it flagged. */
export function occurrenceIndex(text: string, finding: Pick<Finding, 'start' | 'end' | 'text'>): number {
  if (text.slice(finding.start, finding.end) !== finding.text) return -1;
  return occurrences(text, finding.text).indexOf(finding.start);
}

/** The search string for Word: '^' starts a special code there (^p, ^t…), so it is doubled. Null if too long. */
export function wordSearchText(needle: string): string | null {
  return needle.length === 0 || needle.length > WORD_SEARCH_LIMIT ? null : needle.replace(/\^/g, '^^');
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
 * the text the finding was linted from (the caller then re-lints rather than touch the wrong words).
 */
export function pickOccurrence(ranges: Word.RangeCollection, paragraphText: string, finding: Finding): Word.Range | null {
  const k = occurrenceIndex(paragraphText, finding);
  if (k < 0 || ranges.items.length !== occurrences(paragraphText, finding.text).length) return null;
  const range = ranges.items[k];
  return range && range.text === finding.text ? range : null;
}
