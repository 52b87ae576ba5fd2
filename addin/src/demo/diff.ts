import type { Finding, TextChange } from '../../../shared-rules/src/index';

/** The single edit that turns `before` into `after` (common prefix and suffix kept), or null if equal. */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
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
