/**
 * Scare quotes: quotation marks around a word or two of the writer's own sentence ("patient 'in pain'"), which
 * signal doubt rather than report speech. Only a hit that is the whole of its quotation counts, so a quoted
 * sentence ("I'm in pain") stays the person's own words.
 */
import type { Span } from './quotes';

/**
 * Is [start, end) the whole content of `quote`, ignoring spaces, the invisible fill of a decoded HTML entity
 * (U+200B) and a full stop or comma before the closing mark?
 */
export function fillsQuote(text: string, quote: Span, start: number, end: number): boolean {
  return (
    /^[\s\u200b]*$/.test(text.slice(quote[0] + 1, start)) && /^[\s\u200b.,;:!?]*$/.test(text.slice(end, quote[1] - 1))
  );
}

/** The quotation's span, taking in the invisible fill after a closing mark decoded from an entity ("&quot;"). */
export function quoteExtent(text: string, quote: Span): [number, number] {
  let end = quote[1];
  while (end < text.length && text.charCodeAt(end) === 0x200b) end++;
  return [quote[0], end];
}
