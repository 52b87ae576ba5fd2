// A small, strict stand-in for the parts of Word's object model the add-in uses. office-addin-mock covers plain
// objects well but cannot load collection items ("items/text") or sync objects returned by methods (search,
// getParagraphByUniqueLocalId), which is most of what a paragraph checker does; see
// /work/shared/research/hosts.md part B. This fake keeps Office.js's batch semantics and models the real Word, not an
// ideal one. Each behaviour names the reference page or office-js issue it follows:
//  - method calls and property writes are queued and run in order at context.sync(); every sync is counted (`syncs`),
//    because each one is a round trip to Word;
//  - a failing command rejects the sync: the commands before it ran (their edits stay), the ones after it did not,
//    and nothing loaded in that batch is delivered. (OfficeExtension.Error, "Error handling with the
//    application-specific JavaScript APIs": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling)
//  - a property is readable only after load() and a sync; APIs above the fake's WordApi version throw;
//  - `paragraph.text` carries what critiques do not count: comment marks (\u0005, office-js#2258), footnote
//    references (\x02, office-js#4997) and tracked-deleted or hidden text, while `paragraph.getText()` (WordApi 1.7)
//    leaves deleted and hidden text out by default (Word.GetTextOptions:
//    https://learn.microsoft.com/javascript/api/word/word.gettextoptions). Critique offsets count the getText() text;
//  - search treats straight and curly quotes alike, cannot match across a mark or a deletion, needs ^t ^l ^s for a
//    tab, a manual line break and a non-breaking space, and rejects more than 255 characters when the batch runs
//    (Word.Paragraph.search: "The search text. Can be a maximum of 255 characters."; "Use search options to find text":
//    https://learn.microsoft.com/office/dev/add-ins/word/search-option-guidance);
//  - paragraph events are asynchronous, merge ids, can be missed, and fire for the add-in's own edits too
//    (Word.ParagraphChangedEventArgs; missed events: office-js#4874, deletions under track changes: office-js#3864,
//    long documents on Mac: office-js#5400). They are delivered only when the test lets time pass (flushEvents);
//  - `perpetual`: WordApi 1.7 is reported but Paragraph.insertAnnotations throws GeneralException
//    (office-js#4953, office-js#5179, closed by design);
//  - `drawCritiques = false`: critiques are inserted and get ids but are not drawn, as when the pane was opened
//    from a ribbon button (office-js#6595, office-js#5225, office-js#4317);
//  - popup Accept: on the web Word replaces the words itself before telling the add-in (office-js#6358); on the
//    desktop it does not edit at all (`popupPlatform`);
//  - splitting a paragraph gives its id to the new second half and a new id to the first (office-js#5784);
//  - a locked content control or protected text refuses insertText when the batch runs.
// Ranges and critiques are anchored to getText() offsets and move with edits like Word's do.

type Commit = () => void;
type Op = () => void | Commit;

export class OfficeError extends Error {
  debugInfo: { code: string; errorLocation: string };
  constructor(
    public code: string,
    message: string,
    errorLocation = '',
  ) {
    super(`${code}: ${message}`);
    this.debugInfo = { code, errorLocation };
  }
}

interface Anchor {
  paragraph: FakeParagraph;
  start: number;
  end: number;
  valid: boolean;
}

/** Characters in `paragraph.text` that getText() and the critiques do not count, at a getText() offset. */
export interface Extra {
  at: number;
  raw: string;
  kind: 'mark' | 'deleted' | 'hidden';
}

export interface FakeParagraph {
  id: string;
  /** The text getText() returns (what the writer sees). */
  text: string;
  extras: Extra[];
  /** Inside a locked content control or protected region: edits are refused. */
  locked?: boolean;
}

export interface FakeAnnotation {
  id: string;
  anchor: Anchor;
  drawn: boolean;
  critique: {
    start: number;
    length: number;
    colorScheme: string;
    popupOptions?: {
      suggestions: string[];
      titleResourceId: string;
      subtitleResourceId: string;
      brandingTextResourceId: string;
    };
  };
}

export interface FakeEdit {
  paragraphId: string;
  before: string;
  inserted: string;
  tracked: boolean;
}

const COLOR_SCHEMES = ['Red', 'Green', 'Blue', 'Lavender', 'Berry'];
const TRACKING_MODES = ['Off', 'TrackAll', 'TrackMineOnly'];

