/** A real LSP client for the tests: vscode-jsonrpc over the server's stdin/stdout, with the server as it ships. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = join(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'bin', 'carelint-ls.js');
export const GUARD = join(ROOT, 'test', 'support', 'no-network.cjs');
/** The server keeps a code cache in the user's cache folder; tests keep theirs in a folder of this run's. */
let codeCacheFolder: string | undefined;
const testCodeCache = () => (codeCacheFolder ??= mkdtempSync(join(tmpdir(), 'carelint-ls-code-cache-')));

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: { ruleId: string; category: string; text: string; suggestions: string[]; suggestionKinds: string[] };
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
  command?: { command: string; arguments?: unknown[] };
}

export interface ClientOptions {
  capabilities?: Record<string, unknown>;
  initializationOptions?: unknown;
  folder?: string;
  /** What `workspace/configuration` answers for the `carelint` section. */
  configuration?: () => unknown;
  /** What `window/showMessageRequest` picks (by title); undefined dismisses it. */
  pick?: (message: string, titles: string[]) => string | undefined;
  /** Preload the network guard. */
  guarded?: boolean;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

export class TestClient {
  readonly published = new Map<string, Diagnostic[][]>();
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly applied: unknown[] = [];
  readonly registrations: Array<{ method: string }> = [];
  private stderr = '';
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly connection: MessageConnection,
    readonly child: ChildProcess,
  ) {
    child.stderr!.on('data', (d) => {
      this.stderr += d;
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  get errors(): string {
    return this.stderr;
  }

  notifyWaiters(): void {
    for (const w of this.waiters) w();
  }

  /** Resolves once `check` returns a value other than undefined (re-checked on every message from the server). */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const tryIt = () => {
        const v = check();
        if (v === undefined) return false;
        this.waiters = this.waiters.filter((w) => w !== listener);
        clearTimeout(timer);
        resolve(v);
        return true;
      };
      const listener = () => void tryIt();
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) while waiting for ${what}; stderr: ${this.stderr}`));
      });
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== listener);
        reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`));
      }, timeoutMs);
      if (!tryIt()) this.waiters.push(listener);
    });
  }

  /** The next diagnostics published for `uri` after `since` publications (the count so far). */
  nextDiagnostics(uri: string, since: number): Promise<Diagnostic[]> {
    return this.waitFor(() => this.published.get(uri)?.[since], `diagnostics #${since + 1} for ${uri}`);
  }

  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: Array<{ range?: Range; text: string }>): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    void this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }
}

export async function startClient(
  options: ClientOptions = {},
): Promise<{ client: TestClient; result: { capabilities: Record<string, any>; serverInfo?: { name: string } } }> {
  if (!existsSync(join(ROOT, 'dist', 'language-server.js')))
    throw new Error('dist/language-server.js is missing: run `npm run build` first');
  const child = spawn(process.execPath, [...(options.guarded ? ['--require', GUARD] : []), SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CARELINT_CODE_CACHE_DIR: testCodeCache(), ...options.env },
  });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const client = new TestClient(connection, child);
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    const list = client.published.get(p.uri) ?? [];
    list.push(p.diagnostics);
    client.published.set(p.uri, list);
    client.notifyWaiters();
  });
  connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    client.messages.push(p);
    client.notifyWaiters();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) =>
    p.items.map(() => options.configuration?.() ?? null),
  );
  connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
    client.registrations.push(...p.registrations);
    client.notifyWaiters();
    return null;
  });
  connection.onRequest('window/showMessageRequest', (p: { message: string; actions?: Array<{ title: string }> }) => {
    const title = options.pick?.(
      p.message,
      (p.actions ?? []).map((a) => a.title),
    );
    return title === undefined ? null : { title };
  });
  connection.onRequest('workspace/applyEdit', (p: unknown) => {
    client.applied.push(p);
    return { applied: true };
  });
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const folder = options.folder;
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  })) as { capabilities: Record<string, any> };
  void connection.sendNotification('initialized', {});
  return { client, result };
}

/** Apply LSP text edits (UTF-16 positions) to a text, as an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') continue;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The UTF-16 position of an offset. */
export function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}
