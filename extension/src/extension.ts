/**
 * CareLint for VS Code (desktop and web). The host only translates: VS Code documents, edits and settings go to the
 * engine (shared-rules), findings come back as diagnostics, hovers and code actions. No network, no telemetry.
 */
import * as vscode from 'vscode';
import { allowInWorkspace } from './allow';
import { CategoryDecorations } from './category-decorations';
import { checkWorkspace } from './check-workspace';
import { ALLOW_COMMAND, CareLintCodeActions } from './code-actions';
import { ConfigFiles } from './config-files';
import { DocumentLinter } from './document-linter';
import { registerExplanations } from './explanation';
import { CareLintHover } from './hover';
import { FindingCount } from './status-bar';

/** What the extension exposes to its own tests through `extension.exports`. */
export interface CareLintApi {
  linter: DocumentLinter;
  configs: ConfigFiles;
}

export function activate(context: vscode.ExtensionContext): CareLintApi {
  const log = vscode.window.createOutputChannel('CareLint', { log: true });
  const live = vscode.languages.createDiagnosticCollection('carelint');
  const workspaceResults = vscode.languages.createDiagnosticCollection('carelint-workspace');
  const configProblems = vscode.languages.createDiagnosticCollection('carelint-config');
  const configs = new ConfigFiles(configProblems);
  const linter = new DocumentLinter(configs, live, (m) => log.error(m));
  // Every language, filtered by the linter's own settings check (carelint.languages can name any language).
  const selector: vscode.DocumentSelector = '*';

  context.subscriptions.push(
    log,
    live,
    workspaceResults,
    configProblems,
    configs,
    linter,
    new FindingCount(live, linter),
    new CategoryDecorations(linter),
    vscode.languages.registerCodeActionsProvider(
      selector,
      new CareLintCodeActions(linter),
      CareLintCodeActions.metadata,
    ),
    vscode.languages.registerHoverProvider(selector, new CareLintHover(linter)),
    registerExplanations(() => configs.ruleSets()),
    vscode.commands.registerCommand(ALLOW_COMMAND, (uri: vscode.Uri, ruleId: string, text: string) =>
      allowInWorkspace(configs, uri, ruleId, text),
    ),
    vscode.commands.registerCommand('carelint.checkWorkspace', () => checkWorkspace(configs, linter, workspaceResults)),
    vscode.workspace.onDidOpenTextDocument((doc) => linter.isTracked(doc.uri) && workspaceResults.delete(doc.uri)),
  );
  return { linter, configs };
}

export function deactivate(): void {}
