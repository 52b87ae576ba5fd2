/**
 * HTML masking: only text nodes stay. Tags (with their attributes), comments, doctype, CDATA and the
 * content of <script>, <style>, <template> and <code> are hidden; block-level tags become paragraph
 * breaks; character references are decoded in place.
 *
 * The scan follows the HTML tokenizer and never backtracks (an unclosed tag, comment or script runs to
 * the end of the text, as in a browser), so it is linear in the length of the text.
 */
import { NextFinder, hide, isAsciiAlnum, isAsciiLetter, isWhite, paragraphBreak, type Mask } from './buffer';
import { decodeEntityAt } from './entities';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'pre',
  'hr',
  'dd',
  'dt',
  'dl',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'nav',
  'aside',
  'main',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'form',
  'fieldset',
  'legend',
  'html',
  'head',
  'body',
  'title',
  'center',
  'option',
  'textarea',
  'script',
  'style',
  'template',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose content is never prose. */
export const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'code']);

/** Finds the closing tag of a hidden-content element, cached per element name (see NextFinder). */
export class CloseTagFinder {
  private readonly finders = new Map<string, NextFinder>();
  constructor(private readonly text: string) {}
  at(name: string, i: number): number {
    let f = this.finders.get(name);
    if (!f) this.finders.set(name, (f = new NextFinder(this.text, new RegExp(`</${name}(?=[\\s/>])`, 'gi'))));
    return f.at(i);
  }
}

/** A tag name starting at `i`: letters, digits and '-', lower-cased; `end` is where it stops. */
export function readTagName(text: string, i: number, limit: number): { name: string; end: number } {
  let j = i;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (!isAsciiAlnum(c) && c !== 0x2d && c !== 0x3a && c !== 0x5f) break;
    j++;
  }
  return { name: text.slice(i, j).toLowerCase(), end: j };
}

/** Hide a tag: a paragraph break for block-level elements ("\n\n# " for headings), spaces otherwise. */
export function hideTag(out: Mask, start: number, end: number, name: string, closing: boolean): void {
  // <q> is a quotation: it stays one, as curly quotation marks, so its words count as quoted (someone's own words)
  const quote = name === 'q' && end > start && out[end - 1] === 0x3e /* > */;
  if (BLOCK_TAGS.has(name)) paragraphBreak(out, start, end, !closing && HEADINGS.has(name));
  else hide(out, start, end);
  if (quote) out[closing ? end - 1 : start] = closing ? 0x201d : 0x201c;
}

/**
 * End of the tag whose name ends at `j`: just past its '>', honouring quoted attribute values
 * (a quote only opens a value right after '='). Returns `limit` when the tag is not closed.
 */
function tagEnd(text: string, j: number, limit: number): number {
  let afterEq = false;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 0x3e /* > */) return j + 1;
    if ((c === 0x22 || c === 0x27) && afterEq) {
      const q = text.indexOf(c === 0x22 ? '"' : "'", j + 1);
      if (q < 0 || q >= limit) return limit;
      j = q + 1;
      afterEq = false;
      continue;
    }
    if (c === 0x3d /* = */) afterEq = true;
    else if (!isWhite(c)) afterEq = false;
    j++;
  }
  return limit;
}

export function maskHtml(text: string, out: Mask): void {
  const n = text.length;
  const closers = new CloseTagFinder(text);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x26 /* & */) i = decodeEntityAt(text, out, i, n);
    else if (c === 0x3c /* < */) i = maskMarkup(text, out, i, n, closers);
    else i++;
  }
}

/** Handle the '<' at `i`; returns where scanning continues. */
function maskMarkup(text: string, out: Mask, i: number, n: number, closers: CloseTagFinder): number {
  const c1 = text.charCodeAt(i + 1);
  if (c1 === 0x21 /* ! */) {
    let end: number;
    if (text.startsWith('<!--', i)) {
      if (text.startsWith('>', i + 4)) end = i + 5;
      else if (text.startsWith('->', i + 4)) end = i + 6;
      else end = until(text, '-->', i + 4, n);
    } else if (text.startsWith('<![CDATA[', i)) {
      end = until(text, ']]>', i + 9, n);
    } else {
      end = until(text, '>', i + 2, n);
    }
    hide(out, i, end);
    return end;
  }
  if (c1 === 0x3f /* ? */) {
    const end = until(text, '>', i + 2, n);
    hide(out, i, end);
    return end;
  }
  if (c1 === 0x2f /* / */) {
    const c2 = text.charCodeAt(i + 2);
    if (isAsciiLetter(c2)) {
      const { name, end: nameEnd } = readTagName(text, i + 2, n);
      const end = tagEnd(text, nameEnd, n);
      hideTag(out, i, end, name, true);
      return end;
    }
    const end = c2 === 0x3e ? i + 3 : until(text, '>', i + 2, n);
    hide(out, i, end);
    return end;
  }
  if (!isAsciiLetter(c1)) return i + 1; // a literal '<'
  const { name, end: nameEnd } = readTagName(text, i + 1, n);
  const end = tagEnd(text, nameEnd, n);
  hideTag(out, i, end, name, false);
  if (!HIDDEN_CONTENT.has(name) || text.charCodeAt(end - 2) === 0x2f /* self-closing */) return end;
  const close = closers.at(name, end);
  if (close < 0) {
    // <script>, <style> and <template> run to the end of the text in a browser; an unclosed <code> only
    // loses its tag, so a typo does not hide the rest of the letter.
    if (name === 'code') return end;
    hide(out, end, n);
    return n;
  }
  hide(out, end, close);
  return close; // the closing tag is handled next
}

/** Just past the next `needle` at or after `from`, or `n` when there is none. */
function until(text: string, needle: string, from: number, n: number): number {
  const k = text.indexOf(needle, from);
  return k < 0 ? n : k + needle.length;
}
