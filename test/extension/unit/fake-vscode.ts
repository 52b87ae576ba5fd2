// A small, strict stand-in for the parts of the `vscode` module the extension uses, so the translation layer can be
// tested in Node. Behaviour follows the VS Code API documentation; state is reset with `reset()` between tests.
/* eslint-disable @typescript-eslint/no-explicit-any */

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {
    if (line < 0 || character < 0) throw new Error(`invalid position ${line}:${character}`);
  }
  compareTo(o: Position): number {
    return this.line - o.line || this.character - o.character;
  }
  isEqual(o: Position): boolean {
    return this.compareTo(o) === 0;
  }
  isBefore(o: Position): boolean {
    return this.compareTo(o) < 0;
  }
  translate(dl = 0, dc = 0): Position {
    return new Position(this.line + dl, this.character + dc);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    const s = typeof a === 'number' ? new Position(a, b as number) : a;
    const e = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
    [this.start, this.end] = s.compareTo(e) <= 0 ? [s, e] : [e, s];
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  isEqual(o: Range): boolean {
    return this.start.isEqual(o.start) && this.end.isEqual(o.end);
  }
  contains(p: Position): boolean {
    return this.start.compareTo(p) <= 0 && p.compareTo(this.end) <= 0;
  }
  intersection(o: Range): Range | undefined {
    const start = this.start.compareTo(o.start) >= 0 ? this.start : o.start;
    const end = this.end.compareTo(o.end) <= 0 ? this.end : o.end;
    return start.compareTo(end) > 0 ? undefined : new Range(start, end);
  }
}

export class Selection extends Range {}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}
export enum EndOfLine {
  LF = 1,
  CRLF = 2,
}
export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}
export enum OverviewRulerLane {
  Left = 1,
  Center = 2,
  Right = 4,
  Full = 7,
}

export enum DecorationRangeBehavior {
  OpenOpen = 0,
  ClosedClosed = 1,
  OpenClosed = 2,
  ClosedOpen = 3,
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
  SymbolicLink = 64,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
}
export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  constructor(
    public range: Range,
    public message: string,
    public severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  edit?: WorkspaceEdit;
  command?: { command: string; title: string; arguments?: unknown[] };
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  constructor(
    public title: string,
    public kind?: CodeActionKind,
  ) {}
}

export class SnippetString {
  value = '';
  private next = 1;
  appendText(s: string): this {
    this.value += s.replace(/[$}\\]/g, '\\$&');
    return this;
  }
  appendPlaceholder(s: string): this {
    this.value += `\${${this.next++}:${s.replace(/[$}\\]/g, '\\$&')}}`;
    return this;
  }
}

export class SnippetTextEdit {
  constructor(
    public range: Range,
    public snippet: SnippetString,
  ) {}
}

export type Edit = { uri: Uri; range: Range; text: string; snippet?: boolean };

