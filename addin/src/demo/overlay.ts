import type { Finding } from '../../../shared-rules/src/index';

/** Characters of new lines drawn in one task; a large paste draws the rest in the tasks after, top down. */
const CHARS_PER_TASK = 8_192;
/** Lines per chunk of the layer: a chunk away from the window is parked (out of layout and paint) as a whole. */
const LINES_PER_CHUNK = 32;

/** One line of the note (up to and including its '\n') as drawn in the layer. */
interface Line {
  start: number;
  /** The line's text (a slice of the note, so cheap to keep and compare). */
  text: string;
  /** Its underlines relative to the line: a line with the same text and underlines keeps its element. */
  sig: string;
  segments: Segment[];
  /** Null until drawn (a large paste is drawn over several tasks). */
  el: HTMLElement | null;
  /** The chunk element holding `el`. */
  chunk: HTMLElement | null;
}

interface Segment {
  from: number;
  to: number;
  category: string;
}

/**
 * The underline layer over the textarea: one block per line, each holding the line's text with its flagged spans
 * in <mark>s. A redraw compares each line's text and underlines with what is drawn and replaces only the lines
 * that differ, so a keystroke costs one line of DOM, not the note. The layer's text is exactly the textarea's
 * (with transparent glyphs), so it wraps the same. New lines are drawn top down, about 8 KB a task, so a pasted
 * note is underlined from the top at once and the rest follows without one long task.
 *
 * Lines sit in chunks of about 32, and a chunk well away from the window is parked: its lines leave the layout
 * (display: none) and it keeps only the height it had, so a keystroke's frame lays out and paints the few chunks
 * near the window, not 1,300 lines. A parked chunk's height is only right while its lines and the width are as
 * they were: a chunk whose lines change is brought back first, and every chunk when the width changes; once a frame
 * has laid it out, it is parked again if it is still away from the window. (content-visibility: auto was tried
 * first: skipped chunks still cost each frame as much as drawn ones.)
 */
export class MarkLayer {
  private lines: Line[] = [];
  private readonly owner = new WeakMap<Element, Line>();
  private continuation: ReturnType<typeof setTimeout> | undefined;
  /** Chunks whose lines or width changed: laid out in full in the next frame, then parked if away from the window. */
  private readonly changed = new Set<HTMLElement>();
  private settling = false;
  private readonly nearWindow: IntersectionObserver | undefined;
  private width = -1;
  /** The text and findings drawn last: the next render rebuilds only the lines between what changed since. */
  private text = '';
  private findings: readonly Finding[] = [];

