import * as vscode from 'vscode';
import type { RuleSet } from '../../shared-rules/src/index';
import { explanationText } from '../../editor-common/explanation';
export { explanationText } from '../../editor-common/explanation';
import { EXPLAIN_SCHEME, explainUri } from './diagnostics';

export const EXPLAIN_COMMAND = 'carelint.explainRule';

/** Rule explanations as read-only plain-text documents (`carelint-rule:/<id>`): what a diagnostic's code opens. */
export class RuleExplanations implements vscode.TextDocumentContentProvider {
  constructor(private readonly ruleSets: () => Promise<RuleSet[]>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = decodeURIComponent(uri.path.replace(/^\//, ''));
    for (const rs of await this.ruleSets()) {
      const rule = rs.byId(id);
      if (rule) return explanationText(rule, rs.compiledById(id)?.sources ?? []);
    }
    return `CareLint has no rule '${id}'.\n`;
  }

  /** The command behind "CareLint: Explain rule": the given rule, or one picked from the list. */
  async explain(ruleId?: unknown): Promise<void> {
    let id = typeof ruleId === 'string' ? ruleId : undefined;
    if (!id) {
      const rules = (await this.ruleSets()).flatMap((rs) => rs.rules);
      const unique = [...new Map(rules.map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      const pick = await vscode.window.showQuickPick(
        unique.map((r) => ({ label: r.id, description: r.category, detail: r.message })),
        { title: 'CareLint: explain rule', matchOnDetail: true },
      );
      id = pick?.label;
    }
    if (!id) return;
    const doc = await vscode.workspace.openTextDocument(explainUri(id));
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}

export function registerExplanations(ruleSets: () => Promise<RuleSet[]>): vscode.Disposable {
  const provider = new RuleExplanations(ruleSets);
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, provider),
    vscode.commands.registerCommand(EXPLAIN_COMMAND, (id?: unknown) => provider.explain(id)),
  );
}
