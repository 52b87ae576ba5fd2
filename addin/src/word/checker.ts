/// <reference types="office-js" />
// The Word side of the pane: keeps the paragraph cache in step with the document, keeps the inline critiques in
// step with the cache, and carries out the task pane's actions. Every Word call goes through one queue, so a burst
// of change events, a poll and a click never interleave their batches. No work loops round trips over paragraphs:
// each step is a fixed number of batches whatever the document's length (bench/word.mjs counts them).
import { replaceAnnotations } from './annotations';
import type { Capabilities } from './capabilities';
import { isIndexKey, readAll, readAtSelection, readKeys, type ReadParagraph, type WordRun } from './document';
import {
  alwaysVisible,
  CATCH_UP_MS,
  Pacer,
  POLL_INTERVAL_MS,
  POLL_MAX_MS,
  queueGroup,
  REDRAW_MS,
  removeHandles,
  type DocumentListener,
  type EventGroup,
  type Handle,
  type Scheduler,
  type Visibility,
} from './events';
import { CritiqueIndex } from './critique-index';
import { locatedId, type Located } from './located';
import { ParagraphCache, type ParagraphEntry, type PieceLinter } from './paragraph-cache';
import { autoRewriteOf } from './suggestions';
import { insertAll, locateAll, type Edit, type Target } from './targets';

export interface CheckerHost {
  run: WordRun;
  caps: Capabilities;
  scheduler: Scheduler;
  /** Whether the pane is shown; polling and catch-up pause while it is hidden. */
  visibility?: Visibility;
  /** Office's DocumentSelectionChanged (common API); returns a function that removes the handler. */
  onSelectionChanged?(listener: () => void): (() => void) | Promise<() => void>;
}

export interface CheckerView {
  /** The findings to list, in document order. */
  show(items: Located[]): void;
  /** Bring one finding into view (an inline critique was clicked or hovered). */
  reveal(item: Located, how: 'click' | 'hover'): void;
  status(message: string, kind?: 'info' | 'error'): void;
  /** Underlines are off for this session (Word refused them); the pane says so where it describes them. */
  underlinesOff?(message: string): void;
}

export type Linter = PieceLinter;

export const UNDERLINES_REFUSED =
  'Word refused the inline underlines (perpetual-licence Office such as Office 2021 does), so they are off for this session. Every finding is listed here instead.';

export class WordChecker {
  trackChanges = false;
  mode: 'events' | 'polling' = 'polling';
  private underlines: boolean;
  private cache: ParagraphCache;
  private ignored = new Set<string>();
  private critiques = new CritiqueIndex();
  private tail: Promise<void> = Promise.resolve();
  private pendingIds = new Set<string>();
  private scanQueued = false;
  private selectionQueued = false;
  private handles: Handle[] = [];
  private groups = new Set<EventGroup>();
  private pacer: Pacer | null = null;
  private cleanups: Array<() => void> = [];
  private redrawn = false;
  private listener: DocumentListener = {
    changed: (ids) => void this.paragraphsChanged(ids),
    // An added paragraph needs its place in the list: read the order again (unchanged texts are not re-linted).
    added: () => void this.queueScan(),
    deleted: (ids) => void this.enqueue(() => this.run((context) => this.forget(context, ids))),
    annotationClicked: (id) => this.annotationEvent(id, 'click'),
    annotationHovered: (id) => this.annotationEvent(id, 'hover'),
    annotationPopupAction: (args) => this.popupAction(args),
  };

  constructor(
    private host: CheckerHost,
    private view: CheckerView,
    lint: Linter,
  ) {
    this.cache = new ParagraphCache(lint);
    this.underlines = host.caps.annotations;
  }

  get visibility(): Visibility {
    return this.host.visibility ?? alwaysVisible;
  }

  /** First lint of every paragraph (registering the event groups in the same batches), then follow the edits. */
  async start(): Promise<'events' | 'polling'> {
    await this.enqueue(async () => {
      await this.scan({ register: true });
    });
    this.mode = this.groups.has('paragraphs') ? 'events' : 'polling';
    this.pacer =
      this.mode === 'events'
        ? new Pacer(this.host.scheduler, this.visibility, CATCH_UP_MS, CATCH_UP_MS, () => this.catchUp())
        : new Pacer(this.host.scheduler, this.visibility, POLL_INTERVAL_MS, POLL_MAX_MS, () => this.catchUp());
    const unselect = await this.host.onSelectionChanged?.(() => void this.selectionChanged());
    if (unselect) this.cleanups.push(unselect);
    if (this.underlines) {
      // Word may not draw critiques inserted while a ribbon-opened pane was starting (office-js#6595): once the pane
      // is shown, draw them again (also done on the first action, and by "Refresh underlines").
      if (this.visibility.visible())
        this.cleanups.push(this.host.scheduler.after(REDRAW_MS, () => void this.redrawOnce()));
      this.cleanups.push(
        this.visibility.onChange((visible) => {
          if (visible) void this.redrawOnce();
        }),
      );
    }
    return this.mode;
  }

