import { autoRewrite, planFixes, type Finding, type FixEdit, type TextFormat } from '../shared-rules/src/index';

/** The code-action kind of "fix all CareLint rewrites in this file" (editor.codeActionsOnSave, LSP source actions). */
export const FIX_ALL_KIND = 'source.fixAll.carelint';
export const FIX_ALL_TITLE = 'Fix all CareLint rewrites in this file';

/** One choice a person can make for a finding. Guidance is never one: it is advice, shown in the hover. */
export interface QuickFix {
  title: string;
  newText: string;
  kind: Finding['suggestionKinds'][number];
  /** The one-click default: only ever a rewrite, never a prompt. */
  preferred: boolean;
}

export function quickFixes(f: Finding): QuickFix[] {
  const auto = autoRewrite(f);
  return f.suggestions.map((s, i) => {
    const kind = f.suggestionKinds[i];
    const preferred = kind === 'rewrite' && s === auto;
    const title =
      kind === 'prompt'
        ? `Rewrite "${f.text}" as "${s}" (fill in the bracketed part)`
        : `Replace "${f.text}" with "${s}"`;
    return { title, newText: s, kind, preferred };
  });
}

/** The edits "fix all" applies: the engine's plan (rewrites only, no overlaps, none across markup), as `carelint --fix`. */
export function fixAllEdits(text: string, findings: readonly Finding[], format: TextFormat): FixEdit[] {
  return planFixes(text, findings, { format }).edits;
}

export function ignoreTitle(f: Finding): string {
  return `Ignore "${f.text}" here (${f.ruleId})`;
}

export function allowTitle(f: Finding): string {
  return `Allow "${f.text}" in this workspace…`;
}

/** A prompt cut into its plain text and its bracketed parts (the facts a person fills in), in order. */
export function promptParts(prompt: string): Array<{ text: string; fill: boolean }> {
  const parts: Array<{ text: string; fill: boolean }> = [];
  let cursor = 0;
  for (const m of prompt.matchAll(/\[[^\]]*\]/g)) {
    if (m.index! > cursor) parts.push({ text: prompt.slice(cursor, m.index), fill: false });
    parts.push({ text: m[0], fill: true });
    cursor = m.index! + m[0].length;
  }
  if (cursor < prompt.length) parts.push({ text: prompt.slice(cursor), fill: false });
  return parts;
}

/**
 * A prompt as snippet text (TextMate syntax, as LSP 3.18 snippet edits take it): each bracketed part is a
 * placeholder, selected on insertion, so the writer's next keystroke replaces it with the facts.
 */
export function promptSnippet(prompt: string): string {
  const escape = (t: string) => t.replace(/[\\$}]/g, '\\$&');
  let n = 0;
  return promptParts(prompt)
    .map((p) => (p.fill ? `\${${++n}:${escape(p.text)}}` : escape(p.text)))
    .join('');
}
