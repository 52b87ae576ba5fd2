/**
 * A frame and a phrase rule finding the same practice (police in planned care, withholding care, a threat) are one
 * issue. The phrase rule names it more precisely (its message and guidance were written for that wording) and the
 * frame knows where the instruction or threat begins and ends, so the phrase rule's finding takes the frame's span
 * and the frame's own finding is dropped. Only practice categories: their findings carry no word rewrites, so a
 * wider span never widens a replacement.
 */
import type { CompiledRule } from '../matching/compile';
import { PRACTICE_CATEGORIES, type Category, type Severity } from '../types';

/** The fields of a chunk hit this reads and widens (matching/lint.ts Hit). */
interface Hit {
  rule: number;
  category: Category;
  start: number;
  end: number;
  severity: Severity;
}

const RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2 };

export function mergeFrameHits<H extends Hit>(hits: H[], rules: readonly CompiledRule[]): H[] {
  const frames = hits.filter((h) => rules[h.rule].frame && PRACTICE_CATEGORIES.includes(h.category));
  if (frames.length === 0 || frames.length === hits.length) return hits;
  const dropped = new Set<H>();
  for (const f of frames) {
    for (const p of hits) {
      if (p === f || rules[p.rule].frame || p.category !== f.category || !(p.start < f.end && f.start < p.end))
        continue;
      p.start = Math.min(p.start, f.start);
      p.end = Math.max(p.end, f.end);
      if (RANK[f.severity] > RANK[p.severity]) p.severity = f.severity;
      dropped.add(f);
      break;
    }
  }
  return dropped.size ? hits.filter((h) => !dropped.has(h)) : hits;
}
