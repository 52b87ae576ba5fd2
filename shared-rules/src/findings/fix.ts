import type { Finding } from '../types';

/** Is this rewrite a slot that asks the writer for facts ("[describe what happened]")? */
export function isSlotRewrite(suggestion: string): boolean {
  return /\[[^\]]*\]/.test(suggestion);
}

/**
 * Apply one rewrite per finding (by default its first suggestion). Overlapping findings after the
 * first are skipped, and nothing outside the finding spans changes.
 */
export function applyFixes(text: string, findings: readonly Finding[], pick: (f: Finding) => string | undefined = (f) => f.suggestions[0]): string {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const f of ordered) {
    if (f.start < cursor || f.end > text.length || f.start > f.end) continue;
    const replacement = pick(f);
    if (replacement === undefined) continue;
    parts.push(text.slice(cursor, f.start), replacement);
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
