/**
 * The engine API arriving with issues 12/13 (suggestion kinds, guidance, autoRewrite, planFixes), read through one
 * adapter until it is on this branch; then these become re-exports of the engine's own and this file goes.
 */
import { isSlotRewrite, type Finding } from '../shared-rules/src/index';

export type SuggestionKind = 'rewrite' | 'prompt';
type Next = Finding & { suggestionKinds?: SuggestionKind[]; guidance?: string[] };

export function suggestionKinds(f: Finding): SuggestionKind[] {
  return (f as Next).suggestionKinds ?? f.suggestions.map((s) => (isSlotRewrite(s) ? 'prompt' : 'rewrite'));
}

/** Advice for practice findings: shown, never inserted. */
export function guidanceOf(f: Finding): string[] {
  return (f as Next).guidance ?? [];
}

/** The only text a fix-all may insert without a person choosing it. */
export function autoRewrite(f: Finding): string | undefined {
  const i = suggestionKinds(f).indexOf('rewrite');
  return i < 0 ? undefined : f.suggestions[i];
}

export interface PlannedEdit { start: number; end: number; newText: string; finding: Finding }
export interface FixPlan { edits: PlannedEdit[]; skipped: Array<{ finding: Finding; reason: 'no-rewrite' | 'overlap' | 'crosses-markup' }> }

/** One non-overlapping plan of automatic rewrites, in text order. */
export function planFixes(_text: string, findings: readonly Finding[]): FixPlan {
  const plan: FixPlan = { edits: [], skipped: [] };
  let cursor = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const newText = autoRewrite(f);
    if (newText === undefined) plan.skipped.push({ finding: f, reason: 'no-rewrite' });
    else if (f.start < cursor) plan.skipped.push({ finding: f, reason: 'overlap' });
    else {
      plan.edits.push({ start: f.start, end: f.end, newText, finding: f });
      cursor = f.end;
    }
  }
  return plan;
}
