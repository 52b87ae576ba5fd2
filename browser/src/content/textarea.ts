import { visibleBox, type Field } from './field';

/** Styles that decide where a textarea's glyphs fall; the mirror copies them (the mirror-div technique). */
const COPIED = [
  'direction', 'boxSizing', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch',
  'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'fontFeatureSettings', 'fontKerning', 'textAlign', 'textTransform',
  'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordBreak', 'overflowWrap', 'textRendering',
] as const;

/**
 * A textarea. Its text has no DOM to measure, so an invisible copy (the mirror) with the same box, font and wrapping
 * sits in the overlay's shadow root over it, scrolled the same; a Range over the mirror's text gives each span's boxes.
 * The page's textarea is never touched except to select and insert as a user would.
 */
export class TextareaField implements Field {
  private readonly mirror: HTMLDivElement;
  private readonly node: Text;

  constructor(readonly element: HTMLTextAreaElement, container: HTMLElement) {
    const doc = element.ownerDocument;
    this.mirror = doc.createElement('div');
    this.mirror.className = 'cl-mirror';
    this.node = doc.createTextNode('');
    this.mirror.append(this.node);
    container.append(this.mirror);
  }

  readText(): string {
    const text = this.element.value;
    if (this.node.data !== text) this.node.data = text;
    return text;
  }

  private place(): void {
    const ta = this.element;
    const s = getComputedStyle(ta);
    const m = this.mirror.style;
    for (const p of COPIED) m[p] = s[p];
    if (s.whiteSpace === 'normal' || s.whiteSpace === '') m.whiteSpace = 'pre-wrap';
    const r = ta.getBoundingClientRect();
    m.left = `${r.left}px`;
    m.top = `${r.top}px`;
    m.width = `${r.width}px`;
    m.height = `${r.height}px`;
    m.boxSizing = 'border-box';
    // The same scrollbar as the textarea, so the text wraps at the same width.
    m.overflowY = ta.scrollHeight > ta.clientHeight ? 'scroll' : 'hidden';
    m.overflowX = s.overflowX === 'scroll' ? 'scroll' : 'hidden';
    this.mirror.scrollTop = ta.scrollTop;
    this.mirror.scrollLeft = ta.scrollLeft;
  }

  prepare(): void {
    this.place();
  }

  rects(start: number, end: number): DOMRect[] {
    const range = this.element.ownerDocument.createRange();
    const len = this.node.length;
    range.setStart(this.node, Math.min(start, len));
    range.setEnd(this.node, Math.min(end, len));
    return [...range.getClientRects()];
  }

  selection() {
    const ta = this.element;
    return { start: ta.selectionStart, end: ta.selectionEnd };
  }

  select(start: number, end: number): void {
    this.element.focus();
    this.element.setSelectionRange(start, end);
  }

  clip(): DOMRect {
    return visibleBox(this.element);
  }

  dispose(): void {
    this.mirror.remove();
  }
}
