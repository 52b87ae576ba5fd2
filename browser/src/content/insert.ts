import type { SuggestionKind } from '../../../shared-rules/src/index';
import type { Field } from './field';

/**
 * Put `text` in place of [start, end) the way typing does: select the span, then insertText. The browser fires
 * beforeinput and input, the page's editor (Quill, ProseMirror, a plain textarea) sees an ordinary edit, and it lands
 * on the undo stack, so Ctrl+Z takes it back. Returns false when the page refused the edit.
 */
export function insertAsTyping(field: Field, start: number, end: number, text: string): boolean {
  field.select(start, end);
  const doc = field.element.ownerDocument;
  if (doc.execCommand('insertText', false, text)) return true;
  // Browsers without execCommand in this context: the textarea's own API, announced as an input event.
  const el = field.element;
  if (el instanceof HTMLTextAreaElement && !el.readOnly && !el.disabled) {
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
    return true;
  }
  return false;
}

/**
 * A prompt ("[describe what the person did …]") is inserted only because the writer picked it; it is then selected
 * whole, so the next keystroke replaces it. A rewrite with a part to fill in gets that part selected.
 */
export function selectSlot(field: Field, start: number, inserted: string, kind: SuggestionKind): void {
  if (kind === 'prompt') {
    field.readText();
    field.select(start, start + inserted.length);
    return;
  }
  const open = inserted.indexOf('[');
  const close = open >= 0 ? inserted.indexOf(']', open) : -1;
  if (close > open) {
    field.readText();
    field.select(start + open, start + close + 1);
  }
}
