import * as vscode from 'vscode';
import type { Finding, LintSession, TextChange } from '../../shared-rules/src/index';
import { formatFor, isCheckedScheme } from '../../editor-common/format';
import { buildInSlices } from '../../editor-common/sliced-build';
import type { ConfigFiles } from './config-files';
import { toDiagnostics } from './diagnostics';
import { mergeOptions, readSettings } from './settings';

/** Typing pause before findings are refreshed; well inside the 100 ms budget for findings after a keystroke. */
export const DEBOUNCE_MS = 60;

interface Tracked {
  doc: vscode.TextDocument;
  /** Undefined while the first (sliced) lint runs. */
  session?: LintSession;
  /** Edits since the session last saw the text, in order (each in the coordinates left by the previous one). */
  pending: TextChange[];
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped on every rebuild, so an older, slower build gives up. */
  generation: number;
  /** The rebuild in flight, if any: code actions and hovers wait for it rather than see nothing. */
  building?: Promise<void>;
  findings: Finding[];
  /** The document version `findings` belong to. */
  version: number;
}

/**
 * One engine LintSession per checked document. Edits go to the session as the engine's TextChange (it re-lints only
 * the paragraphs they touch), debounced; settings or config changes rebuild the sessions; closing a document
 * drops its session and its diagnostics.
 */
export class DocumentLinter implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly configs: ConfigFiles,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: (message: string) => void = () => undefined,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.open(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.change(e)),
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
    return this.tracked.has(uri.toString());
  }

  open(doc: vscode.TextDocument): void {
    if (this.tracked.has(doc.uri.toString()) || !this.wants(doc)) return;
    const t: Tracked = { doc, pending: [], generation: 0, findings: [], version: -1 };
    this.tracked.set(doc.uri.toString(), t);
    void this.rebuild(t);
  }

  close(doc: vscode.TextDocument): void {
    const t = this.tracked.get(doc.uri.toString());
    if (!t) return;
    clearTimeout(t.timer);
    t.generation++;
    this.tracked.delete(doc.uri.toString());
    this.diagnostics.delete(doc.uri);
  }

  /** Re-read settings and config for every open document (checking new ones, dropping ones no longer wanted). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const t = this.tracked.get(doc.uri.toString());
      if (!this.wants(doc)) this.close(doc);
      else if (t) void this.rebuild(t);
      else this.open(doc);
    }
  }

  /**
   * The findings for the document as it is now, or undefined while its first lint is still running. Pending edits
   * are applied first, so code actions and hovers right after typing see the current text.
   */
  current(doc: vscode.TextDocument): Finding[] | undefined {
    const t = this.tracked.get(doc.uri.toString());
    if (!t) return undefined;
    if (t.session && t.version !== doc.version) this.flush(t);
    return t.version === doc.version ? t.findings : undefined;
  }

  /**
   * The findings once any rebuild in flight (a settings or config change, or the first lint) has finished. A
   * request that arrives mid-rebuild, when the old findings may no longer match the text, waits instead of
   * answering with nothing.
   */
  async settled(doc: vscode.TextDocument): Promise<Finding[] | undefined> {
    for (
      let t = this.tracked.get(doc.uri.toString());
      t && !t.session && t.building;
      t = this.tracked.get(doc.uri.toString())
    ) {
      const building = t.building;
      await building;
      if (t.building === building) break; // no newer rebuild started meanwhile
    }
    return this.current(doc);
  }

  private change(e: vscode.TextDocumentChangeEvent): void {
    const t = this.tracked.get(e.document.uri.toString());
    if (!t || e.contentChanges.length === 0) return;
    for (const c of e.contentChanges) t.pending.push(toTextChange(c));
    clearTimeout(t.timer);
    t.timer = setTimeout(() => this.flush(t), this.debounceMs);
  }

  private flush(t: Tracked): void {
    clearTimeout(t.timer);
    t.timer = undefined;
    const session = t.session;
    if (!session || !this.tracked.has(t.doc.uri.toString())) return; // the first lint applies pending edits when done
    try {
      const changes = t.pending;
      t.pending = [];
      if (changes.length > 0) session.update(changes);
      // A safety net that costs nothing when all is well: never publish findings for a text the editor no longer has.
      if (session.length !== documentLength(t.doc)) {
        this.log(
          `${t.doc.uri.toString(true)}: the session was out of step with the document; re-reading the whole text`,
        );
        session.setText(t.doc.getText());
      }
      this.publish(t, session.findings());
    } catch (e) {
      this.log(`could not check ${t.doc.uri.toString(true)}: ${(e as Error).stack ?? e}`);
    }
  }

  private rebuild(t: Tracked): Promise<void> {
    const building = this.build(t);
    t.building = building;
    void building.finally(() => {
      if (t.building === building) t.building = undefined;
    });
    return building;
  }

  private async build(t: Tracked): Promise<void> {
    const generation = ++t.generation;
    clearTimeout(t.timer);
    try {
      const doc = t.doc;
      const config = await this.configs.forDocument(doc.uri);
      if (generation !== t.generation) return;
      const options = {
        ...mergeOptions(readSettings(doc), config.options),
        format: formatFor(doc.languageId, doc.fileName),
        ruleSet: config.ruleSet,
      };
      // The text and the edit queue are taken together: later edits queue up behind this snapshot.
      const text = doc.getText();
      t.pending = [];
      t.session = undefined;
      const session = await buildInSlices(text, options, pause, () => generation !== t.generation);
      if (!session || generation !== t.generation) return;
      t.session = session;
      this.flush(t);
    } catch (e) {
      this.log(`could not check ${t.doc.uri.toString(true)}: ${(e as Error).stack ?? e}`);
    }
  }

  private publish(t: Tracked, findings: Finding[]): void {
    t.findings = findings;
    t.version = t.doc.version;
    this.diagnostics.set(
      t.doc.uri,
      toDiagnostics(findings, (offset) => t.doc.positionAt(offset)),
    );
  }

  dispose(): void {
    for (const t of this.tracked.values()) clearTimeout(t.timer);
    this.tracked.clear();
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
