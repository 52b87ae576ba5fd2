import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, type ConfigProblem, type RuleSet } from '../../shared-rules/src/index';
import { ConfigLoader, noConfig, type LoadedConfig } from '../../editor-common/config-loader';
import { isConfigPath, problemDiagnostic, problemNotice } from '../../editor-common/config-lookup';

/** What a `.carelintrc.json` contributes to a document's options (nothing, when there is none). */
export type FileConfig = LoadedConfig<vscode.Uri>;

/**
 * Finds each document's `.carelintrc.json` (the nearest one upward from its folder, not above its workspace folder)
 * through the shared loader (editor-common), and shows its problems as diagnostics on the file and as one warning
 * per change of the file. Reads go through vscode.workspace.fs, so this works in VS Code for the Web.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly loader = new ConfigLoader<vscode.Uri>(
    {
      key: (uri) => uri.toString(),
      parent: (uri) => vscode.Uri.joinPath(uri, '..'),
      join: (folder, name) => vscode.Uri.joinPath(folder, name),
      isFile,
      read: async (uri) => new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)),
      displayName: (uri) => vscode.workspace.asRelativePath(uri),
    },
    (file, _text, problems, changed) => this.report(file, problems, changed),
  );
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly problems: vscode.DiagnosticCollection) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    this.disposables.push(
      watcher,
      this.changed,
      watcher.onDidCreate(() => this.invalidate()),
      watcher.onDidDelete(() => this.invalidate()),
      watcher.onDidChange((uri) => this.invalidate(uri)),
      // File watching is not available on every file system of VS Code for the Web; a save always is.
      vscode.workspace.onDidSaveTextDocument((doc) => isConfigFile(doc.uri) && this.invalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
    );
  }

  /** Forget a changed config file (or, without one, every lookup), then tell the listeners. */
  invalidate(uri?: vscode.Uri): void {
    this.loader.forget(uri);
    this.changed.fire();
  }

  async forDocument(uri: vscode.Uri): Promise<FileConfig> {
    const file = await this.locate(uri);
    return file ? this.loader.load(file) : noConfig();
  }

  /** Every rule set loaded so far (for explanations of custom rules). */
  ruleSets(): Promise<RuleSet[]> {
    return this.loader.ruleSets();
  }

  /** The config file that applies to a document, if there is one. */
  async locate(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return this.loader.nearest(parent(uri), folder.uri);
    // Untitled documents use the first workspace folder's config; other files outside the workspace search
    // upward from their own folder, as the CLI does.
    if (uri.scheme === 'untitled') {
      const first = vscode.workspace.workspaceFolders?.[0]?.uri;
      return first ? this.loader.nearest(first, first) : undefined;
    }
    return this.loader.nearest(parent(uri), undefined);
  }

  /** Where "Allow in this workspace…" creates a config file when none applies yet. */
  defaultLocation(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME) : undefined;
  }

  private report(file: vscode.Uri, problems: ConfigProblem[], changed: boolean): void {
    this.problems.set(
      file,
      problems.map((p) => {
        const { line, character, message } = problemDiagnostic(p);
        const at = new vscode.Position(line, character);
        const d = new vscode.Diagnostic(new vscode.Range(at, at), message, vscode.DiagnosticSeverity.Warning);
        d.source = 'CareLint';
        return d;
      }),
    );
    // One notification per distinct set of problems, so re-linting does not repeat it.
    const message = changed ? problemNotice(problems) : undefined;
    if (message === undefined) return;
    void vscode.window.showWarningMessage(message, 'Open').then((choice) => {
      if (choice === 'Open') {
        const first = problems[0];
        const at = new vscode.Position(first.line - 1, first.column - 1);
        void vscode.window.showTextDocument(file, { selection: new vscode.Range(at, at) });
      }
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return isConfigPath(uri.path);
}

function parent(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
