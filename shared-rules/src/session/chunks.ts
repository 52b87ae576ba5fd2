/**
 * Chunks are paragraphs: a chunk starts at a non-blank line that follows a blank line. Phrases,
 * sentences and quotes never cross a blank line, so chunks can be linted (and re-linted) independently.
 * Whether a position starts a chunk depends only on its line and the line before it, which is what
 * lets the incremental session re-split just the region around an edit.
 */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11 && c !== 0xa0) return false;
  }
  return true;
}

/** Start offsets of the chunks in [lo, hi); the first is always lo. */
export function chunkStarts(text: string, lo = 0, hi = text.length): number[] {
  return [...eachChunkStart(text, lo, hi)];
}

/** The same starts one at a time, so a long document is never held as an array of chunks. */
export function* eachChunkStart(text: string, lo = 0, hi = text.length): Generator<number> {
  yield lo;
  let lineStart = lo;
  let prevBlank = false;
  while (lineStart < hi) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0 || nl >= hi) nl = hi;
    const blank = isBlank(text, lineStart, nl);
    if (!blank && prevBlank && lineStart > lo) yield lineStart;
    prevBlank = blank;
    lineStart = nl + 1;
  }
}
