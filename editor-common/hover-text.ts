import type { Finding, SourceRef } from '../shared-rules/src/index';
import { guidanceOf, suggestionKinds } from './engine-next';
import { markdownText } from './markdown-text';

/**
 * Why a finding matters, as Markdown in which every piece of document or rule text is escaped (renders as
 * written, links nowhere). Rewrites and prompts are listed as options; guidance is advice, never an insertable text.
 */
export function hoverMarkdown(f: Finding): string {
  const kinds = suggestionKinds(f);
  const rewrites = f.suggestions.filter((_, i) => kinds[i] === 'rewrite');
  const prompts = f.suggestions.filter((_, i) => kinds[i] === 'prompt');
  const lines = [
    `**CareLint: ${markdownText(f.message)}** \\(${markdownText(f.ruleId)}, ${markdownText(f.category)}\\)`,
    markdownText(f.rationale),
  ];
  if (rewrites.length > 0 || prompts.length > 0) lines.push(`Instead: ${[...rewrites, ...prompts].map((s) => `"${markdownText(s)}"`).join(', ')}`);
  const guidance = guidanceOf(f);
  if (guidance.length > 0) lines.push(['In practice:', ...guidance.map((g) => `- ${markdownText(g)}`)].join('\n'));
  if (f.sources.length > 0) lines.push(['Sources:', ...f.sources.map((s) => `- ${markdownText(sourceLine(s))}`)].join('\n'));
  return lines.join('\n\n');
}

/** The same content as plain text, for clients that do not render Markdown. */
export function hoverPlainText(f: Finding): string {
  const lines = [`CareLint: ${f.message} (${f.ruleId}, ${f.category})`, f.rationale];
  if (f.suggestions.length > 0) lines.push(`Instead: ${f.suggestions.map((s) => `"${s}"`).join(', ')}`);
  const guidance = guidanceOf(f);
  if (guidance.length > 0) lines.push(['In practice:', ...guidance.map((g) => `- ${g}`)].join('\n'));
  if (f.sources.length > 0) lines.push(['Sources:', ...f.sources.map((s) => `- ${sourceLine(s)}`)].join('\n'));
  return lines.join('\n\n');
}

/** Title and address as text: nothing in a hover is a link, so nothing is fetched or opened from it. */
function sourceLine(s: SourceRef): string {
  return s.url && s.url !== s.title ? `${s.title} (${s.url})` : s.title;
}
