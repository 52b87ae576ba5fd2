import * as vscode from 'vscode';
import type { Finding } from '../../shared-rules/src/index';
import { hoverMarkdown as hoverText } from '../../editor-common/hover-text';
import type { DocumentLinter } from './document-linter';

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
  md.appendMarkdown(hoverText(f));
  return md;
}
