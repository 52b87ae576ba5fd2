/** Lines of a text as editors count them: '\n', '\r\n' and a lone '\r' each end a line. */

/** Offsets where lines start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return starts;
}

/** 0-based index of the line holding `offset`, given the text's lineStarts. */
export function lineIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0,
    hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Line starts of the last text seen: a file's findings are located one after another.
let cachedText: string | undefined;
let cachedStarts: number[] = [];

/** 1-based line and column (UTF-16 units) of an offset. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  if (text !== cachedText) {
    cachedStarts = lineStarts(text);
    cachedText = text;
  }
  const line = lineIndexAt(cachedStarts, offset);
  return { line: line + 1, column: offset - cachedStarts[line] + 1 };
}