/** Word's search compares straight and curly quotes as the same character. */
const foldQuotes = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');

export class FakeWord {
  paragraphs: FakeParagraph[];
  annotations: FakeAnnotation[] = [];
  changeTrackingMode = 'Off';
  selection: { paragraphId: string; start: number; end: number; text: string } | null = null;
  /** Every insertText the add-in made, in order. */
  edits: FakeEdit[] = [];
  /** context.sync() calls: round trips to Word. */
  syncs = 0;
  /** Refuse event registration although the requirement set is reported: every event, or the named ones. */
  refuseEvents: boolean | Set<string> = false;
  /** Paragraph events are lost instead of delivered (fast edits, long documents). */
  missEvents = false;
  /** Perpetual-licence Word: reports WordApi 1.7 and 1.8, then refuses annotations. */
  perpetual = false;
  /** False: critiques are accepted but not drawn (pane opened from the ribbon). */
  drawCritiques = true;
  /** Who puts a popup suggestion in: Word itself ('web'), or only the add-in ('desktop'). */
  popupPlatform: 'web' | 'desktop' = 'desktop';
  /** The task pane is shown (the fake's document.visibilityState). */
  paneVisible = true;
  private handlers = new Map<string, Array<(args: unknown) => Promise<unknown> | unknown>>();
  private pending = new Map<string, string[]>();
  private anchors: Anchor[] = [];
  private nextId = 1;

  constructor(
    texts: string[],
    public version = 1.8,
  ) {
    this.paragraphs = texts.map((text) => ({ id: this.newId('para'), text, extras: [] }));
  }

  /** Office.context.requirements.isSetSupported for this fake. */
  isSetSupported = (name: string, version: string): boolean =>
    name === 'WordApi' && Number(version.split('.')[1]) <= this.minor;

  /** Word.run: a fresh context; whatever is still queued when the batch returns is synced, as Office.js does. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pending()) await context.sync();
    return result;
  };

  /** The pane's environment for the fake: visibility and the common API's DocumentSelectionChanged. */
  visibility = {
    visible: () => this.paneVisible,
    onChange: (cb: (visible: boolean) => void) => this.addHandler('VisibilityChanged', (v) => cb(v as boolean)),
  };

  onSelectionChanged = (cb: () => void): (() => void) => this.addHandler('DocumentSelectionChanged', () => cb());

  get minor(): number {
    return Math.round((this.version - 1) * 10);
  }

  texts(): string[] {
    return this.paragraphs.map((p) => p.text);
  }

  handlerCount(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }

  /** `paragraph.text` as Word reports it: marks, deleted and hidden text included. */
  rawText(p: FakeParagraph): string {
    return this.rawMap(p).raw;
  }

  /** The raw text, and for each raw character its getText() offset (-1 inside an extra). */
  rawMap(p: FakeParagraph): { raw: string; visible: number[] } {
    let raw = '';
    const visible: number[] = [];
    const extras = [...p.extras].sort((a, b) => a.at - b.at);
    let e = 0;
    for (let i = 0; i <= p.text.length; i++) {
      for (; e < extras.length && extras[e].at === i; e++)
        for (const ch of extras[e].raw) {
          raw += ch;
          visible.push(-1);
        }
      if (i < p.text.length) {
        raw += p.text[i];
        visible.push(i);
      }
    }
    return { raw, visible };
  }

  // ---- what the writer does ----

  /** The writer changes a paragraph's text, and time passes: the change event is delivered unless `silent`. */
  async type(index: number, text: string, silent = false): Promise<void> {
    const p = this.paragraphs[index];
    const old = p.text;
    let a = 0;
    while (a < old.length && a < text.length && old[a] === text[a]) a++;
    let b = 0;
    while (b < old.length - a && b < text.length - a && old[old.length - 1 - b] === text[text.length - 1 - b]) b++;
    this.replaceText(p, a, old.length - b, text.slice(a, text.length - b));
    if (!silent) {
      this.emit('ParagraphChanged', p.id);
      await this.flushEvents();
    }
  }

  /** Put a mark (comment \u0005, footnote \x02), deleted or hidden text into a paragraph at a getText() offset. */
  addExtra(index: number, at: number, raw: string, kind: Extra['kind']): void {
    this.paragraphs[index].extras.push({ at, raw, kind });
  }

