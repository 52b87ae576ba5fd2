import { LintSession, type SessionOptions } from '../shared-rules/src/index';

/** About 2 ms of engine work on this project's reference machine (1 MB lints in about 30 ms). */
export const SLICE_CHARS = 64 * 1024;

/**
 * A session for `text`, built slice by slice with a pause between slices, so the first lint of a very large
 * document never holds the extension host for long. Each slice is appended with the session's own incremental
 * update, so the result is exactly lint(text). Returns undefined when `cancelled()` turns true on the way.
 */
export async function buildInSlices(
  text: string,
  options: SessionOptions,
  pause: () => Promise<void>,
  cancelled: () => boolean,
  sliceChars = SLICE_CHARS,
): Promise<LintSession | undefined> {
  let end = cutAt(text, 0, sliceChars);
  const session = new LintSession(text.slice(0, end), options);
  while (end < text.length) {
    await pause();
    if (cancelled()) return undefined;
    const next = cutAt(text, end, sliceChars);
    session.update({ start: end, end, text: text.slice(end, next) });
    end = next;
  }
  return session;
}

/** The end of the slice starting at `from`: a paragraph (or at least a line) break in its last quarter, so most
 *  slices hold whole paragraphs. Always past `from`. */
function cutAt(text: string, from: number, size: number): number {
  const at = from + size;
  if (at >= text.length) return text.length;
  const floor = at - (size >> 2);
  const paragraph = text.lastIndexOf('\n\n', at);
  if (paragraph >= floor) return paragraph + 2;
  const line = text.lastIndexOf('\n', at);
  return line >= floor ? line + 1 : at;
}
