/// <reference types="office-js" />
// The text a paragraph is checked as. `Paragraph.text` also carries characters that are not the writer's words and
// that Word's critiques do not count: comment marks (\u0005, office-js#2258), footnote references (\x02,
// office-js#4997), other object and field marks, and tracked-deleted or hidden text. On WordApi 1.7,
// `Paragraph.getText()` leaves deleted and hidden text out by default (Word.GetTextOptions); the marks are taken out
// here on every version, so findings and critiques count the same characters.
import type { Capabilities } from './capabilities';

/** Control characters Word puts in paragraph text for objects; tab (\t) and manual line break (\v) stay. */
const MARKS = /[\u0000-\u0008\u000e-\u001f]/g;

export function checkedText(raw: string): string {
  return raw.replace(MARKS, '');
}

/** Queue a read of the paragraph's checked text; call the result after the next sync. */
export function queueText(paragraph: Word.Paragraph, caps: Pick<Capabilities, 'annotations'>): () => string {
  if (caps.annotations) {
    const result = paragraph.getText();
    return () => checkedText(result.value);
  }
  paragraph.load('text');
  return () => checkedText(paragraph.text);
}
