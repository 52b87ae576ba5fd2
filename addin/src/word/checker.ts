/// <reference types="office-js" />
// The Word side of the pane: keeps the paragraph cache in step with the document, keeps the inline critiques in
// step with the cache, and carries out the task pane's actions. Every Word call goes through one queue, so a burst
// of change events, a poll and a click never interleave their batches.
import { isSlotRewrite } from '../../../shared-rules/src/index';
import type { Finding } from '../../../shared-rules/src/index';
import { loadAnnotations, replaceAnnotations } from './annotations';
import type { Capabilities } from './capabilities';
import { locateParagraphs, readParagraphs, readParagraphsById, type WordRun } from './document';
import { watchDocument, type Scheduler, type Watch } from './events';
import { locatedId, type Located } from './located';
import { ParagraphCache, type ParagraphEntry, type PieceLinter } from './paragraph-cache';
import { pickOccurrence, searchFinding } from './ranges';

export interface CheckerHost {
  run: WordRun;
  caps: Capabilities;
  scheduler: Scheduler;
}

export interface CheckerView {
  /** The findings to list, in document order. */
  show(items: Located[]): void;
  /** Bring one finding into view (an inline critique was clicked or hovered). */
  reveal(item: Located, how: 'click' | 'hover'): void;
  status(message: string, kind?: 'info' | 'error'): void;
}

export type Linter = PieceLinter;

type Outcome = 'done' | 'stale';

const RETIRED_LIMIT = 500;

export class WordChecker {
  trackChanges = false;
  private cache: ParagraphCache;
  private ignored = new Set<string>();
  /** Inline critique id → the finding it shows, and per paragraph the ids this add-in put there. */
  private byAnnotation = new Map<string, Located>();
  private annotationIds = new Map<string, string[]>();
  /** Critiques replaced by a re-lint, remembered a while: a popup action may arrive after the edit it caused. */
  private retired = new Map<string, Located>();
  private tail: Promise<void> = Promise.resolve();
  private pendingIds = new Set<string>();
  private scanQueued = false;
  private watch: Watch | null = null;

  constructor(private host: CheckerHost, private view: CheckerView, lint: Linter) {
    this.cache = new ParagraphCache(lint);
  }

  /** First lint of every paragraph, then follow the edits. */
  async start(): Promise<'events' | 'polling'> {
    await this.enqueue(() => this.fullScan());
    this.watch = await watchDocument(this.host.run, this.host.caps, this.host.scheduler, {
      changed: (ids) => void this.paragraphsChanged(ids),
      // An added paragraph needs its place in the list: read the order again (unchanged texts are not re-linted).
      added: () => void this.queueScan(),
      deleted: (ids) => void this.enqueue(async () => this.forget(ids)),
      poll: () => this.queueScan(),
      annotationClicked: (id) => this.annotationEvent(id, 'click'),
      annotationHovered: (id) => this.annotationEvent(id, 'hover'),
      annotationPopupAction: (args) => this.popupAction(args),
      error: (message, cause) => this.view.status(`${message} (${errorText(cause)})`, 'error'),
    });
    return this.watch.mode;
  }

  async stop(): Promise<void> {
    await this.watch?.stop();
    this.watch = null;
  }

  /** Resolves once every queued Word batch has finished. */
  async whenIdle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  /** The findings shown now (ignored ones left out), in document order. */
  items(): Located[] {
    const out: Located[] = [];
    for (const entry of this.cache.all()) for (const item of this.visible(entry)) out.push(item);
    return out;
  }

  /** New rules or options: every paragraph is linted again. */
  setLinter(lint: Linter): Promise<void> {
    return this.enqueue(async () => {
      const entries = this.cache.relintAll(lint);
      await this.refreshAnnotations(entries);
      this.publish();
    });
  }

  paragraphsChanged(ids: string[]): Promise<void> {
    for (const id of ids) this.pendingIds.add(id);
    return this.enqueue(() => this.readPending());
  }

  queueScan(): Promise<void> {
    if (this.scanQueued) return this.tail;
    this.scanQueued = true;
    return this.enqueue(() => {
      this.scanQueued = false;
      return this.fullScan();
    });
  }

