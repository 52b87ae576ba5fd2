import * as vscode from 'vscode';
import {
  builtinRuleSet,
  CONFIG_FILE_NAME,
  loadConfig,
  type ConfigProblem,
  type LintOptions,
  type RuleSet,
} from '../../shared-rules/src/index';
import {
  ConfigLookup,
  isConfigPath,
  problemDiagnostic,
  problemLines,
  problemNotice,
} from '../../editor-common/config-lookup';

/** What a `.carelintrc.json` contributes to a document's options (nothing, when there is none). */
export interface FileConfig {
  uri?: vscode.Uri;
  options: LintOptions;
  ruleSet: RuleSet;
}

const NONE: FileConfig = { options: {}, ruleSet: builtinRuleSet() };

/**
 * Finds each document's `.carelintrc.json` (the nearest one upward from its folder, not above its workspace folder),
 * loads it through the engine's config loader, and reports its problems as diagnostics on the file and as one
 * warning per change of the file. Reads go through vscode.workspace.fs, so this works in VS Code for the Web.
 */
export class ConfigFiles implements vscode.Disposable {
  private readonly lookup = new ConfigLookup<vscode.Uri>({
    key: (uri) => uri.toString(),
    parent: (uri) => vscode.Uri.joinPath(uri, '..'),
    join: (folder, name) => vscode.Uri.joinPath(folder, name),
    isFile,
  });
  private readonly loaded = new Map<string, Promise<FileConfig>>();
  private readonly shownProblems = new Map<string, string>();
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
    if (uri) this.loaded.delete(uri.toString());
    else {
      this.loaded.clear();
      this.lookup.forget();
    }
    this.changed.fire();
  }

  async forDocument(uri: vscode.Uri): Promise<FileConfig> {
    const file = await this.locate(uri);
    return file ? this.load(file) : NONE;
  }

  /** Every rule set loaded so far (for explanations of custom rules). */
  async ruleSets(): Promise<RuleSet[]> {
    const all = await Promise.all([...this.loaded.values()]);
    return [...all.map((c) => c.ruleSet), NONE.ruleSet];
  }

  /** The config file that applies to a document, if there is one. */
  async locate(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) return this.search(parent(uri), folder.uri);
    // Untitled documents use the first workspace folder's config; other files outside the workspace search
    // upward from their own folder, as the CLI does.
    if (uri.scheme === 'untitled') {
      const first = vscode.workspace.workspaceFolders?.[0]?.uri;
      return first ? this.search(first, first) : undefined;
    }
    return this.search(parent(uri), undefined);
  }

  /** Where "Allow in this workspace…" creates a config file when none applies yet. */
  defaultLocation(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME) : undefined;
  }

  private search(dir: vscode.Uri, top: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    return this.lookup.nearest(dir, top);
  }

  private load(file: vscode.Uri): Promise<FileConfig> {
    const key = file.toString();
    let result = this.loaded.get(key);
    if (!result) {
      result = this.read(file);
      this.loaded.set(key, result);
    }
    return result;
  }

  private async read(file: vscode.Uri): Promise<FileConfig> {
    const name = vscode.workspace.asRelativePath(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    } catch (e) {
      this.report(file, [
        {
          file: name,
          line: 1,
          column: 1,
          message: `could not be read (${(e as Error).message})`,
          fix: 'Check the file exists and can be read.',
        },
      ]);
      return NONE;
    }
    const { options, ruleSet, problems } = loadConfig(text, name);
    this.report(file, problems);
    return { uri: file, options, ruleSet };
  }

  private report(file: vscode.Uri, problems: ConfigProblem[]): void {
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
    const summary = problemLines(problems).join('\n');
    if (summary === (this.shownProblems.get(file.toString()) ?? '')) return;
    this.shownProblems.set(file.toString(), summary);
    const message = problemNotice(problems);
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
