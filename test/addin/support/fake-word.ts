// A small, strict stand-in for the parts of Word's object model the add-in uses. office-addin-mock covers plain
// objects well but cannot load collection items ("items/text") or sync objects returned by methods (search,
// getParagraphByUniqueLocalId), which is most of what a paragraph checker does; see
// /work/shared/research/hosts.md part B. This fake keeps Office.js's batch semantics instead:
//  - method calls and property writes are queued and run in order at context.sync();
//  - a property is readable only after load() and a sync, and holds the value it had at that point of the batch;
//  - a proxy whose object is gone fails the sync with ItemNotFound (earlier commands in the batch still ran);
//  - APIs above the fake's WordApi version throw, so feature detection is really exercised.
// Ranges and critiques are anchored to paragraph offsets and move with edits like Word's do.

type Op = () => void;

export class OfficeError extends Error {
  constructor(public code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

interface Anchor {
  paragraph: FakeParagraph;
  start: number;
  end: number;
  valid: boolean;
}

export interface FakeParagraph {
  id: string;
  text: string;
}

export interface FakeAnnotation {
  id: string;
  anchor: Anchor;
  critique: { start: number; length: number; colorScheme: string; popupOptions?: { suggestions: string[]; titleResourceId: string; subtitleResourceId: string; brandingTextResourceId: string } };
}

export interface FakeEdit {
  paragraphId: string;
  before: string;
  inserted: string;
  tracked: boolean;
}

const COLOR_SCHEMES = ['Red', 'Green', 'Blue', 'Lavender', 'Berry'];
const TRACKING_MODES = ['Off', 'TrackAll', 'TrackMineOnly'];

export class FakeWord {
  paragraphs: FakeParagraph[];
  annotations: FakeAnnotation[] = [];
  changeTrackingMode = 'Off';
  selection: { paragraphId: string; start: number; end: number; text: string } | null = null;
  /** Every insertText the add-in made, in order. */
  edits: FakeEdit[] = [];
  syncs = 0;
  /** Refuse event registration although the requirement set is reported (seen on some hosts). */
  refuseEvents = false;
  private handlers = new Map<string, Array<(args: unknown) => Promise<unknown> | unknown>>();
  private anchors: Anchor[] = [];
  private nextId = 1;

  constructor(texts: string[], public version = 1.8) {
    this.paragraphs = texts.map((text) => ({ id: this.newId('para'), text }));
  }

  /** Office.context.requirements.isSetSupported for this fake. */
  isSetSupported = (name: string, version: string): boolean => name === 'WordApi' && Number(version.split('.')[1]) <= this.minor;

  /** Word.run: a fresh context; whatever is still queued when the batch returns is synced, as Office.js does. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pending()) await context.sync();
    return result;
  };

  get minor(): number {
    return Math.round((this.version - 1) * 10);
  }

  texts(): string[] {
    return this.paragraphs.map((p) => p.text);
  }

  handlerCount(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }

  // ---- what the writer does (events are fired only where Word has them) ----

  /** The writer changes a paragraph's text. Fires onParagraphChanged unless `silent` (an event not delivered yet). */
  async type(index: number, text: string, silent = false): Promise<void> {
    const p = this.paragraphs[index];
    const old = p.text;
    let a = 0;
    while (a < old.length && a < text.length && old[a] === text[a]) a++;
    let b = 0;
    while (b < old.length - a && b < text.length - a && old[old.length - 1 - b] === text[text.length - 1 - b]) b++;
    this.replaceText(p, a, old.length - b, text.slice(a, text.length - b));
    if (!silent) await this.fire('ParagraphChanged', { uniqueLocalIds: [p.id], source: 'Local', type: 'ParagraphChanged' });
  }

  async addParagraph(at: number, text: string): Promise<FakeParagraph> {
    const p = { id: this.newId('para'), text };
    this.paragraphs.splice(at, 0, p);
    await this.fire('ParagraphAdded', { uniqueLocalIds: [p.id], source: 'Local', type: 'ParagraphAdded' });
    return p;
  }

  async deleteParagraph(index: number): Promise<void> {
    const [p] = this.paragraphs.splice(index, 1);
    for (const a of this.anchors) if (a.paragraph === p) a.valid = false;
    this.annotations = this.annotations.filter((a) => a.anchor.paragraph !== p);
    await this.fire('ParagraphDeleted', { uniqueLocalIds: [p.id], source: 'Local', type: 'ParagraphDeleted' });
  }

  async clickAnnotation(id: string): Promise<void> {
    await this.fire('AnnotationClicked', { id });
  }

  async hoverAnnotation(id: string): Promise<void> {
    await this.fire('AnnotationHovered', { id });
  }

  /** The writer picks a suggestion in a critique popup. `wordApplies`: Word puts it in before telling the add-in. */
  async acceptSuggestion(id: string, suggestion: string, wordApplies = false): Promise<void> {
    if (wordApplies) {
      const ann = this.annotations.find((a) => a.id === id)!;
      this.replaceText(ann.anchor.paragraph, ann.anchor.start, ann.anchor.end, suggestion);
      await this.fire('ParagraphChanged', { uniqueLocalIds: [ann.anchor.paragraph.id], source: 'Local', type: 'ParagraphChanged' });
    }
    await this.fire('AnnotationPopupAction', { id, action: 'Accept', critiqueSuggestion: suggestion });
  }

  async rejectSuggestion(id: string): Promise<void> {
    await this.fire('AnnotationPopupAction', { id, action: 'Reject', critiqueSuggestion: '' });
  }

  /** The critiques on a paragraph, with the text each one covers now. */
  annotationsOn(index: number): Array<FakeAnnotation['critique'] & { id: string; covers: string }> {
    const p = this.paragraphs[index];
    return this.annotations
      .filter((a) => a.anchor.paragraph === p)
      .sort((x, y) => x.anchor.start - y.anchor.start)
      .map((a) => ({ ...a.critique, id: a.id, covers: p.text.slice(a.anchor.start, a.anchor.end) }));
  }

  // ---- internals used by the proxies ----

  need(minor: number, api: string): void {
    if (this.minor < minor) throw new OfficeError('ApiNotFound', `${api} needs WordApi 1.${minor}; this Word has ${this.version}`);
  }

  paragraphById(id: string): FakeParagraph {
    const p = this.paragraphs.find((x) => x.id === id);
    if (!p) throw new OfficeError('ItemNotFound', `no paragraph ${id}`);
    return p;
  }

  anchor(paragraph: FakeParagraph, start: number, end: number): Anchor {
    const a = { paragraph, start, end, valid: true };
    this.anchors.push(a);
    return a;
  }

  replaceText(p: FakeParagraph, start: number, end: number, text: string, self?: Anchor): void {
    const delta = text.length - (end - start);
    p.text = p.text.slice(0, start) + text + p.text.slice(end);
    for (const a of this.anchors) {
      if (a.paragraph !== p || !a.valid) continue;
      if (a === self) a.end = start + text.length;
      else if (a.start >= end) { a.start += delta; a.end += delta; }
      else if (a.end > start) a.valid = false;
    }
    // Word drops a critique whose words were edited.
    this.annotations = this.annotations.filter((x) => x.anchor.valid);
  }

  addHandler(event: string, handler: (args: unknown) => unknown): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () => this.handlers.set(event, (this.handlers.get(event) ?? []).filter((h) => h !== handler));
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
    for (const op of ops) op(); // the first failure rejects the sync; later commands don't run
  }
}

/** Loaded values appear only when the queued load runs; reading before that throws like Office.js. */
class Loadable {
  protected values = new Map<string, unknown>();