  // ---- task pane and popup actions ----

  select(item: Located): Promise<void> {
    return this.enqueue(async () => {
      const outcome = await this.host.run(async (context) => {
        const [paragraph] = await locateParagraphs(context, [item.key]);
        if (!(await this.unchanged(context, paragraph, item))) return 'stale' as Outcome;
        const ranges = searchFinding(paragraph!, item.finding);
        if (!ranges) return 'stale';
        await context.sync();
        const range = pickOccurrence(ranges, item.text, item.finding);
        if (!range) return 'stale';
        range.select();
        await context.sync();
        return 'done';
      });
      if (outcome === 'stale') await this.recheck(item.key, 'That paragraph changed since it was checked; it has been checked again.');
    });
  }

  /** Replace the finding's words (and only them) with `suggestion`, unless the paragraph changed since the lint. */
  rewrite(item: Located, suggestion: string): Promise<void> {
    return this.enqueue(async () => {
      const result = await this.host.run(async (context) => {
        const [paragraph] = await locateParagraphs(context, [item.key]);
        if (!(await this.unchanged(context, paragraph, item))) return { applied: false, live: readable(paragraph) };
        const ranges = searchFinding(paragraph!, item.finding);
        if (!ranges) return { applied: false, live: null };
        const track = this.beginTracking(context);
        await context.sync();
        const range = pickOccurrence(ranges, item.text, item.finding);
        if (!range) return { applied: false, live: null };
        track.on();
        range.insertText(suggestion, 'Replace');
        track.restore();
        paragraph!.load('text');
        await context.sync();
        return { applied: true, live: paragraph!.text };
      });
      const { start, end } = item.finding;
      // Word puts a popup suggestion in by itself on some hosts: that is the edit asked for, not a conflict.
      const done = result.applied || result.live === item.text.slice(0, start) + suggestion + item.text.slice(end);
      if (!done || result.live === null) return this.recheck(item.key, 'That paragraph changed since it was checked, so nothing was replaced; it has been checked again.');
      await this.applyTexts([{ key: item.key, text: result.live }]);
      this.view.status(`Replaced “${item.finding.text}” with “${suggestion}”${result.applied && this.tracking() ? ' as a tracked change' : ''}.`);
    });
  }

  /** Hide a finding until its paragraph's text changes (and take its underline away). */
  ignore(item: Located): Promise<void> {
    return this.enqueue(async () => {
      this.ignored.add(locatedId(item));
      const id = [...this.byAnnotation].find(([, located]) => locatedId(located) === locatedId(item))?.[0];
      if (id) {
        this.byAnnotation.delete(id);
        await this.host.run(async (context) => {
          context.document.getAnnotationById(id).delete();
          await context.sync();
        }).catch(() => undefined); // already gone with an edit: nothing left to hide
      }
      this.publish();
    });
  }