export class WorkspaceEdit {
  readonly edits: Edit[] = [];
  readonly created: Uri[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
  insert(uri: Uri, at: Position, text: string): void {
    this.edits.push({ uri, range: new Range(at, at), text });
  }
  set(uri: Uri, edits: Array<SnippetTextEdit | { range: Range; newText: string }>): void {
    for (const e of edits) {
      if (e instanceof SnippetTextEdit) this.edits.push({ uri, range: e.range, text: e.snippet.value, snippet: true });
      else this.edits.push({ uri, range: e.range, text: e.newText });
    }
  }
  createFile(uri: Uri): void {
    this.created.push(uri);
  }
}

export class MarkdownString {
  isTrusted?: boolean;
  supportHtml?: boolean;
  constructor(
    public value = '',
    public supportThemeIcons = false,
  ) {}
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
}

export class Hover {
  constructor(
    public contents: MarkdownString[],
    public range?: Range,
  ) {}
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static from(c: { scheme: string; path?: string }): Uri {
    return new Uri(c.scheme, c.path ?? '');
  }
  static parse(s: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(s);
    if (!m) throw new Error(`not a uri: ${s}`);
    return new Uri(m[1], decodeURIComponent(m[2]));
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    const segments = base.path.split('/');
    for (const part of parts.join('/').split('/')) {
      if (part === '..') {
        if (segments.length > 1) segments.pop();
      } else if (part && part !== '.') segments.push(part);
    }
    return new Uri(base.scheme, segments.join('/') || '/');
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' || this.scheme === 'untitled' || this.scheme === 'carelint-rule'
      ? `${this.scheme}:${this.scheme === 'file' ? '//' : ''}${this.path}`
      : `${this.scheme}://${this.path}`;
  }
}

export class EventEmitter<T> {
  private listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

/** A text document with VS Code's offset/position rules ('\n', '\r\n' and '\r' end lines). */
export class FakeDocument {
  version = 1;
  isDirty = false;
  saved = 0;
  constructor(
    readonly uri: Uri,
    public languageId: string,
    private text: string,
  ) {}
  get fileName(): string {
    return this.uri.path;
  }
  get eol(): EndOfLine {
    return this.text.includes('\r\n') ? EndOfLine.CRLF : EndOfLine.LF;
  }
  private cache?: { text: string; starts: number[] };
  private starts(): number[] {
    if (this.cache?.text === this.text) return this.cache.starts;
    const s = [0];
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\r' && this.text[i + 1] === '\n') continue;
      if (c === '\n' || c === '\r') s.push(i + 1);
    }
    this.cache = { text: this.text, starts: s };
    return s;
  }
  get lineCount(): number {
    return this.starts().length;
  }
  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts();
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, o - s[lo]);
  }
  offsetAt(p: Position): number {
    const s = this.starts();
    if (p.line >= s.length) return this.text.length;
    const next = s[p.line + 1];
    const lineEnd =
      p.line + 1 < s.length
        ? next - (this.text[next - 1] === '\n' && this.text[next - 2] === '\r' ? 2 : 1)
        : this.text.length;
    return Math.min(s[p.line] + p.character, lineEnd);
  }
  lineAt(line: number): { text: string; range: Range; firstNonWhitespaceCharacterIndex: number } {
    const s = this.starts();
    const start = s[line];
    const next = line + 1 < s.length ? s[line + 1] : this.text.length;
    const text = this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
    return {
      text,
      range: new Range(new Position(line, 0), new Position(line, text.length)),
      firstNonWhitespaceCharacterIndex: /^\s*/.exec(text)![0].length,
    };
  }
  /** Apply edits as VS Code reports them: each change in the coordinates left by the previous one. */
  applyChanges(
    changes: Array<{ offset: number; length: number; text: string }>,
  ): Array<{ range: Range; rangeOffset: number; rangeLength: number; text: string }> {
    const events = [];
    for (const c of changes) {
      const range = new Range(this.positionAt(c.offset), this.positionAt(c.offset + c.length));
      events.push({ range, rangeOffset: c.offset, rangeLength: c.length, text: c.text });
      this.text = this.text.slice(0, c.offset) + c.text + this.text.slice(c.offset + c.length);
    }
    this.version++;
    this.isDirty = true;
    return events;
  }
  async save(): Promise<boolean> {
    state.files.set(this.uri.toString(), new TextEncoder().encode(this.text));
    this.isDirty = false;
    this.saved++;
    return true;
  }
}

// ---- module state, reset between tests --------------------------------------------------------------------------

export interface WarningShown {
  message: string;
  items: string[];
}

