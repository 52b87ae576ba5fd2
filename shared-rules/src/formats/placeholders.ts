/**
 * Template placeholders, opaque in every format: {{ }}, {{{ }}}, {{!-- --}}, {% %}, {# #}, ${ }, [[ ]],
 * «Field_name», << >>. Each whole placeholder, delimiters included, becomes a run of U+FFFC (line breaks kept),
 * which the matcher reads as one word that matches nothing.
 */
import { NextFinder, OBJ, fill, type Mask } from './buffer';

interface Delimiter {
  open: string;
  close: string;
  /** Comments may run over blank lines; other placeholders never cross a paragraph break. */
  acrossParagraphs: boolean;
  /**
   * A mail-merge field name, which has no spaces («Patient_Name»): guillemets around words with spaces are
   * quotation marks («in pain»), read as quotes like any other.
   */
  fieldName?: boolean;
}

// Longest opener first where one opener is a prefix of another.
const DELIMITERS: readonly Delimiter[] = [
  { open: '{{!--', close: '--}}', acrossParagraphs: true },
  { open: '{{{', close: '}}}', acrossParagraphs: false },
  { open: '{{', close: '}}', acrossParagraphs: false },
  { open: '{%', close: '%}', acrossParagraphs: false },
  { open: '{#', close: '#}', acrossParagraphs: true },
  { open: '${', close: '}', acrossParagraphs: false },
  { open: '[[', close: ']]', acrossParagraphs: false },
  { open: '\u00ab', close: '\u00bb', acrossParagraphs: false, fieldName: true },
  { open: '<<', close: '>>', acrossParagraphs: false },
];

const FIRST_CHARS = new Set(DELIMITERS.map((d) => d.open.charCodeAt(0)));

/** A blank line: a line break, optional spaces or tabs, another line break. */
const BLANK_LINE = /(?:\r\n?|\n)[ \t]*[\r\n]/g;

/** Any white space, which a mail-merge field name never holds. */
const SPACE = /\s/g;

export interface Span {
  start: number;
  end: number;
}

/** Placeholder spans in order, non-overlapping. Linear in the length of the text. */
export function findPlaceholders(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let finders: Map<string, NextFinder> | undefined;
  let blank: NextFinder | undefined;
  let space: NextFinder | undefined;
  let i = 0;
  while (i < n - 1) {
    const c = text.charCodeAt(i);
    if (!FIRST_CHARS.has(c)) {
      i++;
      continue;
    }
    let end = -1;
    for (const d of DELIMITERS) {
      if (!text.startsWith(d.open, i)) continue;
      finders ??= new Map();
      let f = finders.get(d.close);
      if (!f) finders.set(d.close, (f = new NextFinder(text, d.close)));
      const close = f.at(i + d.open.length);
      if (close < 0) continue;
      if (d.fieldName) {
        space ??= new NextFinder(text, SPACE);
        const w = space.at(i);
        if (w >= 0 && w < close) continue;
      }
      if (!d.acrossParagraphs) {
        blank ??= new NextFinder(text, BLANK_LINE);
        const b = blank.at(i);
        if (b >= 0 && b < close) continue;
      }
      end = close + d.close.length;
      break;
    }
    if (end < 0) {
      i++;
      continue;
    }
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

/** Replace every placeholder in `text` by U+FFFC in `out` (keeping '\n' and '\r'). Returns how many. */
export function maskPlaceholders(text: string, out: Mask): number {
  const spans = findPlaceholders(text);
  for (const s of spans) fill(out, s.start, s.end, OBJ);
  return spans.length;
}