  /** Apply each finding's first ready rewrite to every finding of this rule; changed paragraphs are re-linted instead. */
  replaceAll(item: Located): Promise<void> {
    const ruleId = item.finding.ruleId;
    return this.enqueue(async () => {
      const targets = this.cache.all().map((e) => ({ entry: e, items: nonOverlapping(this.visible(e).filter((i) => i.finding.ruleId === ruleId)) }))
        .filter((t) => t.items.length > 0);
      if (targets.length === 0) return;
      let replaced = 0, needWords = 0;
      const stale: string[] = [];
      const texts = await this.host.run(async (context) => {
        const paragraphs = await locateParagraphs(context, targets.map((t) => t.entry.key));
        if (!(await syncs(context))) return null; // a paragraph went away: nothing was touched
        const plan: Array<{ paragraph: Word.Paragraph; item: Located; ranges: Word.RangeCollection; suggestion: string }> = [];
        targets.forEach((t, i) => {
          const paragraph = paragraphs[i];
          if (!paragraph || paragraph.text !== t.entry.text) return void stale.push(t.entry.key);
          for (const target of t.items) {
            const suggestion = target.finding.suggestions.find((s) => !isSlotRewrite(s));
            const ranges = suggestion ? searchFinding(paragraph, target.finding) : null;
            if (!suggestion || !ranges) { needWords++; continue; }
            plan.push({ paragraph, item: target, ranges, suggestion });
          }
        });
        const track = this.beginTracking(context);
        await context.sync();
        const touched = new Set<Word.Paragraph>();
        const chosen = plan.map((p) => ({ ...p, range: pickOccurrence(p.ranges, p.item.text, p.item.finding) }));
        track.on();
        for (const c of chosen) {
          if (!c.range) { stale.push(c.item.key); continue; }
          c.range.insertText(c.suggestion, 'Replace');
          touched.add(c.paragraph);
          replaced++;
        }
        track.restore();
        const read = [...touched].map((p) => {
          p.load('text');
          return { p, key: chosen.find((c) => c.paragraph === p)!.item.key };
        });
        await context.sync();
        return read.map(({ p, key }) => ({ key, text: p.text }));
      });
      if (!texts) {
        this.view.status('The document changed while replacing, so nothing was replaced; it has been checked again.');
        return this.fullScan();
      }
      await this.applyTexts(texts);
      for (const key of new Set(stale)) if (!texts.some((t) => t.key === key)) await this.recheck(key, '');
      const notes = [
        `Replaced ${replaced} of “${item.finding.text}” (${ruleId})${this.tracking() ? ' as tracked changes' : ''}.`,
        needWords ? `${needWords} need your own words.` : '',
        stale.length ? 'Some paragraphs changed since they were checked; they were checked again instead.' : '',
      ];
      this.view.status(notes.filter(Boolean).join(' '));
    });
  }

  // ---- annotation events ----

  private annotationEvent(id: string, how: 'click' | 'hover'): void {
    const item = this.byAnnotation.get(id);
    if (item) this.view.reveal(item, how);
  }

  private popupAction(args: Word.AnnotationPopupActionEventArgs): void {
    const item = this.byAnnotation.get(args.id) ?? this.retired.get(args.id);
    if (!item) return;
    if (/accept/i.test(args.action) && args.critiqueSuggestion) void this.rewrite(item, args.critiqueSuggestion);
    else if (/reject|ignore|dismiss/i.test(args.action)) void this.ignore(item);
  }

