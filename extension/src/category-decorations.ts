import * as vscode from 'vscode';
import { CATEGORY_ORDER, type Category, type Finding } from '../../shared-rules/src/index';
import { CATEGORY_PALETTE, underlineCss, withAlpha } from '../../editor-common/category-palette';
import type { DocumentLinter } from './document-linter';

export const CATEGORY_COLORS_SETTING = 'categoryColors';

/** What VS Code draws for a category: the demo's and Word pane's underline and tint, and a mark in the scroll bar. */
export function decorationOptions(category: Category): vscode.DecorationRenderOptions {
  const look = CATEGORY_PALETTE[category];
  return {
    textDecoration: underlineCss(look),
    backgroundColor: withAlpha(look.color, look.tintAlpha),
    overviewRulerColor: look.color,
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

/**
 * Underlines each finding in its category's colour in every visible editor, besides the severity squiggle of its
 * diagnostic (VS Code colours diagnostics by severity only). Redrawn whenever the live findings of a shown document
 * are published; `carelint.categoryColors: false` removes them.
 */
export class CategoryDecorations implements vscode.Disposable {
  private readonly types = new Map<Category, vscode.TextEditorDecorationType>(
    CATEGORY_ORDER.map((c) => [c, vscode.window.createTextEditorDecorationType(decorationOptions(c))]),
  );
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly linter: DocumentLinter) {
    this.disposables = [
      vscode.window.onDidChangeVisibleTextEditors(() => this.drawAll()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const changed = new Set(e.uris.map((u) => u.toString()));
        for (const editor of vscode.window.visibleTextEditors)
          if (changed.has(editor.document.uri.toString())) this.draw(editor);
      }),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration(`carelint.${CATEGORY_COLORS_SETTING}`) && this.drawAll(),
      ),
    ];
    this.drawAll();
  }

  private drawAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.draw(editor);
  }

  private draw(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const on = vscode.workspace.getConfiguration('carelint', doc).get<boolean>(CATEGORY_COLORS_SETTING, true);
    // Findings of an older version would be drawn over the wrong words: keep what VS Code has moved with the edits
    // until the next publish.
    const findings: readonly Finding[] | undefined = this.linter.isTracked(doc.uri) ? this.linter.current(doc) : [];
    if (on && findings === undefined) return;
    for (const [category, type] of this.types) {
      const ranges =
        on && findings
          ? findings
              .filter((f) => f.category === category)
              .map((f) => new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)))
          : [];
      editor.setDecorations(type, ranges);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of this.types.values()) t.dispose();
  }
}
