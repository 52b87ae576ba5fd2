import * as vscode from 'vscode';
import { categoryLabel, severityLabel, sourceText, type Finding } from '../../shared-rules/src/index';
import type { DocumentLinter } from './document-linter';
import { markdownText } from './markdown-text';

/** Why a finding matters and the guidance behind it, as untrusted Markdown with every piece of text escaped. */
export class CareLintHover implements vscode.HoverProvider {
  constructor(private readonly linter: DocumentLinter) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const offset = doc.offsetAt(position);
    const here = ((await this.linter.settled(doc)) ?? []).filter((f) => f.start <= offset && offset <= f.end);
    if (here.length === 0) return undefined;
    const range = new vscode.Range(doc.positionAt(here[0].start), doc.positionAt(here[0].end));
    return new vscode.Hover(here.map(hoverMarkdown), range);
  }
}

export function hoverMarkdown(f: Finding): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  const lines = [
    `**CareLint: ${markdownText(f.message)}** \\(${markdownText(severityLabel(f.severity))}; ${markdownText(categoryLabel(f.category))}; ${markdownText(f.ruleId)}\\)`,
    markdownText(f.rationale),
  ];
  const rewrites = f.suggestions.filter((_, i) => f.suggestionKinds[i] === 'rewrite');
  if (rewrites.length > 0) lines.push(`Instead: ${rewrites.map((s) => `"${markdownText(s)}"`).join(', ')}`);
  if (f.guidance.length > 0) lines.push(`Change the plan: ${f.guidance.map(markdownText).join(' ')}`);
  // a source is text, not a link: nothing in a hover is fetched or opened from it
  if (f.sources.length > 0) lines.push(['Sources:', ...f.sources.map((s) => `- ${markdownText(sourceText(s).replace(/<(.*)>$/, '($1)'))}`)].join('\n'));
  md.appendMarkdown(lines.join('\n\n'));
  return md;
}