  constructor(readonly layer: HTMLElement) {
    const view = layer.ownerDocument.defaultView;
    if (view?.IntersectionObserver) {
      // a window's height of margin either side: a chunk is back before it scrolls into view
      this.nearWindow = new view.IntersectionObserver(
        (entries) => {
          // an entry may have been computed before lines changed: it says when to look, the box now says what to do
          const chunks: HTMLElement[] = [];
          for (const e of entries) {
            const chunk = e.target as HTMLElement;
            if (chunk.isConnected && !this.changed.has(chunk)) chunks.push(chunk);
          }
          this.placeInOrOut(chunks);
        },
        { rootMargin: '100% 0px' },
      );
    }
    if (view?.ResizeObserver) {
      new view.ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        if (width === this.width) return;
        // new width, new wrapping: no parked height is right any more
        this.width = width;
        for (const chunk of this.layer.children) this.touch(chunk as HTMLElement);
      }).observe(layer);
    }
  }

  /** Whether some lines are still waiting to be drawn. */
  get drawing(): boolean {
    return this.continuation !== undefined;
  }

  /** Redraw for `text` and its findings (sorted by start, as the engine returns them). */
  render(text: string, findings: readonly Finding[]): void {
    const next = this.linesFor(text, findings);
    this.text = text;
    this.findings = findings;
    // keep the unchanged head and tail, replace the middle
    const old = this.lines;
    let head = 0;
    while (head < old.length && head < next.length && same(old[head], next[head])) head++;
    let tail = 0;
    while (
      tail < old.length - head &&
      tail < next.length - head &&
      same(old[old.length - 1 - tail], next[next.length - 1 - tail])
    )
      tail++;
    const removed = old.slice(head, old.length - tail);
    if (removed.length === old.length && old.length > 0) {
      for (const chunk of this.layer.children) this.nearWindow?.unobserve(chunk);
      this.layer.replaceChildren();
      this.changed.clear();
    } else
      for (const line of removed) {
        if (!line.el || !line.chunk) continue;
        line.el.remove();
        if (line.chunk.firstChild) this.touch(line.chunk);
        else {
          line.chunk.remove();
          this.nearWindow?.unobserve(line.chunk);
          this.changed.delete(line.chunk);
        }
      }
    this.lines = [...old.slice(0, head), ...next.slice(head, next.length - tail), ...old.slice(old.length - tail)];
    for (let i = 0; i < next.length; i++) this.lines[i].start = next[i].start;
    this.drawSome();
  }

  /**
   * The lines for `text` and `findings`: the lines the text or the findings changed in are built anew, the rest
   * are the lines drawn now (those after the change moved by its length). A keystroke then costs a line or two, not
   * the 1,300 lines of a long note, and a re-lint costs the paragraphs whose findings changed.
   */
  private linesFor(text: string, findings: readonly Finding[]): Line[] {
    const old = this.lines;
    if (old.length === 0) return buildLines(text, findings, 0, text.length);
    const dirty = changedRange(this.text, text, this.findings, findings);
    if (!dirty) return old;
    const from = dirty.from === 0 ? 0 : text.lastIndexOf('\n', dirty.from - 1) + 1;
    const nl = text.indexOf('\n', dirty.to);
    // the change reaches the last line: build to the end (the empty line after a final '\n' included)
    if (nl < 0 || nl + 1 >= text.length) {
      const head = old.filter((l) => l.start < from);
      return [...head, ...buildLines(text, findings, from, text.length)];
    }
    const to = nl + 1;
    const oldTo = to - dirty.delta;
    const next: Line[] = [];
    for (const line of old) if (line.start < from) next.push(line);
    next.push(...buildLines(text, findings, from, to));
    for (const line of old) if (line.start >= oldTo) next.push({ ...line, start: line.start + dirty.delta });
    return next;
  }

  /** Draw undrawn lines from the top, up to a task's worth; schedule the rest. */
  private drawSome(): void {
    clearTimeout(this.continuation);
    this.continuation = undefined;
    const doc = this.layer.ownerDocument;
    let budget = CHARS_PER_TASK;
    for (let i = 0; i < this.lines.length; i++) {
      if (this.lines[i].el) continue;
      if (budget <= 0) {
        this.continuation = setTimeout(() => this.drawSome(), 0);
        break;
      }
      // a run of undrawn lines goes in as one fragment, after the drawn line before it (or before the one after)
      const frag = doc.createDocumentFragment();
      const run: Line[] = [];
      let j = i;
      for (; j < this.lines.length && !this.lines[j].el && budget > 0; j++) {
        const line = this.lines[j];
        const el = doc.createElement('div');
        el.className = 'cl-line';
        drawLine(el, line.text, line.segments);
        line.el = el;
        this.owner.set(el, line);
        frag.append(el);
        run.push(line);
        budget -= line.text.length + 1;
      }
      const before = i > 0 ? this.lines[i - 1] : undefined;
      let after: Line | undefined;
      for (let k = j; k < this.lines.length && !after; k++) if (this.lines[k].el) after = this.lines[k];
      let chunk: HTMLElement;
      if (before?.el && before.chunk) {
        chunk = before.chunk;
        before.el.after(frag);
      } else if (after?.el && after.chunk) {
        chunk = after.chunk;
        after.el.before(frag);
      } else {
        chunk = doc.createElement('div');
        chunk.className = 'cl-chunk';
        chunk.append(frag);
        this.layer.append(chunk);
        this.nearWindow?.observe(chunk);
      }
      for (const line of run) line.chunk = chunk;
      this.touch(chunk);
      this.split(chunk);
      i = j - 1;
    }
  }

  /** Keep chunks near LINES_PER_CHUNK lines: an overfull one is cut into pieces, later pieces after it. */
  private split(chunk: HTMLElement): void {
    if (chunk.childElementCount <= 2 * LINES_PER_CHUNK) return;
    const doc = this.layer.ownerDocument;
    const rest = [...chunk.children].slice(LINES_PER_CHUNK);
    let at: HTMLElement = chunk;
    for (let k = 0; k < rest.length; k += LINES_PER_CHUNK) {
      const piece = doc.createElement('div');
      piece.className = 'cl-chunk';
      const group = rest.slice(k, k + LINES_PER_CHUNK);
      piece.append(...group);
      for (const el of group) this.owner.get(el)!.chunk = piece;
      at.after(piece);
      this.nearWindow?.observe(piece);
      this.touch(piece);
      at = piece;
    }
  }

  /**
   * A chunk whose lines changed: back in the layout now, and parked again after the next frame if away. One already
   * in the layout (near the window, or new) keeps its real height: the window observer parks it when it is away, so
   * a keystroke does not ask for a second frame to look at it again.
   */
  private touch(chunk: HTMLElement): void {
    if (!unpark(chunk)) return;
    this.changed.add(chunk);
    const view = this.layer.ownerDocument.defaultView;
    if (this.settling || !view || !this.nearWindow) return;
    this.settling = true;
    // after the frame has laid the changed chunks out, their boxes are their real ones
    view.requestAnimationFrame(() =>
      setTimeout(() => {
        this.settling = false;
        this.placeInOrOut([...this.changed].filter((chunk) => chunk.isConnected));
        this.changed.clear();
      }, 0),
    );
  }

  /**
   * Park the chunks away from the window (at the heights they have now), bring back those near it. Every box is
   * read before any chunk changes: reading one after parking another would lay the page out again each time.
   */
  private placeInOrOut(chunks: readonly HTMLElement[]): void {
    const view = this.layer.ownerDocument.defaultView;
    if (!view || chunks.length === 0) return;
    const boxes = chunks.map((chunk) => chunk.getBoundingClientRect());
    const height = view.innerHeight;
    chunks.forEach((chunk, i) => {
      const box = boxes[i];
      // a window's height of margin either side
      if (box.bottom < -height || box.top > 2 * height) park(chunk, box.height);
      else unpark(chunk);
    });
  }

  /** The text offset a <mark> starts at, or -1 for anything else. */
  offsetOf(mark: Element): number {
    const line = mark.parentElement && this.owner.get(mark.parentElement);
    return line ? line.start + Number((mark as HTMLElement).dataset.at) : -1;
  }

  /** The line block holding `offset`, laid out (its chunk is brought back if parked) so its boxes can be read. */
  lineAt(offset: number): HTMLElement | undefined {
    let lo = 0,
      hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    if (line?.chunk) unpark(line.chunk);
    return line?.el ?? undefined;
  }

  /**
   * The line block under a viewport y coordinate, if any: a binary search on the chunks' boxes, then on the lines
   * of the chunk found (near the window, so never parked).
   */
  lineAtY(y: number): HTMLElement | undefined {
    const chunk = boxAtY(this.layer.children, y);
    return chunk ? boxAtY(chunk.children, y) : undefined;
  }
}