  async addParagraph(at: number, text: string): Promise<FakeParagraph> {
    const p = { id: this.newId('para'), text, extras: [] };
    this.paragraphs.splice(at, 0, p);
    this.emit('ParagraphAdded', p.id);
    await this.flushEvents();
    return p;
  }

  async deleteParagraph(index: number): Promise<void> {
    const [p] = this.paragraphs.splice(index, 1);
    for (const a of this.anchors) if (a.paragraph === p) a.valid = false;
    this.annotations = this.annotations.filter((a) => a.anchor.paragraph !== p);
    this.emit('ParagraphDeleted', p.id);
    await this.flushEvents();
  }

  /** Enter pressed at `at`: the second half keeps the old id, the first half gets a new one (office-js#5784). */
  async splitParagraph(index: number, at: number): Promise<void> {
    const p = this.paragraphs[index];
    const tail: FakeParagraph = { id: p.id, text: p.text.slice(at), extras: [] };
    p.id = this.newId('para');
    this.replaceText(p, at, p.text.length, '');
    this.paragraphs.splice(index + 1, 0, tail);
    this.emit('ParagraphChanged', tail.id);
    this.emit('ParagraphAdded', p.id);
    await this.flushEvents();
  }

  /** The cursor moves into a paragraph: Office's DocumentSelectionChanged (common API) fires. */
  async moveCursor(index: number, offset = 0): Promise<void> {
    const p = this.paragraphs[index];
    this.selection = { paragraphId: p.id, start: offset, end: offset, text: '' };
    await this.fire('DocumentSelectionChanged', {});
  }

  async setPaneVisible(visible: boolean): Promise<void> {
    this.paneVisible = visible;
    await this.fire('VisibilityChanged', visible);
  }

  async clickAnnotation(id: string): Promise<void> {
    await this.fire('AnnotationClicked', { id });
  }

  async hoverAnnotation(id: string): Promise<void> {
    await this.fire('AnnotationHovered', { id });
  }

  /** The writer picks a suggestion in a critique popup; on the web Word puts it in first (office-js#6358). */
  async acceptSuggestion(id: string, suggestion: string): Promise<void> {
    if (this.popupPlatform === 'web') {
      const ann = this.annotations.find((a) => a.id === id)!;
      const { paragraph, start, end } = ann.anchor;
      this.edit(paragraph, start, end, suggestion, ann.anchor, 'Word');
    }
    await this.fire('AnnotationPopupAction', { id, action: 'Accept', critiqueSuggestion: suggestion });
  }

  async rejectSuggestion(id: string): Promise<void> {
    await this.fire('AnnotationPopupAction', { id, action: 'Reject', critiqueSuggestion: '' });
  }

  /** The critiques on a paragraph, with the text each one covers now. */
  annotationsOn(index: number): Array<FakeAnnotation['critique'] & { id: string; covers: string; drawn: boolean }> {
    const p = this.paragraphs[index];
    return this.annotations
      .filter((a) => a.anchor.paragraph === p)
      .sort((x, y) => x.anchor.start - y.anchor.start)
      .map((a) => ({ ...a.critique, id: a.id, drawn: a.drawn, covers: p.text.slice(a.anchor.start, a.anchor.end) }));
  }

  // ---- events: queued, merged per event, delivered when time passes ----

  emit(event: string, id: string): void {
    if (this.missEvents) return;
    const ids = this.pending.get(event) ?? [];
    if (!ids.includes(id)) ids.push(id);
    this.pending.set(event, ids);
  }

  hasPendingEvents(): boolean {
    return this.pending.size > 0;
  }

  /** Deliver the queued paragraph events (several changes to one paragraph arrive as one event). */
  async flushEvents(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    for (const [event, uniqueLocalIds] of batch)
      await this.fire(event, { uniqueLocalIds, source: 'Local', type: event });
  }

  // ---- internals used by the proxies ----

  need(minor: number, api: string): void {
    if (this.minor < minor)
      throw new OfficeError('ApiNotFound', `${api} needs WordApi 1.${minor}; this Word has ${this.version}`);
  }

  paragraphById(id: string): FakeParagraph {
    const p = this.paragraphs.find((x) => x.id === id);
    if (!p) throw new OfficeError('ItemNotFound', `no paragraph ${id}`, 'Document.getParagraphByUniqueLocalId');
    return p;
  }

