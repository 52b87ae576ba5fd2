import * as vscode from 'vscode';
import type { DocumentLinter } from './document-linter';

/** The count of findings in the active file; a click opens the Problems view. */
export class FindingCount implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('carelint.count', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly linter: DocumentLinter,
  ) {
    this.item.name = 'CareLint';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((u) => u.toString() === active)) this.update();
      }),
    ];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !this.linter.isTracked(doc.uri)) {
      this.item.hide();
      return;
    }
    const found = this.diagnostics.get(doc.uri) ?? [];
    const n = found.length;
    // The icon follows the most severe finding (Error = 0 is the most severe).
    const worst = Math.min(...found.map((d) => d.severity));
    const icon =
      n === 0
        ? 'check'
        : worst === vscode.DiagnosticSeverity.Error
          ? 'error'
          : worst === vscode.DiagnosticSeverity.Warning
            ? 'warning'
            : 'info';
    this.item.text = n === 0 ? '$(check) CareLint' : `$(${icon}) CareLint: ${n}`;
    this.item.tooltip = `${n === 0 ? 'No' : n} CareLint finding${n === 1 ? '' : 's'} in this file. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: `CareLint: ${n} finding${n === 1 ? '' : 's'} in this file` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
