import type { Connection } from 'vscode-languageserver';
import { objectOr, settingsFrom, type Settings } from '../../editor-common/settings';

/**
 * The `carelint` settings: what the client gave in `initializationOptions` (either `{ carelint: {...} }` or the
 * settings themselves), overlaid with what `workspace/configuration` answers for the document, when the client
 * supports it, or what the last `workspace/didChangeConfiguration` carried. Without `languages`, every document
 * the client attaches is checked: in other editors the client's own config picks the file types.
 */
export class ServerSettings {
  private initial: Record<string, unknown> = {};
  private pushed: Record<string, unknown> = {};
  canPull = false;

  constructor(private readonly connection: Connection) {}

  setInitial(options: unknown): void {
    this.initial = section(options);
  }

  /** A `workspace/didChangeConfiguration` notification's settings (clients that push them). */
  setPushed(settings: unknown): void {
    this.pushed = section(settings);
  }

  async forDocument(uri: string): Promise<Settings> {
    let pulled: Record<string, unknown> = {};
    if (this.canPull) {
      try {
        const [value] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'carelint' }]);
        pulled = objectOr(value);
      } catch {
        // a client that says it answers but does not: use what we have
      }
    }
    const merged = { ...this.initial, ...this.pushed, ...pulled };
    return settingsFrom((key) => merged[key], 'any');
  }
}

/** `{ carelint: {...} }` or the settings themselves. */
function section(value: unknown): Record<string, unknown> {
  const o = objectOr(value);
  return 'carelint' in o ? objectOr(o.carelint) : o;
}
