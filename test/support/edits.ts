/** Generated edits for the session properties, applied as an editor would send them. */
import type { TextChange } from '../../shared-rules/src/index';

export interface GeneratedEdit {
  at: number;
  del: number;
  insert: string;
}

export function isSurrogateSplit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** The edit placed inside `text` (editors never split a surrogate pair), and the text after it. */
export function applyEdit(text: string, e: GeneratedEdit): { change: TextChange; text: string } {
  let start = e.at % (text.length + 1);
  let end = Math.min(text.length, start + e.del);
  if (isSurrogateSplit(text, start)) start--;
  if (isSurrogateSplit(text, end)) end++;
  return { change: { start, end, text: e.insert }, text: text.slice(0, start) + e.insert + text.slice(end) };
}
