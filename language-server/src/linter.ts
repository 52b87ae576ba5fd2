import type { Diagnostic } from 'vscode-languageserver';
import { LintSession, type Finding, type SessionOptions, type TextChange } from '../../shared-rules/src/index';
import type { OpenDocument } from './documents';
import { toDiagnostic } from './diagnostics';

/** Typing pause before diagnostics are pushed, and the longest they wait while typing goes on. */
export const DEBOUNCE_MS = 50;
export const MAX_WAIT_MS = 250;

interface Tracked {
  open: OpenDocument;
  session?: LintSession;
  /** Edits since the session last saw the text, in order. */
  pending: TextChange[];
  timer?: ReturnType<typeof setTimeout>;
  /** When the oldest unpublished edit arrived (for the maximum wait). */
  firstPending?: number;
  /** Bumped on every rebuild, so an older, slower one gives up. */
  generation: number;
  building?: Promise<void>;
}

export interface LinterHost {
  /** The options for a document (settings merged with its config file); undefined when it is not to be checked. */
  optionsFor(open: OpenDocument): Promise<SessionOptions | undefined>;
  /** Push diagnostics (not called while the client pulls them). */
  publish(open: OpenDocument, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/**
 * One engine LintSession per open document: the client's incremental edits go to it as TextChanges (it re-lints only
 * the paragraphs they touch); findings are pushed after a pause, or answered at once when the client pulls.
 */
export class Linter {
  private readonly tracked = new Map<string, Tracked>();
  /** When the client pulls diagnostics, nothing is pushed. */
  push = true;

  constructor(
    private readonly host: LinterHost,
    private readonly debounceMs = DEBOUNCE_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  open(open: OpenDocument): Promise<void> {
    const t: Tracked = { open, pending: [], generation: 0 };
    this.tracked.set(open.uri, t);
    return this.rebuild(t);
  }

  change(uri: string, changes: TextChange[]): void {
    const t = this.tracked.get(uri);
    if (!t) return;
    if (!t.session) return; // the build in flight reads the document's text when it starts; later edits queue below
    t.pending.push(...changes);
    const now = Date.now();
    t.firstPending ??= now;
    clearTimeout(t.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - (now - t.firstPending)));
    t.timer = setTimeout(() => this.flush(t, true), wait);
  }

  close(uri: string): void {
    const t = this.tracked.get(uri);
    if (!t) return;
    clearTimeout(t.timer);
    t.generation++;
    this.tracked.delete(uri);
    if (this.push) this.host.publish(t.open, []);
  }

  /** Re-read options for every open document (settings or a config file changed). */
  refreshAll(): Promise<void> {
    return Promise.all([...this.tracked.values()].map((t) => this.rebuild(t))).then(() => undefined);
  }

  /** The findings for the text as the client has it now (pending edits applied), once any build has finished. */
  async findings(uri: string): Promise<Finding[] | undefined> {
    for (let t = this.tracked.get(uri); t && t.building; t = this.tracked.get(uri)) {
      const building = t.building;
      await building;
      if (t.building === building) break;
    }
    const t = this.tracked.get(uri);
    if (!t?.session) return undefined;
    this.flush(t, false);
    return t.session.findings();
  }

  /** Diagnostics for a pull request: undefined when the document is not checked. */
  async diagnostics(uri: string): Promise<Diagnostic[] | undefined> {
    const findings = await this.findings(uri);
    const t = this.tracked.get(uri);
    return findings && t ? findings.map((f) => toDiagnostic(f, t.open.positions)) : undefined;
  }

  isTracked(uri: string): boolean {
    return this.tracked.has(uri);
  }

  private flush(t: Tracked, publish: boolean): void {
    clearTimeout(t.timer);
    t.timer = undefined;
    t.firstPending = undefined;
    const session = t.session;
    if (!session || this.tracked.get(t.open.uri) !== t) return;
    try {
      const changes = t.pending;
      t.pending = [];
      if (changes.length > 0) session.update(changes);
      const text = t.open.doc.getText();
      // Costs nothing when all is well: never report findings for a text the client no longer has.
      if (session.length !== text.length) {
        this.host.log(`${t.open.uri}: the session was out of step with the document; re-reading the whole text`);
        session.setText(text);
      }
      if (publish && this.push)
        this.host.publish(
          t.open,
          session.findings().map((f) => toDiagnostic(f, t.open.positions)),
        );
    } catch (e) {
      this.host.log(`could not check ${t.open.uri}: ${(e as Error).stack ?? e}`);
    }
  }

  private rebuild(t: Tracked): Promise<void> {
    const building = this.build(t);
    t.building = building;
    void building.finally(() => {
      if (t.building === building) t.building = undefined;
    });
    return building;
  }

  private async build(t: Tracked): Promise<void> {
    const generation = ++t.generation;
    clearTimeout(t.timer);
    try {
      const options = await this.host.optionsFor(t.open);
      if (generation !== t.generation) return;
      t.pending = [];
      if (!options) {
        t.session = undefined;
        if (this.push) this.host.publish(t.open, []);
        return;
      }
      // A server has its own process: one synchronous lint of the whole text (about 30 ms for 1 MB) blocks nobody.
      t.session = new LintSession(t.open.doc.getText(), options);
      this.flush(t, true);
    } catch (e) {
      this.host.log(`could not check ${t.open.uri}: ${(e as Error).stack ?? e}`);
    }
  }

  dispose(): void {
    for (const t of this.tracked.values()) clearTimeout(t.timer);
    this.tracked.clear();
  }
}
