/// <reference types="office-js" />
// How the pane hears about edits. WordApi 1.6 paragraph events where Word has them, with a low-frequency catch-up
// re-check while the pane is visible, because Word misses some (fast edits office-js#4874, deletions under track
// changes office-js#3864, long documents on Mac office-js#5400). Otherwise a poll of the paragraph texts that backs
// off while nothing changes. Both pause while the pane is hidden. Event groups are registered each on its own, so a
// host that refuses one group keeps the others (and their handles, to remove them when the pane stops).

export const POLL_INTERVAL_MS = 1500;
/** The poll's longest wait once the document has been idle for a while. */
export const POLL_MAX_MS = 12_000;
/** The catch-up re-check while events are on. */
export const CATCH_UP_MS = 60_000;
/** Underlines are drawn again this long after start while the pane is visible (office-js#6595). */
export const REDRAW_MS = 2_000;

export interface Scheduler {
  /** Call `tick` once after `ms` milliseconds unless the returned function is called first. */
  after(ms: number, tick: () => void): () => void;
}

export const timerScheduler: Scheduler = {
  after(ms, tick) {
    const timer = setTimeout(tick, ms);
    return () => clearTimeout(timer);
  },
};

/** Whether the task pane is shown (document.visibilityState inside Office). */
export interface Visibility {
  visible(): boolean;
  onChange(listener: (visible: boolean) => void): () => void;
}

export const alwaysVisible: Visibility = { visible: () => true, onChange: () => () => undefined };

export interface DocumentListener {
  changed(ids: string[]): void;
  added(ids: string[]): void;
  deleted(ids: string[]): void;
  annotationClicked(id: string): void;
  annotationHovered(id: string): void;
  annotationPopupAction(args: Word.AnnotationPopupActionEventArgs): void;
}

export type Handle = OfficeExtension.EventHandlerResult<unknown>;

export type EventGroup = 'paragraphs' | 'annotations';

/** Queue the registration of one group's handlers in this batch; they are live once the batch succeeds. */
export function queueGroup(
  context: Word.RequestContext,
  group: EventGroup,
  popup: boolean,
  listener: DocumentListener,
): Handle[] {
  const d = context.document;
  const handles: Handle[] = [];
  const add = <A>(event: OfficeExtension.EventHandlers<A>, handler: (args: A) => void) =>
    handles.push(event.add(async (args) => handler(args)) as Handle);
  if (group === 'paragraphs') {
    add(d.onParagraphChanged, (a) => listener.changed(a.uniqueLocalIds));
    add(d.onParagraphAdded, (a) => listener.added(a.uniqueLocalIds));
    add(d.onParagraphDeleted, (a) => listener.deleted(a.uniqueLocalIds));
  } else {
    add(d.onAnnotationClicked, (a) => listener.annotationClicked(a.id));
    add(d.onAnnotationHovered, (a) => listener.annotationHovered(a.id));
    if (popup) add(d.onAnnotationPopupAction, (a) => listener.annotationPopupAction(a));
  }
  return handles;
}

/** Remove handlers: one batch per request context they were registered in. Failures are ignored (already gone). */
export async function removeHandles(handles: Handle[]): Promise<void> {
  const contexts = new Set<OfficeExtension.ClientRequestContext>();
  for (const h of handles) {
    try {
      h.remove();
      contexts.add(h.context);
    } catch {
      // never registered
    }
  }
  for (const context of contexts) await context.sync().catch(() => undefined);
}

/**
 * Runs `tick` again and again while the pane is visible: every `base` ms while it reports changes, waiting twice as
 * long (up to `max`) after each tick that found none. Hidden, it waits for the pane to show again.
 */
export class Pacer {
  private delay: number;
  private cancel: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private unwatch: () => void;

  constructor(
    private scheduler: Scheduler,
    private visibility: Visibility,
    private base: number,
    private max: number,
    private tick: () => Promise<boolean>,
  ) {
    this.delay = base;
    this.unwatch = visibility.onChange((visible) => (visible ? this.nudge() : this.clear()));
    this.schedule();
  }

  /** Something may have changed: check soon, at the base pace again. */
  nudge(): void {
    this.delay = this.base;
    this.clear();
    this.schedule();
  }

  /** Resolves once a tick under way has finished and the next one is scheduled. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    this.clear();
    this.unwatch();
  }

  private clear(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private schedule(): void {
    if (this.stopped || this.running || this.cancel || !this.visibility.visible()) return;
    this.cancel = this.scheduler.after(this.delay, () => {
      this.cancel = null;
      this.running = this.tick()
        .then(
          (changed) => {
            this.delay = changed ? this.base : Math.min(this.delay * 2, this.max);
          },
          () => undefined,
        )
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    });
  }
}