export const state = {
  documents: [] as FakeDocument[],
  files: new Map<string, Uint8Array>(),
  settings: {} as Record<string, unknown>,
  folders: [] as Array<{ uri: Uri; name: string; index: number }>,
  collections: [] as FakeDiagnosticCollection[],
  warnings: [] as WarningShown[],
  infos: [] as string[],
  inputBoxAnswers: [] as Array<string | undefined>,
  inputBoxOptions: [] as any[],
  commands: new Map<string, (...args: any[]) => unknown>(),
  contentProviders: new Map<string, unknown>(),
  executed: [] as Array<{ command: string; args: unknown[] }>,
  statusItems: [] as any[],
  activeTextEditor: undefined as { document: FakeDocument } | undefined,
  visibleTextEditors: [] as FakeEditor[],
  decorationTypes: [] as FakeDecorationType[],
  events: {
    open: new EventEmitter<FakeDocument>(),
    change: new EventEmitter<any>(),
    close: new EventEmitter<FakeDocument>(),
    save: new EventEmitter<FakeDocument>(),
    configuration: new EventEmitter<any>(),
    folders: new EventEmitter<any>(),
    activeEditor: new EventEmitter<any>(),
    visibleEditors: new EventEmitter<any>(),
    diagnostics: new EventEmitter<{ uris: Uri[] }>(),
    watcherCreate: new EventEmitter<Uri>(),
    watcherChange: new EventEmitter<Uri>(),
    watcherDelete: new EventEmitter<Uri>(),
  },
};

export function reset(): void {
  state.documents = [];
  state.files.clear();
  state.settings = {};
  state.folders = [];
  state.collections = [];
  state.warnings = [];
  state.infos = [];
  state.inputBoxAnswers = [];
  state.inputBoxOptions = [];
  state.commands.clear();
  state.contentProviders.clear();
  state.executed = [];
  state.statusItems = [];
  state.activeTextEditor = undefined;
  state.visibleTextEditors = [];
  state.decorationTypes = [];
  for (const e of Object.values(state.events)) e.dispose();
}

export class FakeDiagnosticCollection {
  readonly byUri = new Map<string, { uri: Uri; diagnostics: Diagnostic[] }>();
  constructor(readonly name: string) {}
  set(uri: Uri, diagnostics: Diagnostic[]): void {
    this.byUri.set(uri.toString(), { uri, diagnostics });
    state.events.diagnostics.fire({ uris: [uri] });
  }
  get(uri: Uri): Diagnostic[] | undefined {
    return this.byUri.get(uri.toString())?.diagnostics;
  }
  delete(uri: Uri): void {
    this.byUri.delete(uri.toString());
    state.events.diagnostics.fire({ uris: [uri] });
  }
  clear(): void {
    this.byUri.clear();
  }
  dispose(): void {
    this.byUri.clear();
  }
}

function fileNotFound(uri: Uri): Error {
  return Object.assign(new Error(`EntryNotFound (FileSystemError): ${uri.toString()}`), { code: 'FileNotFound' });
}

export const languages = {
  createDiagnosticCollection(name: string) {
    const c = new FakeDiagnosticCollection(name);
    state.collections.push(c);
    return c;
  },
  onDidChangeDiagnostics: (l: any) => state.events.diagnostics.event(l),
  registerCodeActionsProvider: () => new Disposable(() => undefined),
  registerHoverProvider: () => new Disposable(() => undefined),
};

