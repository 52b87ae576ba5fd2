/// <reference types="office-js" />
// How the pane hears about edits: WordApi 1.6 paragraph events where Word has them, otherwise a poll of the
// paragraph texts. Annotation events (1.7/1.8) are registered alongside when available.
import type { Capabilities } from './capabilities';
import type { WordRun } from './document';

export const POLL_INTERVAL_MS = 1500;

export interface Scheduler {
  /** Call `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const intervalScheduler: Scheduler = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

export interface DocumentListener {
  changed(ids: string[]): void;
  added(ids: string[]): void;
  deleted(ids: string[]): void;
  /** Polling only: read the paragraph texts again. Never called while a previous poll is still running. */
  poll(): Promise<void>;
  annotationClicked(id: string): void;
  annotationHovered(id: string): void;
  annotationPopupAction(args: Word.AnnotationPopupActionEventArgs): void;
  error(message: string, cause: unknown): void;
}

export interface Watch {
  mode: 'events' | 'polling';
  stop(): Promise<void>;
}

export async function watchDocument(run: WordRun, caps: Capabilities, scheduler: Scheduler, listener: DocumentListener): Promise<Watch> {
  const registered: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let events = false;
  if (caps.paragraphEvents || caps.annotations) {
    try {
      await run(async (context) => {
        const d = context.document;
        const add = <A>(event: OfficeExtension.EventHandlers<A>, handler: (args: A) => void) =>
          registered.push(event.add(async (args) => handler(args)) as OfficeExtension.EventHandlerResult<unknown>);
        if (caps.paragraphEvents) {
          add(d.onParagraphChanged, (a) => listener.changed(a.uniqueLocalIds));
          add(d.onParagraphAdded, (a) => listener.added(a.uniqueLocalIds));
          add(d.onParagraphDeleted, (a) => listener.deleted(a.uniqueLocalIds));
        }
        if (caps.annotations) {
          add(d.onAnnotationClicked, (a) => listener.annotationClicked(a.id));
          add(d.onAnnotationHovered, (a) => listener.annotationHovered(a.id));
        }
        if (caps.popup) add(d.onAnnotationPopupAction, (a) => listener.annotationPopupAction(a));
        await context.sync();
      });
      events = caps.paragraphEvents;
    } catch (e) {
      // Some hosts claim the set but refuse the registration: polling still keeps the checks current.
      registered.length = 0;
      listener.error('Word did not accept the change events; checking for edits every 1.5 seconds instead.', e);
    }
  }

  let cancel: (() => void) | null = null;
  if (!events) {
    let busy = false;
    cancel = scheduler.every(POLL_INTERVAL_MS, () => {
      if (busy) return;
      busy = true;
      listener.poll().catch((e) => listener.error('Could not read the document.', e)).finally(() => { busy = false; });
    });
  }

  return {
    mode: events ? 'events' : 'polling',
    async stop() {
      cancel?.();
      for (const handler of registered) {
        handler.remove();
        await handler.context.sync().catch(() => undefined);
      }
    },
  };
}