  async stop(): Promise<void> {
    this.pacer?.stop();
    this.pacer = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await removeHandles(this.handles.splice(0));
    this.groups.clear();
  }

  /** Resolves once every queued Word batch has finished. */
  async whenIdle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.tail;
      await seen;
      await this.pacer?.idle();
    } while (seen !== this.tail);
  }

  /** Whether critiques are being drawn in the document. */
  get underlining(): boolean {
    return this.underlines;
  }

  /** The findings shown now (ignored ones left out), in document order. */
  items(): Located[] {
    const out: Located[] = [];
    for (const entry of this.cache.all()) for (const item of this.visible(entry)) out.push(item);
    return out;
  }

  /** New rules or options: every paragraph is linted again and its critiques replaced. */
  setLinter(lint: Linter): Promise<void> {
    return this.enqueue(async () => {
      this.cache.relintAll(lint);
      await this.scan({ redraw: true });
    });
  }

  paragraphsChanged(ids: string[]): Promise<void> {
    for (const id of ids) this.pendingIds.add(id);
    return this.enqueue(() => this.readPending());
  }

  queueScan(): Promise<void> {
    if (this.scanQueued) return this.tail;
    this.scanQueued = true;
    return this.enqueue(async () => {
      this.scanQueued = false;
      await this.scan();
    });
  }

  /** Put every critique in again (the pane's "Refresh underlines"). */
  refreshUnderlines(): Promise<void> {
    this.redrawn = true;
    return this.enqueue(async () => {
      if (!this.underlines)
        return this.view.status(
          this.host.caps.annotations
            ? UNDERLINES_REFUSED
            : 'This version of Word has no inline underlines (they need WordApi 1.7).',
        );
      await this.scan({ redraw: true });
      this.view.status('Underlines refreshed.');
    });
  }

  // ---- task pane and popup actions ----

  select(item: Located): Promise<void> {
    return this.action(async () => {
      const target = await this.run(async (context) => {
        const found = await this.locate(context, item);
        if (!('range' in found)) return found;
        found.range.select();
        await context.sync();
        return found;
      });
      if ('missing' in target) await this.missing(item, target, 'nothing was selected');
    });
  }

  /**
   * Replace the finding's words (and only them) with `suggestion`. On WordApi 1.7 the critique's own range is used,
   * so it applies while those words are unchanged even if the paragraph changed elsewhere; otherwise search, and only
   * in a paragraph still as it was linted. If Word already put the suggestion in (its popup, on the web), nothing
   * more is done.
   */
  rewrite(item: Located, suggestion: string, critiqueId?: string): Promise<void> {
    return this.action(async () => {
      const { start, end } = item.finding;
      const expected = item.text.slice(0, start) + suggestion + item.text.slice(end);
      const outcome = await this.run(async (context) => {
        const doc = context.document;
        const tracking = this.tracking();
        const found = await this.locate(
          context,
          item,
          () => {
            if (tracking) doc.load('changeTrackingMode');
          },
          critiqueId,
        );
        if (!('range' in found)) {
          if (found.read?.text !== expected) return found;
          await this.applyReads(context, [found.read]); // Word made this very edit itself
          return { done: 'word' as const };
        }
        const read = await this.insert(
          context,
          [{ range: found.range, text: suggestion, read: found.read! }],
          tracking,
        ).catch((e: unknown) => {
          throw new Error(
            `Word did not accept the edit, so nothing was replaced (${errorText(e)}). A locked or protected part of the document cannot be changed.`,
          );
        });
        await this.applyReads(context, read);
        return { done: 'add-in' as const };
      });
      if ('missing' in outcome) return this.missing(item, outcome, 'nothing was replaced');
      this.publish();
      this.view.status(
        `Replaced “${item.finding.text}” with “${suggestion}”${outcome.done === 'add-in' && this.tracking() ? ' as a tracked change' : ''}.`,
      );
    });
  }

  /** Hide a finding until its paragraph's text changes (and take its underline away). */
  ignore(item: Located): Promise<void> {
    return this.action(async () => {
      this.ignored.add(locatedId(item));
      const id = this.critiques.idOf(item);
      if (id) {
        this.critiques.forgetCritique(id);
        await this.run(async (context) => {
          context.document.getAnnotationById(id).delete();
          await context.sync();
        }).catch(() => undefined); // already gone with an edit: nothing left to hide
      }
      this.publish();
    });
  }

  /**
   * Apply each finding's automatic rewrite (never a prompt, never guidance) to every finding of this rule, in a fixed
   * number of batches; paragraphs that changed since they were linted are re-linted from the text just read instead.
   */
  replaceAll(item: Located): Promise<void> {
    const ruleId = item.finding.ruleId;
    return this.action(async () => {
      const all = this.cache
        .all()
        .flatMap((e) => nonOverlapping(this.visible(e).filter((i) => i.finding.ruleId === ruleId)));
      const targets = all
        .map((i) => ({ item: i, text: autoRewriteOf(i.finding) }))
        .filter((t): t is { item: Located; text: string } => t.text !== undefined);
      const needWords = all.length - targets.length;
      if (targets.length === 0)
        return this.view.status(needWords ? `${needWords} need your own words; use the rewrites in each card.` : '');
      let replaced = 0,
        stale = 0,
        notFound = 0;
      await this.run(async (context) => {
        const tracking = this.tracking();
        const found = await this.locateAll(
          context,
          targets.map((t) => t.item),
          () => {
            if (tracking) context.document.load('changeTrackingMode');
          },
        );
        const edits: Edit[] = [];
        const reads = new Map<string, ReadParagraph>();
        found.forEach((f, i) => {
          if (f.read) reads.set(f.read.key, f.read);
          if ('range' in f) {
            if (f.read) edits.push({ range: f.range, text: targets[i].text, read: f.read });
          } else if (f.missing === 'changed') stale++;
          else notFound++;
        });
        replaced = edits.length;
        const after = edits.length > 0 ? await this.insert(context, edits, tracking) : [];
        for (const r of after) reads.set(r.key, r);
        await this.applyReads(context, [...reads.values()]);
      });
      this.publish();
      this.view.status(
        [
          `Replaced ${replaced} of “${item.finding.text}” (${ruleId})${replaced && this.tracking() ? ' as tracked changes' : ''}.`,
          needWords ? `${needWords} need your own words.` : '',
          stale ? 'Some paragraphs changed since they were checked; they were checked again instead.' : '',
          notFound ? `Word could not find ${notFound} of them; use Select on each card to find them.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
    });
  }

  // ---- annotation and selection events ----

  private annotationEvent(id: string, how: 'click' | 'hover'): void {
    const item = this.critiques.live(id);
    if (item) this.view.reveal(item, how);
  }

  private popupAction(args: Word.AnnotationPopupActionEventArgs): void {
    const item = this.critiques.any(args.id);
    if (!item) return;
    this.redrawn = true; // the writer is using an underline: Word draws them
    if (/accept/i.test(args.action) && args.critiqueSuggestion)
      void this.rewrite(item, args.critiqueSuggestion, args.id);
    else if (/reject|ignore|dismiss/i.test(args.action)) void this.ignore(item);
  }

  /**
   * The cursor moved: with paragraph ids, re-read just the paragraph it is in (a missed event shows here first).
   * Word sends this on every cursor move, so moves while a re-read waits in the queue share it.
   */
  private selectionChanged(): Promise<void> {
    if (this.mode === 'polling') {
      this.pacer?.nudge();
      return Promise.resolve();
    }
    if (this.selectionQueued) return this.tail;
    this.selectionQueued = true;
    return this.enqueue(() =>
      this.run(async (context) => {
        this.selectionQueued = false;
        const read = await readAtSelection(context, this.host.caps, this.underlines);
        if (this.cache.get(read.key)?.text === read.text) return;
        await this.applyReads(context, [read]);
        this.publish();
      }),
    );
  }

  // ---- keeping the cache and the critiques in step ----

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.tail
      .then(task)
      .catch((e) => this.view.status(`CareLint could not work with the document: ${errorText(e)}`, 'error'));
    this.tail = next;
    return next;
  }

  /** A pane action: the first one also draws the underlines again (office-js#6595). */
  private action(task: () => Promise<void>): Promise<void> {
    const redraw = !this.redrawn && this.underlines;
    this.redrawn = true;
    return this.enqueue(async () => {
      if (redraw) await this.scan({ redraw: true });
      await task();
    });
  }

  private redrawOnce(): Promise<void> {
    if (this.redrawn || !this.underlines) return Promise.resolve();
    this.redrawn = true;
    return this.enqueue(async () => {
      await this.scan({ redraw: true });
    });
  }

  private run<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    return this.host.run(batch);
  }

  /** Read every paragraph; re-lint what changed; replace its critiques (all of them with `redraw`). */
  private async scan(options: { register?: boolean; redraw?: boolean } = {}): Promise<boolean> {
    const caps = this.host.caps;
    const changedAny = await this.run(async (context) => {
      const sync = (queue: () => unknown, step: 'list' | 'texts') => {
        const group: EventGroup | null = !options.register
          ? null
          : step === 'list'
            ? caps.paragraphEvents
              ? 'paragraphs'
              : null
            : this.underlines
              ? 'annotations'
              : null;
        return this.syncRegistering(context, queue, group);
      };
      let reads: ReadParagraph[];
      try {
        reads = await readAll(context, caps, this.underlines, sync);
      } catch (e) {
        if (!this.underlines) throw e;
        // Some hosts refuse even reading critiques: go on without underlines.
        this.refuseUnderlines();
        reads = await readAll(context, caps, false);
      }
      const { changed, removed } = this.cache.replaceAll(reads);
      this.critiques.drop(removed);
      const keys = new Set(changed.map((e) => e.key));
      await this.writeCritiques(context, options.redraw ? reads : reads.filter((r) => keys.has(r.key)));
      return changed.length + removed.length > 0;
    });
    this.publish();
    return changedAny;
  }

  /** Sync the queued reads with one event group's registration last in the batch; a refused group is left out. */
  private async syncRegistering(
    context: Word.RequestContext,
    queue: () => unknown,
    group: EventGroup | null,
  ): Promise<void> {
    queue();
    if (!group) return void (await context.sync());
    const handles = queueGroup(context, group, this.host.caps.popup, this.listener);
    try {
      await context.sync();
      this.handles.push(...handles);
      this.groups.add(group);
    } catch (e) {
      // Some hosts report the set and refuse the registration. Whatever of the group did register is removed (never
      // left live without a handle), the other groups keep theirs, and the reads (lost with the batch) run again.
      await removeHandles(handles);
      this.view.status(
        group === 'paragraphs'
          ? `Word did not accept the change events; checking for edits every few seconds instead (${errorText(e)}).`
          : `Word did not accept the underline events; clicking an underline will not show its card here (${errorText(e)}).`,
        'error',
      );
      queue();
      await context.sync();
    }
  }

  /** Catch-up re-check (events) or poll: read everything, re-lint what changed. */
  private catchUp(): Promise<boolean> {
    let changed = false;
    return this.enqueue(async () => {
      changed = await this.scan();
    }).then(() => changed);
  }

  private async readPending(): Promise<void> {
    const ids = [...this.pendingIds];
    this.pendingIds.clear();
    if (ids.length === 0) return;
    await this.run(async (context) => {
      const reads = await readKeys(context, ids, this.host.caps, this.underlines);
      await this.forget(
        context,
        ids.filter((_, i) => reads[i] === null),
        false,
      );
      await this.applyReads(
        context,
        reads.filter((r): r is ReadParagraph => r !== null),
      );
    });
    this.publish();
  }

  /**
   * Texts read from Word in this batch: re-lint what changed (and the paragraphs below a changed heading), then
   * replace those paragraphs' critiques in one more batch.
   */
  private async applyReads(context: Word.RequestContext, reads: ReadParagraph[]): Promise<void> {
    const changed = new Map<string, ParagraphEntry>();
    for (const r of reads) for (const e of this.cache.update(r)) changed.set(e.key, e);
    await this.rewriteCritiques(context, changed, reads);
  }

  private async rewriteCritiques(
    context: Word.RequestContext,
    changed: Map<string, ParagraphEntry>,
    reads: ReadParagraph[],
  ): Promise<void> {
    if (!this.underlines || changed.size === 0) return;
    const have = new Map(reads.map((r) => [r.key, r]));
    const missing = [...changed.keys()].filter((k) => !have.has(k) && !isIndexKey(k));
    if (missing.length > 0)
      for (const r of await readKeys(context, missing, this.host.caps, true)) if (r) have.set(r.key, r);
    await this.writeCritiques(
      context,
      [...changed.keys()].map((k) => have.get(k)).filter((r): r is ReadParagraph => r !== undefined),
    );
  }

  /** One batch: these paragraphs' critiques replaced by their cached findings (when the cache holds the text read). */
  private async writeCritiques(context: Word.RequestContext, reads: ReadParagraph[]): Promise<void> {
    if (!this.underlines || reads.length === 0) return;
    const popup = this.host.caps.popup;
    const queued = reads
      .map((r) => {
        const entry = this.cache.get(r.key);
        const items = entry && entry.text === r.text ? this.visible(entry) : [];
        return {
          key: r.key,
          items,
          result: replaceAnnotations(
            r.paragraph,
            r.old,
            items.map((i) => i.finding),
            popup,
          ),
        };
      })
      .filter((q) => q.result !== null);
    if (queued.length === 0) return;
    try {
      await context.sync();
    } catch (e) {
      if (isRefusal(e)) return this.refuseUnderlines();
      return; // a critique vanished with an edit meanwhile: that edit's event or the catch-up draws them again
    }
    for (const q of queued) {
      this.critiques.set(q.key, q.result!.ids?.value ?? [], q.items);
    }
  }

  /** The first refusal switches underlines off for the session, and the pane says so. */
  private refuseUnderlines(): void {
    if (!this.underlines) return;
    this.underlines = false;
    this.critiques.clear();
    this.view.underlinesOff?.(UNDERLINES_REFUSED);
    this.view.status(UNDERLINES_REFUSED, 'error');
  }

  /** Paragraphs gone from Word: drop their critiques, and re-check those below whose section came from them. */
  private async forget(context: Word.RequestContext, ids: string[], publish = true): Promise<void> {
    const { removed, changed } = this.cache.remove(ids);
    this.critiques.drop(removed);
    if (changed.length > 0) await this.rewriteCritiques(context, new Map(changed.map((e) => [e.key, e])), []);
    if (publish && removed.length > 0) this.publish();
  }

  // ---- finding the words in Word (targets.ts) ----

  /** One finding: its critique's range (1.7), else a search in its unchanged paragraph. */
  private async locate(
    context: Word.RequestContext,
    item: Located,
    queueAlso: () => void = () => undefined,
    critiqueId?: string,
  ): Promise<Target> {
    return (await this.locateAll(context, [item], queueAlso, critiqueId ? [critiqueId] : undefined))[0];
  }

  private locateAll(
    context: Word.RequestContext,
    items: Located[],
    queueAlso: () => void = () => undefined,
    known?: string[],
  ): Promise<Target[]> {
    const critiques = items.map((i, k) => (this.underlines ? (known?.[k] ?? this.critiques.idOf(i)) : undefined));
    return locateAll(context, items, critiques, this.host.caps, this.underlines, queueAlso);
  }

  private insert(context: Word.RequestContext, edits: Edit[], tracking: boolean): Promise<ReadParagraph[]> {
    return insertAll(context, edits, tracking, this.host.caps, this.underlines);
  }

  /** A finding that could not be used: a changed paragraph is checked again; words Word cannot find are reported. */
  private async missing(item: Located, target: Extract<Target, { missing: unknown }>, what: string): Promise<void> {
    if (target.missing === 'not-found') {
      this.view.status(
        `Word could not find “${item.finding.text}” in that paragraph (its search cannot match some marks, fields or long passages), so ${what}. The paragraph is unchanged; select the words by hand.`,
      );
      return;
    }
    this.view.status(`That paragraph changed since it was checked, so ${what}; it has been checked again.`);
    if (target.read) await this.run((context) => this.applyReads(context, [target.read!]));
    else if (isIndexKey(item.key)) await this.scan();
    else await this.run((context) => this.forget(context, [item.key]));
    this.publish();
  }

  private publish(): void {
    this.view.show(this.items());
  }

  private visible(entry: ParagraphEntry): Located[] {
    return entry.findings
      .map((finding) => ({ key: entry.key, text: entry.text, finding }))
      .filter((item) => !this.ignored.has(locatedId(item)));
  }

  private tracking(): boolean {
    return this.trackChanges && this.host.caps.trackChanges;
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

/** Word refusing the annotation API itself, as opposed to a critique or paragraph gone meanwhile. */
function isRefusal(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code !== 'ItemNotFound' && code !== 'InvalidReference';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