/** Out of the layout: the chunk keeps its height, its lines leave (CSS: .cl-chunk--parked > * { display: none }). */
function park(chunk: HTMLElement, height: number): void {
  if (chunk.classList.contains('cl-chunk--parked')) return;
  chunk.style.height = `${height}px`;
  chunk.classList.add('cl-chunk--parked');
}

/** Back in the layout; false if it was not parked. */
function unpark(chunk: HTMLElement): boolean {
  if (!chunk.classList.contains('cl-chunk--parked')) return false;
  chunk.classList.remove('cl-chunk--parked');
  chunk.style.height = '';
  return true;
}

function boxAtY(elements: HTMLCollection, y: number): HTMLElement | undefined {
  let lo = 0,
    hi = elements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const box = elements[mid].getBoundingClientRect();
    if (y < box.top) hi = mid - 1;
    else if (y > box.bottom) lo = mid + 1;
    else return elements[mid] as HTMLElement;
  }
  return undefined;
}

function same(a: Line, b: Line): boolean {
  return a === b || (a.sig === b.sig && a.text === b.text);
}

/** The lines from `from` (a line start) up to `to` (a line start, or the text's end: then the last line too). */
function buildLines(text: string, findings: readonly Finding[], from: number, to: number): Line[] {
  const lines: Line[] = [];
  // only the findings that reach into the stretch (sorted by start, as given)
  const reaching = from === 0 && to >= text.length ? findings : findings.filter((f) => f.end > from && f.start < to);
  let fi = 0;
  // findings still open from an earlier line (a phrase can run over a line break)
  let carried: Finding[] = [];
  for (let start = from; to >= text.length || start < to; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    const here = carried.length > 0 ? carried.filter((f) => f.end > start) : [];
    while (fi < reaching.length && reaching[fi].start < end) {
      const f = reaching[fi++];
      if (f.end > f.start && f.end > start) here.push(f);
    }
    carried = here.length > 0 ? here.filter((f) => f.end > end) : here;
    const segments = segmentsOf(here, start, end);
    let sig = '';
    for (const s of segments) sig += `${s.from},${s.to},${s.category};`;
    lines.push({ start, text: text.slice(start, end), segments, sig, el: null, chunk: null });
    if (nl < 0) break;
    start = end;
  }
  return lines;
}