  anchor(paragraph: FakeParagraph, start: number, end: number): Anchor {
    const a = { paragraph, start, end, valid: true };
    this.anchors.push(a);
    return a;
  }

  /** An edit through Word (the add-in's insertText, or Word's own popup edit): tracked when tracking is on. */
  edit(
    p: FakeParagraph,
    start: number,
    end: number,
    text: string,
    self: Anchor | undefined,
    by: 'add-in' | 'Word',
  ): void {
    if (p.locked) throw new OfficeError('AccessDenied', 'the text is in a locked content control', 'Range.insertText');
    const tracked = this.changeTrackingMode !== 'Off';
    const before = p.text.slice(start, end);
    if (by === 'add-in') this.edits.push({ paragraphId: p.id, before, inserted: text, tracked });
    this.replaceText(p, start, end, text, self);
    if (tracked && before) p.extras.push({ at: start, raw: before, kind: 'deleted' });
    this.emit('ParagraphChanged', p.id); // Word tells every add-in, its own edits included
  }

  replaceText(p: FakeParagraph, start: number, end: number, text: string, self?: Anchor): void {
    const delta = text.length - (end - start);
    p.text = p.text.slice(0, start) + text + p.text.slice(end);
    for (const x of p.extras) {
      if (x.at >= end) x.at += delta;
      else if (x.at > start) x.at = start;
    }
    for (const a of this.anchors) {
      if (a.paragraph !== p || !a.valid) continue;
      if (a === self) a.end = start + text.length;
      else if (a.start >= end) {
        a.start += delta;
        a.end += delta;
      } else if (a.end > start) a.valid = false;
    }
    // Word drops a critique whose words were edited.
    this.annotations = this.annotations.filter((x) => x.anchor.valid);
  }

  addHandler(event: string, handler: (args: unknown) => unknown): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () =>
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== handler),
      );
  }

  refuses(event: string): boolean {
    return this.refuseEvents === true || (this.refuseEvents instanceof Set && this.refuseEvents.has(event));
  }

  private async fire(event: string, args: unknown): Promise<void> {
    await Promise.all((this.handlers.get(event) ?? []).map((h) => h(args)));
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }
}

class FakeContext {
  private queue: Op[] = [];
  document: DocumentProxy;

  constructor(readonly word: FakeWord) {
    this.document = new DocumentProxy(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    this.word.syncs++;
    const ops = this.queue;
    this.queue = [];
    const commits: Commit[] = [];
    // The first failure rejects the sync: earlier commands ran, later ones don't, and no loaded value comes back.
    for (const op of ops) {
      const commit = op();
      if (commit) commits.push(commit);
    }
    for (const commit of commits) commit();
  }
}

/** Loaded values appear only when the queued load runs in a batch that succeeds; reading before that throws. */
class Loadable {
  protected values = new Map<string, unknown>();

  constructor(
    protected context: FakeContext,
    private scalars: Record<string, () => unknown>,
  ) {}

