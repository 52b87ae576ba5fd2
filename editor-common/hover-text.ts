import { categoryLabel, severityLabel, sourceText, type Finding } from '../shared-rules/src/index';
import { markdownText } from './markdown-text';

/**
 * Why a finding matters, as Markdown in which every piece of document or rule text is escaped (renders as written,
 * links nowhere): the message, severity and category in the domain's words, the rationale, the rewrites, the guidance
 * (advice for practice findings, never an insertable text) and the sources as text.
 */
export function hoverMarkdown(f: Finding): string {
  const lines = [
    `**CareLint: ${markdownText(f.message)}** \\(${markdownText(severityLabel(f.severity))}; ${markdownText(categoryLabel(f.category))}; ${markdownText(f.ruleId)}\\)`,
    markdownText(f.rationale),
  ];
  const rewrites = rewritesOf(f);
  if (rewrites.length > 0) lines.push(`Instead: ${rewrites.map((s) => `"${markdownText(s)}"`).join(', ')}`);
  if (f.guidance.length > 0) lines.push(`Change the plan: ${f.guidance.map(markdownText).join(' ')}`);
  // a source is text, not a link: nothing in a hover is fetched or opened from it
  if (f.sources.length > 0)
    lines.push(
      ['Sources:', ...f.sources.map((s) => `- ${markdownText(sourceText(s).replace(/<(.*)>$/, '($1)'))}`)].join('\n'),
    );
  return lines.join('\n\n');
}

/** The same content as plain text, for clients that do not render Markdown. */
export function hoverPlainText(f: Finding): string {
  const lines = [
    `CareLint: ${f.message} (${severityLabel(f.severity)}; ${categoryLabel(f.category)}; ${f.ruleId})`,
    f.rationale,
  ];
  const rewrites = rewritesOf(f);
  if (rewrites.length > 0) lines.push(`Instead: ${rewrites.map((s) => `"${s}"`).join(', ')}`);
  if (f.guidance.length > 0) lines.push(`Change the plan: ${f.guidance.join(' ')}`);
  if (f.sources.length > 0) lines.push(['Sources:', ...f.sources.map((s) => `- ${sourceText(s)}`)].join('\n'));
  return lines.join('\n\n');
}

function rewritesOf(f: Finding): string[] {
  return f.suggestions.filter((_, i) => f.suggestionKinds[i] === 'rewrite');
}