  // ---- keeping the cache and the critiques in step ----

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.tail.then(task).catch((e) => this.view.status(`CareLint could not work with the document: ${errorText(e)}`, 'error'));
    this.tail = next;
    return next;
  }

  private async fullScan(): Promise<void> {
    const paragraphs = await this.host.run((context) => readParagraphs(context, this.host.caps));
    const { changed, removed } = this.cache.replaceAll(paragraphs);
    this.dropAnnotations(removed);
    await this.refreshAnnotations(changed);
    this.publish();
  }

  private async readPending(): Promise<void> {
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    if (ids.length === 0) return;
    const texts = await this.host.run((context) => readParagraphsById(context, ids));
    await this.forget(ids.filter((_, i) => texts[i] === null), false);
    await this.applyTexts(texts.filter((t): t is { key: string; text: string } => t !== null));
  }

  /** New texts read from Word: re-lint what changed, refresh its critiques, update the list. */
  private async applyTexts(texts: Array<{ key: string; text: string }>): Promise<void> {
    const changed = new Map<string, ParagraphEntry>();
    for (const t of texts) for (const e of this.cache.update(t)) changed.set(e.key, e);
    await this.refreshAnnotations([...changed.values()]);
    this.publish();
  }

  /** The paragraph changed under an action: lint it again rather than touch text the finding no longer describes. */
  private async recheck(key: string, message: string): Promise<void> {
    if (message) this.view.status(message);
    if (key.startsWith('#')) return this.fullScan();
    this.pendingIds.add(key);
    return this.readPending();
  }

  /** Paragraphs gone from Word: drop their critiques, and re-check those below whose section came from them. */
  private async forget(ids: string[], publish = true): Promise<void> {
    const { removed, changed } = this.cache.remove(ids);
    this.dropAnnotations(removed);
    if (changed.length > 0) await this.refreshAnnotations(changed);
    if (publish && removed.length > 0) this.publish();
  }

  private dropAnnotations(keys: string[]): void {
    for (const key of keys) {
      for (const id of this.annotationIds.get(key) ?? []) {
        const item = this.byAnnotation.get(id);
        if (item) this.retired.set(id, item);
        this.byAnnotation.delete(id);
      }
      for (const id of this.retired.keys()) {
        if (this.retired.size <= RETIRED_LIMIT) break;
        this.retired.delete(id);
      }
      this.annotationIds.delete(key);
    }
  }

  private async refreshAnnotations(entries: ParagraphEntry[]): Promise<void> {
    if (!this.host.caps.annotations || entries.length === 0) return;
    try {
      await this.annotate(entries);
    } catch {
      // One paragraph that went away fails the whole batch; do the others one at a time.
      for (const entry of entries) await this.annotate([entry]).catch(() => undefined);
    }
  }

  private async annotate(entries: ParagraphEntry[]): Promise<void> {
    const popup = this.host.caps.popup;
    const results = await this.host.run(async (context) => {
      const paragraphs = await locateParagraphs(context, entries.map((e) => e.key));
      const live = paragraphs.map((p, i) => ({ p, entry: entries[i] })).filter((x): x is { p: Word.Paragraph; entry: ParagraphEntry } => x.p !== null);
      const old = loadAnnotations(live.map((x) => x.p));
      await context.sync();
      const queued = live.map((x, i) => {
        // Offsets are only right for the text they were linted from; a newer text gets its own event or poll.
        const items = x.p.text === x.entry.text ? this.visible(x.entry) : [];
        return { key: x.entry.key, items, ids: replaceAnnotations(x.p, old[i], items.map((it) => it.finding), popup) };
      });
      await context.sync();
      return queued.map((q) => ({ key: q.key, items: q.items, ids: q.ids?.value ?? [] }));
    });
    for (const r of results) {
      this.dropAnnotations([r.key]);
      this.annotationIds.set(r.key, r.ids);
      r.ids.forEach((id, i) => this.byAnnotation.set(id, r.items[i]));
    }
  }

  private publish(): void {
    this.view.show(this.items());
  }

  private visible(entry: ParagraphEntry): Located[] {
    return entry.findings
      .map((finding) => ({ key: entry.key, text: entry.text, finding }))
      .filter((item) => !this.ignored.has(locatedId(item)));
  }

  private async unchanged(context: Word.RequestContext, paragraph: Word.Paragraph | null, item: Located): Promise<boolean> {
    return paragraph !== null && (await syncs(context)) && paragraph.text === item.text;
  }

  private tracking(): boolean {
    return this.trackChanges && this.host.caps.trackChanges;
  }

  /** Turn change tracking on around our own edit only, and put the writer's setting back afterwards. */
  private beginTracking(context: Word.RequestContext): { on(): void; restore(): void } {
    if (!this.tracking()) return { on() {}, restore() {} };
    const doc = context.document;
    doc.load('changeTrackingMode');
    let before: string | null = null;
    return {
      on() {
        before = doc.changeTrackingMode;
        if (before === 'Off') doc.changeTrackingMode = 'TrackAll' as Word.ChangeTrackingMode;
      },
      restore() {
        if (before === 'Off') doc.changeTrackingMode = 'Off' as Word.ChangeTrackingMode;
      },
    };
  }
}

/** Findings of one rule in one paragraph that can all be replaced in the same pass. */
function nonOverlapping(items: Located[]): Located[] {
  const out: Located[] = [];
  let end = -1;
  for (const item of [...items].sort((a, b) => a.finding.start - b.finding.start)) {
    if (item.finding.start < end) continue;
    out.push(item);
    end = item.finding.end;
  }
  return out;
}

/** A paragraph's loaded text, or null where it could not be read (gone). */
function readable(paragraph: Word.Paragraph | null): string | null {
  try {
    return paragraph ? paragraph.text : null;
  } catch {
    return null;
  }
}

/** Sync, reporting ItemNotFound (a paragraph id that no longer resolves) as false. */
async function syncs(context: Word.RequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