  load(props?: string | string[]): this {
    const names = (Array.isArray(props) ? props : (props ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    for (const name of names)
      if (!(name in this.scalars))
        throw new OfficeError('InvalidArgument', `cannot load '${name}' on ${this.constructor.name}`);
    this.context.enqueue(() => {
      const read = (names.length > 0 ? names : Object.keys(this.scalars)).map(
        (name) => [name, this.scalars[name]()] as const,
      );
      return () => {
        for (const [name, value] of read) this.values.set(name, value);
      };
    });
    return this;
  }

  protected read<T>(name: string): T {
    if (!this.values.has(name))
      throw new OfficeError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded and synced`);
    return this.values.get(name) as T;
  }
}

class ClientResult<T> {
  private done = false;
  private result!: T;
  set(v: T) {
    this.result = v;
    this.done = true;
  }
  get value(): T {
    if (!this.done) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value read before sync');
    return this.result;
  }
}

class EventSlot {
  constructor(
    private context: FakeContext,
    private name: string,
  ) {}

  add(handler: (args: unknown) => unknown) {
    const word = this.context.word;
    let remove: () => void = () => undefined;
    this.context.enqueue(() => {
      if (word.refuses(this.name))
        throw new OfficeError('GeneralException', `cannot register ${this.name}`, `Document.on${this.name}.add`);
      // Handlers run later, outside the batch (Word calls them asynchronously).
      remove = word.addHandler(this.name, handler);
    });
    const context = this.context;
    return { context, remove: () => context.enqueue(() => remove()) };
  }
}

class DocumentProxy extends Loadable {
  constructor(context: FakeContext) {
    super(context, { changeTrackingMode: () => context.word.changeTrackingMode });
    const word = context.word;
    const slot = (minor: number, name: string) => (word.minor >= minor ? new EventSlot(context, name) : undefined);
    Object.assign(this, {
      onParagraphChanged: slot(6, 'ParagraphChanged'),
      onParagraphAdded: slot(6, 'ParagraphAdded'),
      onParagraphDeleted: slot(6, 'ParagraphDeleted'),
      onAnnotationClicked: slot(7, 'AnnotationClicked'),
      onAnnotationHovered: slot(7, 'AnnotationHovered'),
      onAnnotationPopupAction: slot(8, 'AnnotationPopupAction'),
    });
  }

  get body() {
    return { paragraphs: new ParagraphCollectionProxy(this.context) };
  }

  get changeTrackingMode(): string {
    return this.read('changeTrackingMode');
  }

  set changeTrackingMode(mode: string) {
    this.context.word.need(4, 'Document.changeTrackingMode');
    if (!TRACKING_MODES.includes(mode)) throw new OfficeError('InvalidArgument', `changeTrackingMode ${mode}`);
    this.context.enqueue(() => {
      this.context.word.changeTrackingMode = mode;
    });
  }

  getParagraphByUniqueLocalId(id: string): ParagraphProxy {
    this.context.word.need(6, 'getParagraphByUniqueLocalId');
    return new ParagraphProxy(this.context, () => this.context.word.paragraphById(id));
  }

  getAnnotationById(id: string): AnnotationProxy {
    this.context.word.need(7, 'getAnnotationById');
    return new AnnotationProxy(this.context, id);
  }

  /** Only what the add-in uses: the paragraph the cursor is in. */
  getSelection() {
    const word = this.context.word;
    const context = this.context;
    return {
      paragraphs: {
        getFirst: () =>
          new ParagraphProxy(context, () => {
            const p = word.paragraphs.find((x) => x.id === word.selection?.paragraphId) ?? word.paragraphs[0];
            if (!p) throw new OfficeError('ItemNotFound', 'no paragraph at the selection');
            return p;
          }),
      },
    };
  }
}

class ParagraphCollectionProxy {
  private loaded: ParagraphProxy[] | null = null;

  constructor(private context: FakeContext) {}

  load(props: string): this {
    const fields = props
      .split(',')
      .map((s) => s.trim().replace(/^items\/?/, ''))
      .filter(Boolean);
    const word = this.context.word;
    if (fields.includes('uniqueLocalId')) word.need(6, 'Paragraph.uniqueLocalId');
    this.context.enqueue(() => {
      const items = word.paragraphs.map((p) => {
        const proxy = new ParagraphProxy(this.context, () => p);
        return {
          proxy,
          values: proxy.snapshot(fields.length > 0 ? fields : word.minor >= 6 ? ['text', 'uniqueLocalId'] : ['text']),
        };
      });
      return () => {
        for (const { proxy, values } of items) proxy.fill(values);
        this.loaded = items.map((i) => i.proxy);
      };
    });
    return this;
  }

  get items(): ParagraphProxy[] {
    if (!this.loaded) throw new OfficeError('PropertyNotLoaded', 'ParagraphCollection.items was not loaded and synced');
    return this.loaded;
  }
}

class ParagraphProxy extends Loadable {
  constructor(
    context: FakeContext,
    private target: () => FakeParagraph,
  ) {
    super(context, { text: () => context.word.rawText(target()), uniqueLocalId: () => target().id });
  }

  snapshot(fields: string[]): Array<[string, unknown]> {
    const p = this.target();
    return fields.map((f) => [f, f === 'text' ? this.context.word.rawText(p) : p.id]);
  }

  /** Values loaded as part of a collection load. */
  fill(values: Array<[string, unknown]>): void {
    for (const [f, v] of values) this.values.set(f, v);
  }

  get text(): string {
    return this.read('text');
  }

  get uniqueLocalId(): string {
    this.context.word.need(6, 'Paragraph.uniqueLocalId');
    return this.read('uniqueLocalId');
  }

  /** WordApi 1.7: the text without tracked-deleted or hidden text unless asked for (Word.GetTextOptions). */
  getText(options: { IncludeHiddenText?: boolean; IncludeTextMarkedAsDeleted?: boolean } = {}): ClientResult<string> {
    this.context.word.need(7, 'Paragraph.getText');
    const result = new ClientResult<string>();
    this.context.enqueue(() => {
      const p = this.target();
      const keep = p.extras.filter(
        (x) =>
          (x.kind === 'deleted' && options.IncludeTextMarkedAsDeleted) ||
          (x.kind === 'hidden' && options.IncludeHiddenText),
      );
      const text = keep.length === 0 ? p.text : this.context.word.rawText({ ...p, extras: keep });
      return () => result.set(text);
    });
    return result;
  }

  search(query: string, options: { matchCase?: boolean; matchWildcards?: boolean } = {}): RangeCollectionProxy {
    if (options.matchWildcards) throw new OfficeError('InvalidArgument', 'the fake does not do wildcards');
    const ranges = new RangeCollectionProxy(this.context);
    this.context.enqueue(() => {
      // Checked when the batch runs, not when the call is queued.
      if (query.length > 255)
        throw new OfficeError('SearchStringInvalidOrTooLong', 'search text over 255 characters', 'Paragraph.search');
      const p = this.target();
      const needle = decodeSearch(query);
      const found: RangeProxy[] = [];
      if (needle !== null) {
        const { raw, visible } = this.context.word.rawMap(p);
        const fold = (s: string) => foldQuotes(options.matchCase ? s : s.toLowerCase());
        const hay = fold(raw);
        const find = fold(needle);
        for (let at = hay.indexOf(find); find && at !== -1; at = hay.indexOf(find, at + find.length)) {
          const span = visible.slice(at, at + find.length);
          if (span.some((v) => v < 0)) continue; // across a mark or a deletion: Word finds nothing there
          found.push(RangeProxy.of(this.context, this.context.word.anchor(p, span[0], span[span.length - 1] + 1)));
        }
      }
      return () => {
        ranges.found = found;
      };
    });
    return ranges;
  }

  insertAnnotations(set: { critiques: FakeAnnotation['critique'][] }): ClientResult<string[]> {
    const word = this.context.word;
    word.need(7, 'Paragraph.insertAnnotations');
    if (set.critiques.some((c) => c.popupOptions)) word.need(8, 'Critique.popupOptions');
    const result = new ClientResult<string[]>();
    this.context.enqueue(() => {
      if (word.perpetual) throw new OfficeError('GeneralException', 'GeneralException', 'Paragraph.insertAnnotations');
      const p = this.target();
      const ids = set.critiques.map((c) => {
        if (!COLOR_SCHEMES.includes(c.colorScheme))
          throw new OfficeError('InvalidArgument', `colorScheme ${c.colorScheme}`);
        if (c.start < 0 || c.length <= 0 || c.start + c.length > p.text.length)
          throw new OfficeError('InvalidArgument', `critique ${c.start}+${c.length} outside "${p.text}"`);
        const ann = {
          id: word.newId('ann'),
          anchor: word.anchor(p, c.start, c.start + c.length),
          drawn: word.drawCritiques,
          critique: structuredClone(c),
        };
        word.annotations.push(ann);
        return ann.id;
      });
      return () => result.set(ids);
    });
    return result;
  }

  getAnnotations(): AnnotationCollectionProxy {
    this.context.word.need(7, 'Paragraph.getAnnotations');
    return new AnnotationCollectionProxy(this.context, this.target);
  }
}

/** Word's search codes: ^^ caret, ^t tab, ^l manual line break, ^s non-breaking space. Null: matches nothing. */
function decodeSearch(query: string): string | null {
  // A literal tab, line break or non-breaking space in the search text finds nothing; Word wants the codes.
  if (/[\t\v\u00a0]/.test(query)) return null;
  const codes: Record<string, string> = { '^': '^', t: '\t', l: '\v', s: '\u00a0' };
  let out = '';
  for (let i = 0; i < query.length; i++) {
    if (query[i] !== '^') {
      out += query[i];
      continue;
    }
    const code = codes[query[i + 1]];
    if (code === undefined) throw new OfficeError('InvalidArgument', `the fake does not know ^${query[i + 1]}`);
    out += code;
    i++;
  }
  return out;
}

class RangeCollectionProxy {
  found: RangeProxy[] | null = null;
  private loadedItems = false;

  constructor(private context: FakeContext) {}

  load(props: string): this {
    const wantsText = props.split(',').some((s) => s.trim() === 'items/text');
    this.context.enqueue(() => () => {
      this.loadedItems = true;
      if (wantsText) for (const r of this.found ?? []) r.fillText();
    });
    return this;
  }

  get items(): RangeProxy[] {
    if (!this.loadedItems || !this.found)
      throw new OfficeError('PropertyNotLoaded', 'RangeCollection.items was not loaded and synced');
    return this.found;
  }
}

class RangeProxy extends Loadable {
  constructor(
    context: FakeContext,
    private anchorRef: () => Anchor,
  ) {
    super(context, {
      text: () => {
        const a = this.live();
        return a.paragraph.text.slice(a.start, a.end);
      },
    });
  }

  static of(context: FakeContext, anchor: Anchor): RangeProxy {
    return new RangeProxy(context, () => anchor);
  }

  fillText(): void {
    const a = this.live();
    this.values.set('text', a.paragraph.text.slice(a.start, a.end));
  }

  get text(): string {
    return this.read('text');
  }

  insertText(text: string, location: string): void {
    if (location !== 'Replace') throw new OfficeError('InvalidArgument', `the fake only replaces (got ${location})`);
    this.context.enqueue(() => {
      const a = this.live();
      this.context.word.edit(a.paragraph, a.start, a.end, text, a, 'add-in');
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const a = this.live();
      this.context.word.selection = {
        paragraphId: a.paragraph.id,
        start: a.start,
        end: a.end,
        text: a.paragraph.text.slice(a.start, a.end),
      };
    });
  }

  private live(): Anchor {
    const anchor = this.anchorRef();
    if (!anchor.valid) throw new OfficeError('InvalidReference', 'the range was removed by an edit');
    return anchor;
  }
}

class AnnotationCollectionProxy {
  private loaded: AnnotationProxy[] | null = null;

  constructor(
    private context: FakeContext,
    private target: () => FakeParagraph,
  ) {}

  load(props: string): this {
    if (props.trim() !== 'items/id')
      throw new OfficeError('InvalidArgument', `the fake loads annotations as items/id (got ${props})`);
    this.context.enqueue(() => {
      const p = this.target();
      const items = this.context.word.annotations
        .filter((a) => a.anchor.paragraph === p)
        .map((a) => new AnnotationProxy(this.context, a.id));
      return () => {
        this.loaded = items;
      };
    });
    return this;
  }

  get items(): AnnotationProxy[] {
    if (!this.loaded)
      throw new OfficeError('PropertyNotLoaded', 'AnnotationCollection.items was not loaded and synced');
    return this.loaded;
  }
}

class AnnotationProxy {
  /** Word.CritiqueAnnotation: the annotated range (https://learn.microsoft.com/javascript/api/word/word.critiqueannotation). */
  readonly critiqueAnnotation: { range: RangeProxy };

  constructor(
    private context: FakeContext,
    readonly id: string,
  ) {
    const find = () => {
      const ann = this.context.word.annotations.find((a) => a.id === this.id);
      if (!ann) throw new OfficeError('ItemNotFound', `no annotation ${this.id}`, 'Document.getAnnotationById');
      return ann.anchor;
    };
    this.critiqueAnnotation = { range: new RangeProxy(context, find) };
  }

  delete(): void {
    this.context.enqueue(() => {
      const word = this.context.word;
      if (!word.annotations.some((a) => a.id === this.id))
        throw new OfficeError('ItemNotFound', `no annotation ${this.id}`, 'Annotation.delete');
      word.annotations = word.annotations.filter((a) => a.id !== this.id);
    });
  }
}

/** A scheduler the test fires by hand: timers are tested without waiting. */
export class ManualScheduler {
  private timers: Array<{ ms: number; tick: () => void }> = [];

  after(ms: number, tick: () => void): () => void {
    const timer = { ms, tick };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Delays of the timers waiting now. */
  delays(): number[] {
    return this.timers.map((t) => t.ms);
  }

  /** Let the waiting timers (those with this delay, or all) run. */
  fire(ms?: number): void {
    const due = this.timers.filter((t) => ms === undefined || t.ms === ms);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.tick();
  }
}
