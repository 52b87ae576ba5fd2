/**
 * carelint-ls: CareLint for every editor with an LSP client. It only translates: LSP documents, edits and settings go
 * to the engine (shared-rules), findings come back as diagnostics, hovers and code actions; the editor-neutral part
 * of that translation is shared with the VS Code extension (editor-common). No network, no telemetry.
 */
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MessageType,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { CONFIG_FILE_NAME, type ConfigProblem, type TextFormat } from '../../shared-rules/src/index';
import { noConfig } from '../../editor-common/config-loader';
import { isConfigPath, problemDiagnostic, problemNotice } from '../../editor-common/config-lookup';
import { explanationText } from '../../editor-common/explanation';
import { formatFor } from '../../editor-common/format';
import { hoverMarkdown, hoverPlainText } from '../../editor-common/hover-text';
import { mergeOptions } from '../../editor-common/settings';
import { ALLOW_COMMAND, codeActions, CODE_ACTION_KINDS, EXPLAIN_COMMAND } from './actions';
import { allowInWorkspace, showMessage } from './allow';
import { ConfigFiles, filePath, fileUri } from './configs';
import { applyChanges, openDocument, type OpenDocument } from './documents';
import { Linter } from './linter';
import { negotiate, Positions, type Encoding } from './positions';
import { LineText } from './text';
import { ServerSettings } from './settings';

export interface ServerOptions {
  debounceMs?: number;
  maxWaitMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new Map<string, OpenDocument>();
  const settings = new ServerSettings(connection);
  let encoding: Encoding = 'utf-16';
  let markdownHover = true;
  let pullRefresh = false;
  let watchRegistration = false;
  let snippetEdits = false;
  let configRegistration = false;

