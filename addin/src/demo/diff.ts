import type { Finding, TextChange } from '../../../shared-rules/src/index';

/** Characters either side of the selection an edit may still reach (a word or line deleted at once). */
const HINT_MARGIN = 256;

/**
 * The single edit that turns `before` into `after` (common prefix and suffix kept), or null if equal.
 * `near`, the selection in `before` when the edit began, lets a long text skip most of the character-by-character
 * comparison: the parts well before and after it are checked as whole strings (one fast comparison each) and
 * the scan starts from there. A wrong hint only costs the full scan.
 */
export function textChange(before: string, after: string, near?: { start: number; end: number }): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  let endBefore = before.length;
  let endAfter = after.length;
  if (near) {
    const head = Math.min(max, Math.max(0, near.start - HINT_MARGIN));
    if (head > 0 && before.slice(0, head) === after.slice(0, head)) start = head;
    const tail = Math.min(max - start, Math.max(0, before.length - near.end - HINT_MARGIN));
    if (tail > 0 && before.slice(before.length - tail) === after.slice(after.length - tail)) {
      endBefore -= tail;
      endAfter -= tail;
    }
  }
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start > endBefore || start > endAfter) {
    // the prefix ran into the skipped suffix (a repeated character): settle it without the hint
    endBefore = before.length;
    endAfter = after.length;
  }
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

/**
 * Move findings across an edit so underlines stay on their words while the re-lint waits for a pause in typing.
 * A finding the edit touches is dropped; the re-lint decides whether it still stands.
 */
export function shiftFindings(findings: readonly Finding[], change: TextChange): Finding[] {
  const delta = change.text.length - (change.end - change.start);
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.end < change.start) out.push(f);
    else if (f.start > change.end) out.push({ ...f, start: f.start + delta, end: f.end + delta });
  }
  return out;
}
