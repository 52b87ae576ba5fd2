/**
 * A frame pattern run over a clause's token-class table: the set of token positions reached after each element,
 * for each start. The work is bounded by (clause tokens × pattern size × gap width), and clauses are bounded, so it
 * is linear in the text.
 */
import type { ClassSpan } from './classes';

export type CompiledElement =
  | { kind: 'slot'; classes: ReadonlySet<number>; optional: boolean }
  | { kind: 'gap'; max: number };

/** First and last token of a match, inclusive. */
export type TokenRange = [number, number];

function startsWith(spans: readonly ClassSpan[], classes: ReadonlySet<number>): boolean {
  for (let i = 0; i < spans.length; i++) if (classes.has(spans[i].cls)) return true;
  return false;
}

/** Every (start, furthest end) a sequence matches in the table, one per start token. */
export function runSequence(
  seq: readonly CompiledElement[],
  table: readonly ClassSpan[][],
  lo = 0,
  hi = table.length,
): TokenRange[] {
  const out: TokenRange[] = [];
  const n = hi;
  // positions reached so far, as short lists; `seen` stamps each list's members so a position is added once
  const seen = new Int32Array(n + 1);
  let stamp = 0;
  let reached: number[] = [];
  let next: number[] = [];
  const head = seq[0];
  for (let s = lo; s < n; s++) {
    if (head.kind === 'slot' && !head.optional && !startsWith(table[s], head.classes)) continue;
    reached.length = 0;
    reached.push(s);
    for (const el of seq) {
      next.length = 0;
      stamp++;
      for (const p of reached) {
        if (el.kind === 'gap') {
          const top = Math.min(n, p + el.max);
          for (let q = p; q <= top; q++)
            if (seen[q] !== stamp) {
              seen[q] = stamp;
              next.push(q);
            }
        } else {
          if (el.optional && seen[p] !== stamp) {
            seen[p] = stamp;
            next.push(p);
          }
          if (p < n) {
            const spans = table[p];
            for (let i = 0; i < spans.length; i++) {
              const q = spans[i].last + 1;
              if (q <= n && el.classes.has(spans[i].cls) && seen[q] !== stamp) {
                seen[q] = stamp;
                next.push(q);
              }
            }
          }
        }
      }
      const t = reached;
      reached = next;
      next = t;
      if (reached.length === 0) break;
    }
    // the furthest end; a match must cover at least one token
    let end = -1;
    for (const p of reached) if (p > s && p > end) end = p;
    if (end > s) out.push([s, end - 1]);
  }
  return out;
}