  constructor(protected context: FakeContext, private scalars: Record<string, () => unknown>) {}

  load(props?: string | string[]): this {
    const names = (Array.isArray(props) ? props : (props ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    for (const name of names) if (!(name in this.scalars)) throw new OfficeError('InvalidArgument', `cannot load '${name}' on ${this.constructor.name}`);
    this.context.enqueue(() => {
      for (const name of names.length > 0 ? names : Object.keys(this.scalars)) this.values.set(name, this.scalars[name]());
    });
    return this;
  }

  protected read<T>(name: string): T {
    if (!this.values.has(name)) throw new OfficeError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded and synced`);
    return this.values.get(name) as T;
  }
}

class ClientResult<T> {
  private done = false;
  private result!: T;
  set(v: T) { this.result = v; this.done = true; }
  get value(): T {
    if (!this.done) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value read before sync');
    return this.result;
  }
}

class EventSlot {
  constructor(private context: FakeContext, private name: string) {}

  add(handler: (args: unknown) => unknown) {
    const word = this.context.word;
    let remove: () => void = () => undefined;
    this.context.enqueue(() => {
      if (word.refuseEvents) throw new OfficeError('GeneralException', `cannot register ${this.name}`);
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
    this.context.enqueue(() => { this.context.word.changeTrackingMode = mode; });
  }

  getParagraphByUniqueLocalId(id: string): ParagraphProxy {
    this.context.word.need(6, 'getParagraphByUniqueLocalId');
    return new ParagraphProxy(this.context, () => this.context.word.paragraphById(id));
  }

  getAnnotationById(id: string): AnnotationProxy {
    this.context.word.need(7, 'getAnnotationById');
    return new AnnotationProxy(this.context, id);
  }
}

class ParagraphCollectionProxy {
  private loaded: ParagraphProxy[] | null = null;

  constructor(private context: FakeContext) {}

  load(props: string): this {
    const fields = props.split(',').map((s) => s.trim().replace(/^items\/?/, '')).filter(Boolean);
    const word = this.context.word;
    if (fields.includes('uniqueLocalId')) word.need(6, 'Paragraph.uniqueLocalId');
    this.context.enqueue(() => {
      this.loaded = word.paragraphs.map((p) => {
        const proxy = new ParagraphProxy(this.context, () => p);
        proxy.fill(fields.length > 0 ? fields : word.minor >= 6 ? ['text', 'uniqueLocalId'] : ['text']);
        return proxy;
      });
    });
    return this;
  }

  get items(): ParagraphProxy[] {
    if (!this.loaded) throw new OfficeError('PropertyNotLoaded', 'ParagraphCollection.items was not loaded and synced');
    return this.loaded;
  }
}

class ParagraphProxy extends Loadable {
  constructor(context: FakeContext, private target: () => FakeParagraph) {
    super(context, { text: () => target().text, uniqueLocalId: () => target().id });
  }

  /** Values loaded as part of a collection load. */
  fill(fields: string[]): void {
    for (const f of fields) this.values.set(f, f === 'text' ? this.target().text : this.target().id);
  }

  get text(): string {
    return this.read('text');
  }

  get uniqueLocalId(): string {
    this.context.word.need(6, 'Paragraph.uniqueLocalId');
    return this.read('uniqueLocalId');
  }

  search(query: string, options: { matchCase?: boolean; matchWildcards?: boolean } = {}): RangeCollectionProxy {
    if (query.length > 255) throw new OfficeError('SearchStringInvalidOrTooLong', 'search text over 255 characters');
    if (options.matchWildcards) throw new OfficeError('InvalidArgument', 'the fake does not do wildcards');
    const ranges = new RangeCollectionProxy(this.context);
    this.context.enqueue(() => {
      const p = this.target();
      // Word's own escape: '^^' is a literal caret. Other ^ codes are not used by the add-in.
      const needle = query.replace(/\^\^/g, '^');
      const hay = options.matchCase ? p.text : p.text.toLowerCase();
      const find = options.matchCase ? needle : needle.toLowerCase();
      const found: RangeProxy[] = [];
      for (let at = hay.indexOf(find); find && at !== -1; at = hay.indexOf(find, at + find.length)) {
        found.push(new RangeProxy(this.context, this.context.word.anchor(p, at, at + find.length)));
      }
      ranges.found = found;
    });
    return ranges;
  }

  insertAnnotations(set: { critiques: FakeAnnotation['critique'][] }): ClientResult<string[]> {
    const word = this.context.word;
    word.need(7, 'Paragraph.insertAnnotations');
    if (set.critiques.some((c) => c.popupOptions)) word.need(8, 'Critique.popupOptions');
    const result = new ClientResult<string[]>();
    this.context.enqueue(() => {
      const p = this.target();
      const ids = set.critiques.map((c) => {
        if (!COLOR_SCHEMES.includes(c.colorScheme)) throw new OfficeError('InvalidArgument', `colorScheme ${c.colorScheme}`);
        if (c.start < 0 || c.length <= 0 || c.start + c.length > p.text.length) throw new OfficeError('InvalidArgument', `critique ${c.start}+${c.length} outside "${p.text}"`);
        const ann = { id: word.newId('ann'), anchor: word.anchor(p, c.start, c.start + c.length), critique: structuredClone(c) };
        word.annotations.push(ann);
        return ann.id;
      });
      result.set(ids);
    });
    return result;
  }

  getAnnotations(): AnnotationCollectionProxy {
    this.context.word.need(7, 'Paragraph.getAnnotations');
    return new AnnotationCollectionProxy(this.context, this.target);
  }
}

class RangeCollectionProxy {
  found: RangeProxy[] | null = null;
  private loadedItems = false;

  constructor(private context: FakeContext) {}

  load(props: string): this {
    const wantsText = props.split(',').some((s) => s.trim() === 'items/text');
    this.context.enqueue(() => {
      this.loadedItems = true;
      if (wantsText) for (const r of this.found ?? []) r.fillText();
    });
    return this;
  }

  get items(): RangeProxy[] {
    if (!this.loadedItems || !this.found) throw new OfficeError('PropertyNotLoaded', 'RangeCollection.items was not loaded and synced');
    return this.found;
  }
}

class RangeProxy extends Loadable {
  constructor(context: FakeContext, private anchorRef: Anchor) {
    super(context, { text: () => anchorRef.paragraph.text.slice(anchorRef.start, anchorRef.end) });
  }

  fillText(): void {
    this.values.set('text', this.live().paragraph.text.slice(this.anchorRef.start, this.anchorRef.end));
  }

  get text(): string {
    return this.read('text');
  }

  insertText(text: string, location: string): void {
    if (location !== 'Replace') throw new OfficeError('InvalidArgument', `the fake only replaces (got ${location})`);
    this.context.enqueue(() => {
      const a = this.live();
      const word = this.context.word;
      word.edits.push({ paragraphId: a.paragraph.id, before: a.paragraph.text.slice(a.start, a.end), inserted: text, tracked: word.changeTrackingMode !== 'Off' });
      word.replaceText(a.paragraph, a.start, a.end, text, a);
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const a = this.live();
      this.context.word.selection = { paragraphId: a.paragraph.id, start: a.start, end: a.end, text: a.paragraph.text.slice(a.start, a.end) };
    });
  }

  private live(): Anchor {
    if (!this.anchorRef.valid) throw new OfficeError('InvalidReference', 'the range was removed by an edit');
    return this.anchorRef;
  }
}

class AnnotationCollectionProxy {
  private loaded: AnnotationProxy[] | null = null;

  constructor(private context: FakeContext, private target: () => FakeParagraph) {}

  load(props: string): this {
    if (props.trim() !== 'items/id') throw new OfficeError('InvalidArgument', `the fake loads annotations as items/id (got ${props})`);
    this.context.enqueue(() => {
      const p = this.target();
      this.loaded = this.context.word.annotations.filter((a) => a.anchor.paragraph === p).map((a) => new AnnotationProxy(this.context, a.id));
    });
    return this;
  }

  get items(): AnnotationProxy[] {
    if (!this.loaded) throw new OfficeError('PropertyNotLoaded', 'AnnotationCollection.items was not loaded and synced');
    return this.loaded;
  }
}

class AnnotationProxy {
  constructor(private context: FakeContext, readonly id: string) {}

  delete(): void {
    this.context.enqueue(() => {
      const word = this.context.word;
      if (!word.annotations.some((a) => a.id === this.id)) throw new OfficeError('ItemNotFound', `no annotation ${this.id}`);
      word.annotations = word.annotations.filter((a) => a.id !== this.id);
    });
  }
}

/** A scheduler the test ticks by hand: polling is tested without waiting. */
export class ManualScheduler {
  interval: number | null = null;
  private tick: (() => void) | null = null;
  stopped = false;

  every(ms: number, tick: () => void): () => void {
    this.interval = ms;
    this.tick = tick;
    return () => { this.stopped = true; this.tick = null; };
  }

  fire(): void {
    this.tick?.();
  }
}
