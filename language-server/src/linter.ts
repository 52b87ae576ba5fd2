import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, SessionOptions, TextChange } from '../../shared-rules/src/index';
import { DebouncedLinter } from '../../editor-common/debounced-linter';
import type { OpenDocument } from './documents';
import { toDiagnostic } from './diagnostics';

/** Typing pause before diagnostics are pushed, and the longest they wait while typing goes on. */
export const DEBOUNCE_MS = 50;
export const MAX_WAIT_MS = 250;

export interface LinterHost {
  /** The options for a document (settings merged with its config file); undefined when it is not to be checked. */
  optionsFor(open: OpenDocument): Promise<SessionOptions | undefined>;
  /** Push diagnostics (not called while the client pulls them). */
  publish(open: OpenDocument, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/**
 * The shared debounced linter (editor-common) on the server's documents: findings become LSP diagnostics, pushed
 * after a pause, or answered at once when the client pulls. A server has its own process, so a document's first lint
 * runs in one go (about 30 ms for 1 MB) rather than in slices.
 */
export class Linter {
  /** When the client pulls diagnostics, nothing is pushed. */
  push = true;
  private readonly linter: DebouncedLinter<OpenDocument>;

  constructor(host: LinterHost, debounceMs = DEBOUNCE_MS, maxWaitMs = MAX_WAIT_MS) {
    this.linter = new DebouncedLinter<OpenDocument>(
      {
        options: (open) => host.optionsFor(open),
        text: (open) => open.text.getText(),
        length: (open) => open.text.length,
        publish: (open, findings) => {
          if (this.push)
            host.publish(
              open,
              findings.map((f) => toDiagnostic(f, open.positions)),
            );
        },
        clear: (open) => {
          if (this.push) host.publish(open, []);
        },
        log: (message) => host.log(message),
      },
      { debounceMs, maxWaitMs },
    );
  }

  open(open: OpenDocument): Promise<void> {
    return this.linter.open(open.uri, open);
  }

  change(uri: string, changes: readonly TextChange[]): void {
    this.linter.change(uri, changes);
  }

  close(uri: string): void {
    this.linter.close(uri);
  }

  /** Re-read options for every open document (settings or a config file changed). */
  refreshAll(): Promise<void> {
    return this.linter.refreshAll();
  }

  /** The findings for the text as the client has it now (pending edits applied), once any build has finished. */
  findings(uri: string): Promise<readonly Finding[] | undefined> {
    return this.linter.settled(uri);
  }

  /** Diagnostics for a pull request: undefined when the document is not checked. */
  async diagnostics(open: OpenDocument): Promise<Diagnostic[] | undefined> {
    return (await this.findings(open.uri))?.map((f) => toDiagnostic(f, open.positions));
  }

  isTracked(uri: string): boolean {
    return this.linter.isTracked(uri);
  }

  dispose(): void {
    this.linter.dispose();
  }
}