export const workspace = {
  get textDocuments() {
    return state.documents;
  },
  get workspaceFolders() {
    return state.folders.length ? state.folders : undefined;
  },
  getWorkspaceFolder(uri: Uri) {
    return state.folders.find(
      (f) => uri.scheme === f.uri.scheme && (uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)),
    );
  },
  asRelativePath(uri: Uri) {
    const f = workspace.getWorkspaceFolder(uri);
    return f ? uri.path.slice(f.uri.path.length + 1) : uri.path;
  },
  getConfiguration(section: string) {
    return {
      get<T>(key: string, fallback?: T): T | undefined {
        const full = `${section}.${key}`;
        return (full in state.settings ? state.settings[full] : fallback) as T | undefined;
      },
    };
  },
  onDidOpenTextDocument: (l: any) => state.events.open.event(l),
  onDidChangeTextDocument: (l: any) => state.events.change.event(l),
  onDidCloseTextDocument: (l: any) => state.events.close.event(l),
  onDidSaveTextDocument: (l: any) => state.events.save.event(l),
  onDidChangeConfiguration: (l: any) => state.events.configuration.event(l),
  onDidChangeWorkspaceFolders: (l: any) => state.events.folders.event(l),
  createFileSystemWatcher() {
    return {
      onDidCreate: (l: any) => state.events.watcherCreate.event(l),
      onDidChange: (l: any) => state.events.watcherChange.event(l),
      onDidDelete: (l: any) => state.events.watcherDelete.event(l),
      dispose() {},
    };
  },
  fs: {
    async stat(uri: Uri) {
      if (state.files.has(uri.toString())) return { type: FileType.File };
      const prefix = uri.toString().replace(/\/$/, '') + '/';
      if ([...state.files.keys()].some((k) => k.startsWith(prefix))) return { type: FileType.Directory };
      throw fileNotFound(uri);
    },
    async readFile(uri: Uri) {
      const bytes = state.files.get(uri.toString());
      if (!bytes) throw fileNotFound(uri);
      return bytes;
    },
    async writeFile(uri: Uri, bytes: Uint8Array) {
      state.files.set(uri.toString(), bytes);
    },
  },
  async openTextDocument(uri: Uri) {
    const open = state.documents.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
    const bytes = state.files.get(uri.toString());
    if (!bytes) throw fileNotFound(uri);
    const doc = new FakeDocument(
      uri,
      uri.path.endsWith('.json') ? 'jsonc' : 'plaintext',
      new TextDecoder().decode(bytes),
    );
    state.documents.push(doc);
    state.events.open.fire(doc);
    return doc;
  },
  /** Applies text edits to open (or newly opened) documents, last edit first per document so offsets stay valid. */
  async applyEdit(edit: WorkspaceEdit) {
    for (const uri of edit.created)
      if (!state.files.has(uri.toString())) state.files.set(uri.toString(), new Uint8Array());
    const byDoc = new Map<string, Edit[]>();
    for (const e of edit.edits) byDoc.set(e.uri.toString(), [...(byDoc.get(e.uri.toString()) ?? []), e]);
    for (const [key, edits] of byDoc) {
      const doc = await workspace.openTextDocument(edits[0].uri);
      if (!doc) throw new Error(`no document ${key}`);
      const sorted = [...edits].sort((a, b) => b.range.start.compareTo(a.range.start));
      const changes = sorted.map((e) => ({
        offset: doc.offsetAt(e.range.start),
        length: doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start),
        text: e.text,
      }));
      fireChange(doc, changes);
    }
    return true;
  },
  /** Supports the include glob the extension uses: any folder, a brace list of file extensions. */
  registerTextDocumentContentProvider(scheme: string, provider: unknown) {
    state.contentProviders.set(scheme, provider);
    return new Disposable(() => state.contentProviders.delete(scheme));
  },
  async findFiles(include: string) {
    const m = /^\*\*\/\*\.\{([\w,]+)\}$/.exec(include);
    if (!m) throw new Error(`fake findFiles: unsupported glob ${include}`);
    const exts = m[1].split(',');
    return [...state.files.keys()].filter((k) => exts.some((e) => k.endsWith(`.${e}`))).map((k) => Uri.parse(k));
  },
};

/** Changes a document the way typing does, and fires onDidChangeTextDocument. */
export function fireChange(doc: FakeDocument, changes: Array<{ offset: number; length: number; text: string }>): void {
  const contentChanges = doc.applyChanges(changes);
  state.events.change.fire({ document: doc, contentChanges, reason: undefined });
}

export function openDocument(path: string, languageId: string, text: string, scheme = 'file'): FakeDocument {
  const doc = new FakeDocument(Uri.from({ scheme, path }), languageId, text);
  state.documents.push(doc);
  state.events.open.fire(doc);
  return doc;
}

