// The one fix policy every host and the CLI follow: which text may go in without a person choosing it, and which
// edits a "fix all" makes. A rewrite may; a prompt asks for facts and guidance is advice, so neither ever does.
import { maskNonProse } from '../formats';
import { suggestionKind } from '../text/prompts';
import type { Finding, TextFormat } from '../types';

/** Is this suggestion a prompt that asks the writer for facts ("[describe what happened]")? */
export function isSlotRewrite(suggestion: string): boolean {
  return suggestionKind(suggestion) === 'prompt';
}

/** The rewrite a host may apply on its own (fix all, Replace all, --fix, a preferred quick fix), if the finding has one. */
export function autoRewrite(finding: Finding): string | undefined {
  return finding.suggestions.find((_, i) => finding.suggestionKinds[i] === 'rewrite');
}

export interface FixEdit {
  start: number;
  end: number;
  newText: string;
  finding: Finding;
}

/** Why a finding was left for the person: it has no rewrite, it overlaps an earlier edit, or its span crosses markup. */
export type SkipReason = 'no-rewrite' | 'overlap' | 'crosses-markup';
export interface SkippedFix {
  finding: Finding;
  reason: SkipReason;
}
export interface FixPlan {
  edits: FixEdit[];
  skipped: SkippedFix[];
}

export const SKIP_REASONS: Record<SkipReason, string> = {
  'no-rewrite': 'no rewrite: it needs the writer (a prompt or guidance)',
  overlap: 'overlaps a fix already made',
  'crosses-markup':
    'the flagged words cross markup (a tag or emphasis); edit them by hand so the markup stays balanced',
};

/**
 * The edits a "fix all" makes in `text`: one rewrite per finding, in order, none overlapping, none that would cut
 * through markup (its tags or emphasis would be left unbalanced). Everything else is listed with the reason.
 */
export function planFixes(text: string, findings: readonly Finding[], options: { format?: TextFormat } = {}): FixPlan {
  const format = options.format ?? 'plaintext';
  const masked = format === 'plaintext' ? text : maskNonProse(text, format);
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const edits: FixEdit[] = [];
  const skipped: SkippedFix[] = [];
  let cursor = 0;
  for (const finding of ordered) {
    const newText = autoRewrite(finding);
    if (newText === undefined) skipped.push({ finding, reason: 'no-rewrite' });
    else if (finding.start < cursor || finding.end > text.length || finding.start > finding.end)
      skipped.push({ finding, reason: 'overlap' });
    else if (masked !== text && masked.slice(finding.start, finding.end) !== text.slice(finding.start, finding.end))
      skipped.push({ finding, reason: 'crosses-markup' });
    else {
      edits.push({ start: finding.start, end: finding.end, newText, finding });
      cursor = finding.end;
    }
  }
  return { edits, skipped };
}

/** `text` with the plan's edits made (nothing outside their spans changes). */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    parts.push(text.slice(cursor, e.start), e.newText);
    cursor = e.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** `text` with every rewrite of the fix plan applied. */
export function applyFixes(text: string, findings: readonly Finding[], options: { format?: TextFormat } = {}): string {
  return applyEdits(text, planFixes(text, findings, options).edits);
}
