import { visibleBox, type Field } from './field';

/** Elements that start a new line of text; the engine sees a line break between them, as the writer does. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

interface Segment {
  node: Text;
  start: number;
}

/**
 * A contenteditable editing host (plain, or a rich-text editor such as Quill or ProseMirror that re-renders its DOM).
 * The text is read from the DOM's text nodes on every change, with a map from text offsets back to (node, offset),
 * so a Range over the live nodes gives each span's boxes. Nothing in the editor's DOM is changed.
 */
export class EditableField implements Field {
  private segments: Segment[] = [];
  private text = '';

  constructor(readonly element: HTMLElement) {}

  readText(): string {
    const segments: Segment[] = [];
    let text = '';
    const breakLine = () => {
      if (text.length > 0 && !text.endsWith('\n')) text += '\n';
    };
    const walk = (node: Node) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === Node.TEXT_NODE) {
          const t = child as Text;
          if (t.length === 0) continue;
          segments.push({ node: t, start: text.length });
          text += t.data;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const el = child as HTMLElement;
          if (el.tagName === 'BR') {
            text += '\n';
            continue;
          }
          // editors' own widgets (placeholders, cursors) are not the writer's text
          if (el.getAttribute('contenteditable') === 'false' || el.tagName === 'STYLE' || el.tagName === 'SCRIPT')
            continue;
          const block = BLOCKS.has(el.tagName);
          if (block) breakLine();
          walk(el);
          if (block) breakLine();
        }
      }
    };
    walk(this.element);
    this.segments = segments;
    this.text = text;
    return text;
  }

  /** The DOM position of a text offset; an offset on a synthetic line break goes to the nearest text node. */
  private point(offset: number, side: 'start' | 'end'): [Text, number] | null {
    const segs = this.segments;
    if (segs.length === 0) return null;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    let seg = segs[lo];
    if (offset > seg.start + seg.node.length) {
      // inside a synthetic break after this node
      if (side === 'start' && lo + 1 < segs.length) return [segs[lo + 1].node, 0];
      return [seg.node, seg.node.length];
    }
    if (
      offset === seg.start + seg.node.length &&
      side === 'start' &&
      lo + 1 < segs.length &&
      segs[lo + 1].start === offset
    )
      seg = segs[lo + 1];
    return [seg.node, Math.max(0, offset - seg.start)];
  }

  private range(start: number, end: number): Range | null {
    const a = this.point(start, 'start');
    const b = this.point(end, 'end');
    if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
    const range = this.element.ownerDocument.createRange();
    try {
      range.setStart(a[0], Math.min(a[1], a[0].length));
      range.setEnd(b[0], Math.min(b[1], b[0].length));
    } catch {
      return null;
    }
    return range;
  }

  prepare(): void {}

  rects(start: number, end: number): DOMRect[] {
    const range = this.range(start, end);
    return range ? [...range.getClientRects()].filter((r) => r.width > 0) : [];
  }

  /** The text offset of a DOM position inside the field. */
  private offsetOf(node: Node, offset: number): number | null {
    if (!this.element.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = this.segments.find((s) => s.node === node);
      return seg ? seg.start + offset : null;
    }
    // an element position: the first text node at or after it
    const probe = this.element.ownerDocument.createRange();
    probe.setStart(node, offset);
    for (const seg of this.segments) if (probe.comparePoint(seg.node, 0) >= 0) return seg.start;
    return this.text.length;
  }

  selection() {
    const sel = this.element.ownerDocument.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const r = sel.getRangeAt(0);
    const start = this.offsetOf(r.startContainer, r.startOffset);
    const end = this.offsetOf(r.endContainer, r.endOffset);
    return start === null || end === null ? null : { start, end };
  }

  select(start: number, end: number): void {
    this.readText();
    const range = this.range(start, end);
    if (!range) return;
    if (this.element.ownerDocument.activeElement !== this.element) this.element.focus({ preventScroll: true });
    const sel = this.element.ownerDocument.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }

  clip(): DOMRect {
    return visibleBox(this.element);
  }

  dispose(): void {}
}

/** The editing host an element belongs to (the outermost contenteditable), or null. */
export function editingHost(el: Element | null): HTMLElement | null {
  let host: HTMLElement | null = null;
  for (let e = el as HTMLElement | null; e && e.isContentEditable; e = e.parentElement) host = e;
  return host;
}
