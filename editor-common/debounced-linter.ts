import type { Finding, LintSession, SessionOptions, TextChange } from '../shared-rules/src/index';
import { buildInSlices } from './sliced-build';

/** What an editor host tells the linter about its documents (D is the host's document: VS Code's, or the server's). */
export interface LinterHost<D> {
  /** The options for a document (settings merged with its config file); undefined when it is not to be checked. */
  options(doc: D): Promise<SessionOptions | undefined>;
  /** The document's whole text as the editor has it now. */
  text(doc: D): string;
  /** Its length (UTF-16 units), without building the text. */
  length(doc: D): number;
  /** Show a document's findings (for the text as it is now). */
  publish(doc: D, findings: readonly Finding[]): void;
  /** Remove what was shown for a document that is no longer checked. */
  clear(doc: D): void;
  log(message: string): void;
}

export interface LinterTiming {
  /** Typing pause before findings are published. */
  debounceMs: number;
  /** The longest findings wait while typing goes on without a pause (none when undefined). */
  maxWaitMs?: number;
  /**
   * A document's first lint is built this many characters at a time, with `pause()` between slices, so a host that
   * shares its thread (VS Code's extension host) is never held for long. Infinity (the default): in one go.
   */
  sliceChars?: number;
  pause?: () => Promise<void>;
}

interface Tracked<D> {
  key: string;
  doc: D;
  /** Undefined while the first lint (or a rebuild) runs, and while the document is not checked. */
  session?: LintSession;
  /** Edits since the session last saw the text, in order (each in the coordinates left by the previous one). */
  pending: TextChange[];
  timer?: ReturnType<typeof setTimeout>;
  /** When the oldest unpublished edit arrived (for the maximum wait). */
  firstPending?: number;
  /** Bumped on every rebuild and on close, so an older, slower build gives up. */
  generation: number;
  /** The rebuild in flight, if any: requests wait for it rather than see nothing. */
  building?: Promise<void>;
  /** The findings last published, while they still match the text. */
  published?: readonly Finding[];
}

/**
 * One engine LintSession per checked document, for any editor host: the editor's edits go to the session as the
 * engine's TextChanges (it re-lints only the paragraphs they touch), findings are published after a pause in typing
 * (or after the maximum wait), and answered at once, pending edits applied, when asked for. Settings or config
 * changes rebuild a session; a newer rebuild makes an older, slower one give up.
 */
export class DebouncedLinter<D> {
  private readonly tracked = new Map<string, Tracked<D>>();

  constructor(
    private readonly host: LinterHost<D>,
    private readonly timing: LinterTiming,
  ) {}

  isTracked(key: string): boolean {
    return this.tracked.has(key);
  }

  /** Start checking a document (replacing any earlier one under the same key); resolves once its first lint is done. */
  open(key: string, doc: D): Promise<void> {
    this.stop(key);
    const t: Tracked<D> = { key, doc, pending: [], generation: 0 };
    this.tracked.set(key, t);
    return this.rebuild(t);
  }

  /** The editor changed the document's text by these edits (in order). */
  change(key: string, changes: readonly TextChange[]): void {
    const t = this.tracked.get(key);
    if (!t || changes.length === 0 || (!t.session && !t.building)) return; // not checked: nothing to keep up with
    t.pending.push(...changes);
    t.published = undefined;
    const now = Date.now();
    t.firstPending ??= now;
    clearTimeout(t.timer);
    const maxWait = this.timing.maxWaitMs ?? Number.POSITIVE_INFINITY;
    const wait = Math.max(0, Math.min(this.timing.debounceMs, maxWait - (now - t.firstPending)));
    t.timer = setTimeout(() => this.flush(t), wait);
  }

  close(key: string): void {
    const t = this.stop(key);
    if (t) this.host.clear(t.doc);
  }

  /** Re-read the options of a document (settings or its config file changed). */
  refresh(key: string): Promise<void> {
    const t = this.tracked.get(key);
    return t ? this.rebuild(t) : Promise.resolve();
  }

  refreshAll(): Promise<void> {
    return Promise.all([...this.tracked.values()].map((t) => this.rebuild(t))).then(() => undefined);
  }

  /**
   * The findings for the text as it is now (pending edits applied and published), or undefined while the first lint
   * is still running or when the document is not checked.
   */
  current(key: string): readonly Finding[] | undefined {
    const t = this.tracked.get(key);
    if (!t) return undefined;
    if (t.session && (t.pending.length > 0 || t.timer !== undefined)) this.flush(t);
    return t.session ? t.session.findings() : t.published;
  }

  /** The findings once any rebuild in flight has finished: a request mid-rebuild waits rather than answer with nothing. */
  async settled(key: string): Promise<readonly Finding[] | undefined> {
    for (let t = this.tracked.get(key); t?.building; t = this.tracked.get(key)) {
      const building = t.building;
      await building;
      if (t.building === building) break; // no newer rebuild started meanwhile
    }
    return this.current(key);
  }

  dispose(): void {
    for (const t of this.tracked.values()) {
      clearTimeout(t.timer);
      t.generation++;
    }
    this.tracked.clear();
  }

  private stop(key: string): Tracked<D> | undefined {
    const t = this.tracked.get(key);
    if (!t) return undefined;
    clearTimeout(t.timer);
    t.generation++;
    this.tracked.delete(key);
    return t;
  }

  private flush(t: Tracked<D>): void {
    clearTimeout(t.timer);
    t.timer = undefined;
    t.firstPending = undefined;
    const session = t.session;
    if (!session || this.tracked.get(t.key) !== t) return; // a build in flight applies the pending edits when done
    try {
      const changes = t.pending;
      t.pending = [];
      if (changes.length > 0) session.update(changes);
      // A safety net that costs nothing when all is well: never publish findings for a text the editor no longer has.
      if (session.length !== this.host.length(t.doc)) {
        this.host.log(`${t.key}: the session was out of step with the document; re-reading the whole text`);
        session.setText(this.host.text(t.doc));
      }
      t.published = session.findings();
      this.host.publish(t.doc, t.published);
    } catch (e) {
      this.host.log(`could not check ${t.key}: ${(e as Error).stack ?? e}`);
    }
  }

  private rebuild(t: Tracked<D>): Promise<void> {
    const building = this.build(t);
    t.building = building;
    void building.finally(() => {
      if (t.building === building) t.building = undefined;
    });
    return building;
  }

  private async build(t: Tracked<D>): Promise<void> {
    const generation = ++t.generation;
    clearTimeout(t.timer);
    t.timer = undefined;
    try {
      const options = await this.host.options(t.doc);
      if (generation !== t.generation) return;
      // The text and the edit queue are taken together: later edits queue up behind this snapshot.
      const text = this.host.text(t.doc);
      t.pending = [];
      t.firstPending = undefined;
      t.session = undefined;
      if (!options) {
        t.published = undefined;
        this.host.clear(t.doc);
        return;
      }
      const session = await buildInSlices(
        text,
        options,
        this.timing.pause ?? (() => Promise.resolve()),
        () => generation !== t.generation,
        this.timing.sliceChars ?? Number.POSITIVE_INFINITY,
      );
      if (!session || generation !== t.generation) return;
      t.session = session;
      this.flush(t);
    } catch (e) {
      this.host.log(`could not check ${t.key}: ${(e as Error).stack ?? e}`);
    }
  }
}