  const configs = new ConfigFiles(
    (path, text, problems, changed) => reportConfig(path, text, problems, changed),
    () => void linter.refreshAll().then(refreshPulled),
  );
  const linter = new Linter(
    {
      async optionsFor(open) {
        const s = await settings.forDocument(open.uri);
        if (!s.enable || (s.languages && !s.languages.includes(open.languageId))) return undefined;
        const config = await configs.forDocument(open.uri);
        return { ...mergeOptions(s, config.options), format: formatOf(open), ruleSet: config.ruleSet };
      },
      publish(open, diagnostics) {
        void connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics });
      },
      log: (message) => connection.console.error(message),
    },
    options.debounceMs,
    options.maxWaitMs,
  );

  function reportConfig(path: string, text: string, problems: ConfigProblem[], changed: boolean): void {
    const lines = new LineText(text);
    const positions = new Positions(lines, encoding);
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const at = problemDiagnostic(p);
      const start = positions.positionAt(new Positions(lines, 'utf-16').offsetAt(at));
      return {
        range: { start, end: start },
        severity: DiagnosticSeverity.Warning,
        source: 'CareLint',
        message: at.message,
      };
    });
    void connection.sendDiagnostics({ uri: fileUri(path), diagnostics });
    const notice = problemNotice(problems);
    if (changed && notice) showMessage(connection, MessageType.Warning, notice);
  }

  function refreshPulled(): void {
    if (!linter.push && pullRefresh) void connection.languages.diagnostics.refresh();
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    encoding = negotiate(caps.general?.positionEncodings ?? (caps as { offsetEncoding?: string[] }).offsetEncoding);
    settings.setInitial(params.initializationOptions);
    settings.canPull = caps.workspace?.configuration === true;
    linter.push = !caps.textDocument?.diagnostic;
    pullRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    snippetEdits =
      (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    const format = caps.textDocument?.hover?.contentFormat;
    markdownHover = !format || format.includes(MarkupKind.Markdown);
    const folders = params.workspaceFolders?.map((f) => filePath(f.uri)) ?? [
      params.rootUri ? filePath(params.rootUri) : (params.rootPath ?? undefined),
    ];
    configs.folders = folders.filter((f): f is string => typeof f === 'string');
    configs.watchLocally = !watchRegistration;
    const result: InitializeResult & { offsetEncoding?: string } = {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [EXPLAIN_COMMAND, ALLOW_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(linter.push
          ? {}
          : {
              diagnosticProvider: { identifier: 'carelint', interFileDependencies: false, workspaceDiagnostics: false },
            }),
      },
      serverInfo: { name: 'carelint-ls', version: VERSION },
    };
    // Neovim 0.7 reads the encoding from this (clangd's) field, not from positionEncoding.
    if ((caps as { offsetEncoding?: string[] }).offsetEncoding) result.offsetEncoding = encoding;
    return result;
  });

  connection.onInitialized(() => {
    if (watchRegistration)
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    if (configRegistration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'carelint' });
    // Build the rules now, while the first document's settings and config file are still being fetched.
    setImmediate(noConfig);
  });

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    const open = openDocument(t.uri, t.languageId, t.version, t.text, encoding);
    documents.set(t.uri, open);
    // A config file is kept (so "allow in workspace" edits the open buffer, never the file under it) but not
    // checked as prose: it is read from disk when saved.
    if (!isConfigPath(filePath(t.uri) ?? '')) void linter.open(open);
  });
  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    const open = documents.get(t.uri);
    if (!open) return;
    linter.change(t.uri, applyChanges(open, contentChanges, t.version));
  });
  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    documents.delete(t.uri);
    linter.close(t.uri);
  });
  connection.onDidSaveTextDocument(({ textDocument: t }) => {
    const path = filePath(t.uri);
    if (path && isConfigPath(path)) configs.invalidate(path);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.length === 0) return;
    if (changes.some((c) => c.type !== FileChangeType.Changed)) configs.invalidate();
    else for (const c of changes) configs.invalidate(filePath(c.uri));
  });
  connection.onDidChangeConfiguration(({ settings: s }) => {
    settings.setPushed(s);
    void linter.refreshAll().then(refreshPulled);
  });
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event: e }) => {
    const removed = new Set(e.removed.map((f) => filePath(f.uri)));
    configs.folders = [
      ...configs.folders.filter((f) => !removed.has(f)),
      ...e.added.map((f) => filePath(f.uri)).filter((f): f is string => !!f),
    ];
    configs.invalidate();
  });

  connection.languages.diagnostics.on(async ({ textDocument }) => {
    const open = documents.get(textDocument.uri);
    return { kind: 'full', items: (open && (await linter.diagnostics(open))) ?? [] };
  });

  connection.onHover(async ({ textDocument, position }) => {
    const open = documents.get(textDocument.uri);
    const findings = open && (await linter.findings(textDocument.uri));
    if (!open || !findings) return null;
    const offset = open.positions.offsetAt(position);
    const here = findings.filter((f) => f.start <= offset && offset <= f.end);
    if (here.length === 0) return null;
    const value = here.map(markdownHover ? hoverMarkdown : hoverPlainText).join(markdownHover ? '\n\n---\n\n' : '\n\n');
    return {
      contents: { kind: markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value },
      range: open.positions.rangeAt(here[0].start, here[0].end),
    };
  });

  connection.onCodeAction(async (params) => {
    const open = documents.get(params.textDocument.uri);
    const findings = open && (await linter.findings(params.textDocument.uri));
    return open && findings ? codeActions(open, findings, params, formatOf(open), snippetEdits) : [];
  });

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    if (command === EXPLAIN_COMMAND) {
      const id = String(args[0] ?? '');
      for (const rs of await configs.ruleSets()) {
        const rule = rs.byId(id);
        if (!rule) continue;
        const text = explanationText(rule, rs.compiledById(id)?.sources ?? []);
        showMessage(connection, MessageType.Info, text);
        return text;
      }
      showMessage(
        connection,
        MessageType.Warning,
        `CareLint has no rule '${id}'. Run \`carelint rules\` for the list.`,
      );
      return null;
    }
    if (command === ALLOW_COMMAND) {
      const [uri, rule, text, reason] = args as [string, string, string, unknown];
      return allowInWorkspace(connection, configs, (u) => documents.get(u), uri, rule, text, reason);
    }
    return null;
  });

  connection.onShutdown(() => {
    linter.dispose();
    configs.dispose();
  });
  connection.listen();
}

function formatOf(open: OpenDocument): TextFormat {
  return formatFor(open.languageId, filePath(open.uri) ?? open.uri);
}

declare const CARELINT_VERSION: string | undefined;
const VERSION = typeof CARELINT_VERSION === 'string' ? CARELINT_VERSION : '0.0.0-dev';
