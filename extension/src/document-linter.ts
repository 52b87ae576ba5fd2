import * as vscode from 'vscode';
import type { Finding, TextChange } from '../../shared-rules/src/index';
import { DebouncedLinter } from '../../editor-common/debounced-linter';
import { formatFor, isCheckedScheme } from '../../editor-common/format';
import { SLICE_CHARS } from '../../editor-common/sliced-build';
import type { ConfigFiles } from './config-files';
import { toDiagnostics } from './diagnostics';
import { mergeOptions, readSettings } from './settings';

/** Typing pause before findings are refreshed; well inside the 100 ms budget for findings after a keystroke. */
export const DEBOUNCE_MS = 60;

/**
 * Live checking in VS Code: the shared debounced linter (editor-common) on VS Code's documents. This adapter decides
 * which documents are checked, turns VS Code's edits into the engine's TextChanges and findings into diagnostics;
 * a document's first lint is built in slices, so the extension host (shared with other extensions) is never held
 * for long. Settings or config changes rebuild the sessions; closing a document drops its session and diagnostics.
 */
export class DocumentLinter implements vscode.Disposable {
  private readonly linter: DebouncedLinter<vscode.TextDocument>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly configs: ConfigFiles,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: (message: string) => void = () => undefined,
    debounceMs = DEBOUNCE_MS,
  ) {
    this.linter = new DebouncedLinter<vscode.TextDocument>(
      {
        options: async (doc) => {
          const config = await this.configs.forDocument(doc.uri);
          return {
            ...mergeOptions(readSettings(doc), config.options),
            format: formatFor(doc.languageId, doc.fileName),
            ruleSet: config.ruleSet,
          };
        },
        text: (doc) => doc.getText(),
        length: documentLength,
        publish: (doc, findings) =>
          this.diagnostics.set(
            doc.uri,
            toDiagnostics(findings, (offset) => doc.positionAt(offset)),
          ),
        clear: (doc) => this.diagnostics.delete(doc.uri),
        log: (message) => this.log(message),
      },
      { debounceMs, sliceChars: SLICE_CHARS, pause },
    );
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.open(doc)),
      vscode.workspace.onDidChangeTextDocument((e) =>
        this.linter.change(e.document.uri.toString(), e.contentChanges.map(toTextChange)),
      ),
      vscode.workspace.onDidCloseTextDocument((doc) => this.close(doc)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('carelint') && this.refreshAll()),
      configs.onDidChange(() => this.refreshAll()),
    );
    for (const doc of vscode.workspace.textDocuments) this.open(doc);
  }

  /** Whether this document is checked as you type. */
  wants(doc: vscode.TextDocument): boolean {
    if (!isCheckedScheme(doc.uri.scheme)) return false;
    const settings = readSettings(doc);
    return settings.enable && settings.languages.includes(doc.languageId);
  }

  isTracked(uri: vscode.Uri): boolean {
    return this.linter.isTracked(uri.toString());
  }

  open(doc: vscode.TextDocument): void {
    if (this.isTracked(doc.uri) || !this.wants(doc)) return;
    void this.linter.open(doc.uri.toString(), doc);
  }

  close(doc: vscode.TextDocument): void {
    this.linter.close(doc.uri.toString());
  }

  /** Re-read settings and config for every open document (checking new ones, dropping ones no longer wanted). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!this.wants(doc)) this.close(doc);
      else if (this.isTracked(doc.uri)) void this.linter.refresh(doc.uri.toString());
      else this.open(doc);
    }
  }

  /**
   * The findings for the document as it is now, or undefined while its first lint is still running. Pending edits
   * are applied first, so code actions and hovers right after typing see the current text.
   */
  current(doc: vscode.TextDocument): readonly Finding[] | undefined {
    return this.linter.current(doc.uri.toString());
  }

  /** The findings once any rebuild in flight (a settings or config change, or the first lint) has finished. */
  settled(doc: vscode.TextDocument): Promise<readonly Finding[] | undefined> {
    return this.linter.settled(doc.uri.toString());
  }

  dispose(): void {
    this.linter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function toTextChange(c: vscode.TextDocumentContentChangeEvent): TextChange {
  return { start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text };
}

function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
