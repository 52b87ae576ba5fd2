/**
 * An open document's text, kept as lines (each with its own line break: '\n', '\r\n' or '\r', as LSP counts them)
 * and edited in place, so a keystroke in a 1 MB document costs a few short strings, not a new 1 MB one. Line starts
 * are recomputed lazily, from the first edited line on, only when a position is converted.
 */
export class LineText {
  private lines: string[];
  /** starts[i] is the offset of lines[i], for i < known. */
  private readonly starts: number[] = [0];
  private known = 1;
  private total: number;
  private joined: string | undefined;

  constructor(text: string) {
    this.lines = splitLines(text);
    this.total = text.length;
    this.joined = text;
  }

  get length(): number {
    return this.total;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The whole text (joined once per edit, only when asked for). */
  getText(): string {
    this.joined ??= this.lines.join('');
    return this.joined;
  }

  /** The line's text with its line break (a line past the end is empty). */
  lineWithBreak(line: number): string {
    return this.lines[line] ?? '';
  }

  /** The line's length without its line break. */
  lineLength(line: number): number {
    const s = this.lines[line] ?? '';
    return s.length - breakLength(s);
  }

  /** The offset where a line starts (0 before the first, the text's length past the last). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lines.length) return this.total;
    this.learnUpTo(line);
    return this.starts[line];
  }

  /** The line holding an offset (clamped to the text). */
  lineAt(offset: number): number {
    const at = Math.max(0, Math.min(offset, this.total));
    while (this.known < this.lines.length && this.starts[this.known - 1] + this.lines[this.known - 1].length <= at)
      this.learnUpTo(this.known);
    let lo = 0;
    let hi = this.known - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Replace [start, end) (UTF-16 offsets, clamped) with `text`. */
  replace(start: number, end: number, text: string): void {
    const from = Math.max(0, Math.min(start, this.total));
    const to = Math.max(from, Math.min(end, this.total));
    const first = this.lineAt(from);
    const last = this.lineAt(to);
    // One unchanged line either side is re-split too: a '\r' and a '\n' the edit brings together (or apart) may
    // join (or split) a line break at the region's edge.
    const a = Math.max(0, first - 1);
    const b = Math.min(this.lines.length - 1, last + 1);
    const base = this.starts[a];
    let region = '';
    for (let i = a; i <= b; i++) region += this.lines[i];
    region = region.slice(0, from - base) + text + region.slice(to - base);
    const replacement = splitLines(region);
    // Inside the text, the region ends with a line break: the empty line after it is the next line's start, kept.
    if (b < this.lines.length - 1) replacement.pop();
    if (replacement.length < 10_000 && b - a < 10_000) this.lines.splice(a, b - a + 1, ...replacement);
    else this.lines = this.lines.slice(0, a).concat(replacement, this.lines.slice(b + 1));
    this.known = Math.min(this.known, a + 1);
    this.starts.length = Math.min(this.starts.length, this.lines.length);
    this.total += text.length - (to - from);
    this.joined = undefined;
  }

  private learnUpTo(line: number): void {
    for (; this.known <= line && this.known < this.lines.length; this.known++)
      this.starts[this.known] = this.starts[this.known - 1] + this.lines[this.known - 1].length;
  }
}

const BREAK = /\r\n|\r|\n/g;

/** The lines of a text, each with its line break; the last (possibly empty) has none. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) {
    out.push(text.slice(from, m.index + m[0].length));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out;
}

function breakLength(line: string): number {
  if (line.endsWith('\r\n')) return 2;
  return line.endsWith('\n') || line.endsWith('\r') ? 1 : 0;
}
