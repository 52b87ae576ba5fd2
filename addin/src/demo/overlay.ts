import type { Finding } from '../../../shared-rules/src/index';

/** Characters of new lines drawn in one task; a large paste draws the rest in the tasks after, top down. */
const CHARS_PER_TASK = 16_384;

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
 * (with transparent glyphs), so it wraps the same. New lines are drawn top down, about 16 KB a task, so a pasted
 * note is underlined from the top at once and the rest follows without one long task.
 */
export class MarkLayer {
  private lines: Line[] = [];
  private readonly owner = new WeakMap<Element, Line>();
  private continuation: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly layer: HTMLElement) {}

  /** Whether some lines are still waiting to be drawn. */
  get drawing(): boolean {
    return this.continuation !== undefined;
  }

  /** Redraw for `text` and its findings (sorted by start, as the engine returns them). */
  render(text: string, findings: readonly Finding[]): void {
    const next: Line[] = [];
    let fi = 0;
    // findings still open from an earlier line (a phrase can run over a line break)
    let carried: Finding[] = [];
    for (let start = 0; start <= text.length; ) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl + 1;
      const lineText = text.slice(start, end);
      const here = carried.filter((f) => f.end > start);
      while (fi < findings.length && findings[fi].start < end) {
        const f = findings[fi++];
        if (f.end > f.start && f.end > start) here.push(f);
      }
      carried = here.filter((f) => f.end > end);
      const segments = segmentsOf(here, start, end);
      let sig = '';
      for (const s of segments) sig += `${s.from},${s.to},${s.category};`;
      next.push({ start, text: lineText, segments, sig, el: null });
      if (nl < 0) break;
      start = end;
    }

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
    if (removed.length === old.length && old.length > 0) this.layer.replaceChildren();
    else for (const line of removed) line.el?.remove();
    this.lines = [...old.slice(0, head), ...next.slice(head, next.length - tail), ...old.slice(old.length - tail)];
    for (let i = 0; i < next.length; i++) this.lines[i].start = next[i].start;
    this.drawSome();
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
        return;
      }
      // a run of undrawn lines goes in as one fragment, before the next drawn line
      const frag = doc.createDocumentFragment();
      let j = i;
      for (; j < this.lines.length && !this.lines[j].el && budget > 0; j++) {
        const line = this.lines[j];
        const el = doc.createElement('div');
        el.className = 'cl-line';
        drawLine(el, line.text, line.segments);
        line.el = el;
        this.owner.set(el, line);
        frag.append(el);
        budget -= line.text.length + 1;
      }
      let after: HTMLElement | null = null;
      for (let k = j; k < this.lines.length && !after; k++) after = this.lines[k].el;
      this.layer.insertBefore(frag, after);
      i = j - 1;
    }
  }

  /** The text offset a <mark> starts at, or -1 for anything else. */
  offsetOf(mark: Element): number {
    const line = mark.parentElement && this.owner.get(mark.parentElement);
    return line ? line.start + Number((mark as HTMLElement).dataset.at) : -1;
  }

  /** The line block holding `offset`. */
  lineAt(offset: number): HTMLElement | undefined {
    let lo = 0,
      hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]?.el ?? undefined;
  }

  /** The line block under a viewport y coordinate (a binary search on the blocks' boxes), if any. */
  lineAtY(y: number): HTMLElement | undefined {
    let lo = 0,
      hi = this.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const el = this.lines[mid].el;
      if (!el) return undefined;
      const box = el.getBoundingClientRect();
      if (y < box.top) hi = mid - 1;
      else if (y > box.bottom) lo = mid + 1;
      else return el;
    }
    return undefined;
  }
}

function same(a: Line, b: Line): boolean {
  return a.sig === b.sig && a.text === b.text;
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