export function closeDocument(doc: FakeDocument): void {
  state.documents = state.documents.filter((d) => d !== doc);
  state.events.close.fire(doc);
}

export function changeSettings(values: Record<string, unknown>): void {
  Object.assign(state.settings, values);
  state.events.configuration.fire({
    affectsConfiguration: (s: string) => Object.keys(values).some((k) => k === s || k.startsWith(`${s}.`)),
  });
}

export class FakeDecorationType {
  disposed = false;
  constructor(readonly options: any) {}
  dispose(): void {
    this.disposed = true;
  }
}

/** An editor showing a document; remembers the last ranges set per decoration type, as VS Code draws them. */
export class FakeEditor {
  readonly decorations = new Map<FakeDecorationType, Range[]>();
  constructor(readonly document: FakeDocument) {}
  setDecorations(type: FakeDecorationType, ranges: Range[]): void {
    if (type.disposed) throw new Error('setDecorations with a disposed decoration type');
    this.decorations.set(type, [...ranges]);
  }
}

/** Shows `docs` as the visible editors (replacing the ones shown) and fires onDidChangeVisibleTextEditors. */
export function showEditors(...docs: FakeDocument[]): FakeEditor[] {
  state.visibleTextEditors = docs.map((d) => new FakeEditor(d));
  state.events.visibleEditors.fire(state.visibleTextEditors);
  return state.visibleTextEditors;
}

export const window = {
  get activeTextEditor() {
    return state.activeTextEditor;
  },
  get visibleTextEditors() {
    return state.visibleTextEditors;
  },
  onDidChangeVisibleTextEditors: (l: any) => state.events.visibleEditors.event(l),
  createTextEditorDecorationType(options: any) {
    const type = new FakeDecorationType(options);
    state.decorationTypes.push(type);
    return type;
  },
  onDidChangeActiveTextEditor: (l: any) => state.events.activeEditor.event(l),
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority: number) {
    const item = {
      id,
      alignment,
      priority,
      text: '',
      tooltip: '',
      command: undefined as unknown,
      name: '',
      visible: false,
      accessibilityInformation: undefined as unknown,
      show() {
        item.visible = true;
      },
      hide() {
        item.visible = false;
      },
      dispose() {},
    };
    state.statusItems.push(item);
    return item;
  },
  showWarningMessage(message: string, ...items: string[]) {
    state.warnings.push({ message, items });
    return Promise.resolve(undefined);
  },
  showErrorMessage(message: string) {
    state.warnings.push({ message, items: [] });
    return Promise.resolve(undefined);
  },
  showInformationMessage(message: string) {
    state.infos.push(message);
    return Promise.resolve(undefined);
  },
  async showInputBox(options: any) {
    state.inputBoxOptions.push(options);
    const answer = state.inputBoxAnswers.shift();
    if (answer !== undefined && options.validateInput?.(answer)) return undefined; // VS Code keeps the box open
    return answer;
  },
  async withProgress(
    _options: any,
    task: (progress: { report(v: unknown): void }, token: { isCancellationRequested: boolean }) => Promise<unknown>,
  ) {
    return task({ report() {} }, progressToken);
  },
  createOutputChannel() {
    return { error() {}, info() {}, appendLine() {}, dispose() {} };
  },
  async showTextDocument(doc: FakeDocument) {
    state.activeTextEditor = { document: doc };
    return state.activeTextEditor;
  },
  async showQuickPick() {
    return undefined;
  },
};

export const progressToken = { isCancellationRequested: false };

export const commands = {
  registerCommand(id: string, fn: (...args: any[]) => unknown) {
    state.commands.set(id, fn);
    return new Disposable(() => state.commands.delete(id));
  },
  async executeCommand(command: string, ...args: unknown[]) {
    state.executed.push({ command, args });
    return state.commands.get(command)?.(...args);
  },
};