/** Where `after` differs from `before`: the characters or the findings, in `after`'s offsets, or null if nowhere. */
function changedRange(
  before: string,
  after: string,
  oldFindings: readonly Finding[],
  newFindings: readonly Finding[],
): { from: number; to: number; delta: number } | null {
  const delta = after.length - before.length;
  // the text: common prefix and suffix
  const prefix = commonPrefix(before, after);
  const suffix = prefix === Math.min(before.length, after.length) ? 0 : commonSuffix(before, after, prefix);
  const textChanged = before !== after;
  const oldEnd = before.length - suffix;
  const newEnd = after.length - suffix;
  const toNew = (at: number) => (at <= prefix ? at : at >= oldEnd ? at + delta : Math.min(at, newEnd));
  // the findings: the same ones before the change, the same ones moved by its length after it
  let head = 0;
  const most = Math.min(oldFindings.length, newFindings.length);
  while (head < most && sameMark(oldFindings[head], newFindings[head], 0) && newFindings[head].end <= prefix) head++;
  let tail = 0;
  while (
    tail < most - head &&
    (!textChanged || oldFindings[oldFindings.length - 1 - tail].start >= oldEnd) &&
    sameMark(oldFindings[oldFindings.length - 1 - tail], newFindings[newFindings.length - 1 - tail], delta)
  )
    tail++;
  let from = textChanged ? prefix : Number.POSITIVE_INFINITY;
  let to = textChanged ? newEnd : Number.NEGATIVE_INFINITY;
  for (let i = head; i < newFindings.length - tail; i++) {
    from = Math.min(from, newFindings[i].start);
    to = Math.max(to, newFindings[i].end);
  }
  for (let i = head; i < oldFindings.length - tail; i++) {
    from = Math.min(from, toNew(oldFindings[i].start));
    to = Math.max(to, toNew(oldFindings[i].end));
  }
  if (from > to) return null;
  return { from: Math.max(0, Math.min(from, after.length)), to: Math.max(0, Math.min(to, after.length)), delta };
}

/** Whether two findings draw the same underline, `delta` characters apart. */
function sameMark(a: Finding, b: Finding, delta: number): boolean {
  return a.start + delta === b.start && a.end + delta === b.end && a.category === b.category;
}

/** Strings compare whole far faster than character by character: narrow down in blocks, then finish by character. */
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + BLOCK <= max && a.slice(at, at + BLOCK) === b.slice(at, at + BLOCK)) at += BLOCK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of the common suffix, never reaching into the first `prefix` characters of either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (
    n + BLOCK <= max &&
    a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)
  )
    n += BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Cut a line's findings into non-overlapping segments, each styled by the first (earliest) finding covering it. */
function segmentsOf(findings: readonly Finding[], start: number, end: number): Segment[] {
  if (findings.length === 0) return [];
  const cuts = new Set<number>();
  for (const f of findings) {
    cuts.add(Math.max(f.start, start));
    cuts.add(Math.min(f.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const first = findings.find((f) => f.start <= a && f.end >= b);
    if (first) out.push({ from: a - start, to: b - start, category: first.category });
  }
  return out;
}

function drawLine(el: HTMLElement, text: string, segments: readonly Segment[]): void {
  const doc = el.ownerDocument;
  let at = 0;
  for (const s of segments) {
    if (s.from > at) el.append(doc.createTextNode(text.slice(at, s.from)));
    const mark = doc.createElement('mark');
    mark.className = 'cl-mark';
    mark.dataset.category = s.category;
    mark.dataset.at = String(s.from);
    mark.textContent = text.slice(s.from, s.to);
    el.append(mark);
    at = s.to;
  }
  if (at < text.length) el.append(doc.createTextNode(text.slice(at)));
  // An empty last line still takes a line's height (the textarea shows one after a trailing newline).
  if (text.length === 0) el.append(doc.createTextNode('\u200b'));
}
