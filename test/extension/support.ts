// Shared set-up for the extension unit tests (fake vscode).
import { ConfigFiles } from '../../extension/src/config-files';
import { DocumentLinter } from '../../extension/src/document-linter';
import * as vscode from './unit/fake-vscode';

export const ROOT = vscode.Uri.file('/work/ws');

export function withWorkspace(files: Record<string, string> = {}): void {
  vscode.reset();
  vscode.state.folders = [{ uri: ROOT, name: 'ws', index: 0 }];
  for (const [path, text] of Object.entries(files))
    vscode.state.files.set(vscode.Uri.joinPath(ROOT, path).toString(), new TextEncoder().encode(text));
}

export function start(debounceMs = 5) {
  const live = vscode.languages.createDiagnosticCollection('carelint');
  const problems = vscode.languages.createDiagnosticCollection('carelint-config');
  const configs = new ConfigFiles(problems as never);
  const linter = new DocumentLinter(
    configs,
    live as never,
    (m) => {
      throw new Error(m);
    },
    debounceMs,
  );
  return {
    live,
    problems,
    configs,
    linter,
    stop: () => {
      linter.dispose();
      configs.dispose();
    },
  };
}

export function codes(live: vscode.FakeDiagnosticCollection, doc: vscode.FakeDocument): string[] | undefined {
  return live.get(doc.uri)?.map((d) => (d.code as { value: string }).value);
}

export async function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export function path(p: string): string {
  return vscode.Uri.joinPath(ROOT, p).path;
}
