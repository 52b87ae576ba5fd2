import { visibleBox, type Field } from './field';

/** Styles that decide where a textarea's glyphs fall; the mirror copies them (the mirror-div technique). */
const COPIED = [
  'direction',
  'boxSizing',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'fontFeatureSettings',
  'fontKerning',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'whiteSpace',
  'wordBreak',
  'overflowWrap',
  'textRendering',
] as const;

/**
 * A textarea. Its text has no DOM to measure, so an invisible copy (the mirror) with the same box, font and wrapping
 * sits in the overlay's shadow root over it, scrolled the same; a Range over the mirror's text gives each span's boxes.
 * The mirror holds one block per line of the text, so a keystroke re-lays out one line, not a 150 KB note (a single
 * pre-wrap block and a stack of one block per line wrap identically). The page's textarea is never touched except
 * to select and insert as a user would.
 */
export class TextareaField implements Field {
  private readonly mirror: HTMLDivElement;
  private lines: string[] = [];
  /** Offset in the text where each line starts. */
  private starts: number[] = [];
  private text: string | null = null;

  constructor(
    readonly element: HTMLTextAreaElement,
    container: HTMLElement,
  ) {
    this.mirror = element.ownerDocument.createElement('div');
    this.mirror.className = 'cl-mirror';
    container.append(this.mirror);
  }

  readText(): string {
    const text = this.element.value;
    if (text === this.text) return text;
    this.text = text;
    const lines = text.split('\n');
    const old = this.lines;
    let head = 0;
    while (head < lines.length && head < old.length && lines[head] === old[head]) head++;
    let tail = 0;
    while (
      tail < lines.length - head &&
      tail < old.length - head &&
      lines[lines.length - 1 - tail] === old[old.length - 1 - tail]
    )
      tail++;
    const doc = this.element.ownerDocument;
    const fresh = lines.slice(head, lines.length - tail).map((line) => {
      const div = doc.createElement('div');
      // an empty line still takes a line's height
      if (line.length > 0) div.textContent = line;
      else div.append(doc.createElement('br'));
      return div;
    });
    const kids = this.mirror.children;
    for (let i = old.length - tail - 1; i >= head; i--) kids[i].remove();
    if (head < kids.length) {
      const before = kids[head];
      for (const div of fresh) this.mirror.insertBefore(div, before);
    } else this.mirror.append(...fresh);
    this.lines = lines;
    const starts = new Array<number>(lines.length);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      starts[i] = at;
      at += lines[i].length + 1;
    }
    this.starts = starts;
    return text;
  }

  /** (node, offset) in the mirror for a text offset. */
  private point(offset: number): [Node, number] {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const div = this.mirror.children[lo];
    const node = div.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return [div, 0];
    return [node, Math.min(offset - starts[lo], (node as Text).length)];
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
    if (this.lines.length === 0) return [];
    const range = this.element.ownerDocument.createRange();
    range.setStart(...this.point(start));
    range.setEnd(...this.point(end));
    return [...range.getClientRects()].filter((r) => r.width > 0);
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
