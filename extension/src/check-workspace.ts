import * as vscode from 'vscode';
import { lint } from '../../shared-rules/src/index';
import type { ConfigFiles } from './config-files';
import { positionsIn, toDiagnostics } from './diagnostics';
import type { DocumentLinter } from './document-linter';
import { formatFor } from '../../editor-common/format';
import { mergeOptions, readSettings } from './settings';

/** File extensions of the languages CareLint checks by default (findFiles matches names, not language ids). */
export const EXTENSIONS: Record<string, string[]> = {
  plaintext: ['txt', 'text'],
  markdown: ['md', 'markdown'],
  html: ['html', 'htm'],
  handlebars: ['hbs', 'handlebars'],
  jinja: ['j2', 'jinja', 'jinja2'],
};
const EXCLUDE = '**/{node_modules,.git,dist,out,build,.vscode-test,.vscode-test-web}/**';
const MAX_BYTES = 10 * 1024 * 1024;

export function workspaceGlob(languages: readonly string[]): string | undefined {
  const exts = [...new Set(languages.flatMap((l) => EXTENSIONS[l] ?? []))];
  return exts.length === 0 ? undefined : `**/*.{${exts.join(',')}}`;
}

function languageOf(uri: vscode.Uri): string {
  const ext = uri.path.slice(uri.path.lastIndexOf('.') + 1).toLowerCase();
  return Object.keys(EXTENSIONS).find((l) => EXTENSIONS[l].includes(ext)) ?? 'plaintext';
}

/**
 * "CareLint: Check workspace": every matching file, with progress and cancellation, into the Problems view.
 * Open documents keep their live diagnostics; the others go to a collection of their own, which a file leaves when
 * it is opened (its live session takes over).
 */
export async function checkWorkspace(
  configs: ConfigFiles,
  linter: DocumentLinter,
  results: vscode.DiagnosticCollection,
): Promise<{ files: number; findings: number; cancelled: boolean }> {
  const summary = { files: 0, findings: 0, cancelled: false };
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('CareLint: open a folder to check a workspace.');
    return summary;
  }
  const glob = workspaceGlob(readSettings().languages);
  if (!glob) {
    void vscode.window.showInformationMessage(
      'CareLint: none of the languages in carelint.languages has known file extensions to search for.',
    );
    return summary;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'CareLint: checking workspace', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(glob, EXCLUDE, undefined, token);
      results.clear();
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) break;
        progress.report({
          message: `${i + 1} of ${files.length}: ${vscode.workspace.asRelativePath(uri)}`,
          increment: 100 / files.length,
        });
        summary.files++;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open && linter.isTracked(open.uri)) {
          summary.findings += (await linter.settled(open))?.length ?? 0;
          continue;
        }
        const bytes = await vscode.workspace.fs.readFile(uri).then(
          (b) => b,
          () => undefined,
        );
        if (!bytes || bytes.length > MAX_BYTES) continue;
        const text = new TextDecoder('utf-8').decode(bytes);
        const config = await configs.forDocument(uri);
        const options = {
          ...mergeOptions(readSettings(uri), config.options),
          format: formatFor(languageOf(uri), uri.path),
          ruleSet: config.ruleSet,
        };
        const findings = lint(text, options);
        summary.findings += findings.length;
        if (findings.length > 0) results.set(uri, toDiagnostics(findings, positionsIn(text)));
        await new Promise((resolve) => setTimeout(resolve, 0)); // keep the extension host responsive between files
      }
      summary.cancelled = token.isCancellationRequested;
    },
  );
  const files = `${summary.files} file${summary.files === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(
    `CareLint: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${files}${summary.cancelled ? ' (cancelled)' : ''}.`,
  );
  if (summary.findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
  return summary;
}
