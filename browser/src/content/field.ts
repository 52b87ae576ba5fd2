/** One text field the extension checks, whatever holds the text: a textarea or a contenteditable editor. */
export interface Field {
  /** The element that takes focus and fires the page's events. */
  readonly element: HTMLElement;
  /** The text as the engine sees it (a contenteditable's blocks joined by line breaks). */
  readText(): string;
  /** Lay out what rects() measures; called once before a batch of rects(). */
  prepare(): void;
  /** Boxes of the text from start to end, in viewport coordinates. Call after readText() and prepare(). */
  rects(start: number, end: number): DOMRect[];
  /** The selection in text offsets when it lies in this field. */
  selection(): { start: number; end: number } | null;
  /** Select [start, end) the way a user would, so the next insertText replaces it. */
  select(start: number, end: number): void;
  /** The part of the viewport where the field shows its text; underlines outside it are clipped. */
  clip(): DOMRect;
  dispose(): void;
}

/** The visible box inside an element's border (where its text can show), in viewport coordinates. */
export function innerBox(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const left = r.left + parseFloat(s.borderLeftWidth);
  const top = r.top + parseFloat(s.borderTopWidth);
  const width = Math.max(0, (el as HTMLElement).clientWidth || r.width);
  const height = Math.max(0, (el as HTMLElement).clientHeight || r.height);
  return new DOMRect(left, top, width, height);
}

/** Intersect with every scrolling ancestor's box and the viewport, so a field half scrolled away clips its underlines. */
export function visibleBox(el: Element): DOMRect {
  let box = innerBox(el);
  const view = el.ownerDocument.defaultView!;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflow;
    if (o === 'visible') continue;
    box = intersect(box, innerBox(p));
  }
  return intersect(box, new DOMRect(0, 0, view.innerWidth, view.innerHeight));
}

function intersect(a: DOMRect, b: DOMRect): DOMRect {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}
