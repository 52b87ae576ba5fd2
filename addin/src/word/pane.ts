/// <reference types="office-js" />
// Entry point of the Word task pane (addin/src/main.ts calls startWordPane when Office.onReady reports Word).
// The engine does all the linting; this wires Office.js, the checker and the pane together.
import { detectCapabilities, type IsSetSupported } from './capabilities';
import { WordChecker } from './checker';
import type { WordRun } from './document';
import { timerScheduler, type Scheduler, type Visibility } from './events';
import { linterFor, readSettings, writeSettings, type PaneSettings } from './settings';
import { WordPaneView } from './view';

export interface WordEnvironment {
  run: WordRun;
  isSetSupported: IsSetSupported;
  scheduler: Scheduler;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  visibility?: Visibility;
  onSelectionChanged?(listener: () => void): (() => void) | Promise<() => void>;
}

export interface WordPane {
  checker: WordChecker;
  view: WordPaneView;
  mode: 'events' | 'polling';
}

export async function startWordPane(root: HTMLElement): Promise<void> {
  await createWordPane(root, officeEnvironment(root.ownerDocument));
}

/** The pane against any Word-like environment (Office.js in the task pane, a fake in the tests). */
export async function createWordPane(root: HTMLElement, env: WordEnvironment): Promise<WordPane> {
  const caps = detectCapabilities(env.isSetSupported);
  let settings = readSettings(env.storage);
  const initial = linterFor(settings.config);
  let checker!: WordChecker;
  const view = new WordPaneView(
    root,
    {
      select: (item) => void checker.select(item),
      rewrite: (item, suggestion) => void checker.rewrite(item, suggestion),
      ignore: (item) => void checker.ignore(item),
      replaceAll: (item) => void checker.replaceAll(item),
      refreshUnderlines: () => void checker.refreshUnderlines(),
      settingsChanged(next: PaneSettings) {
        checker.trackChanges = next.trackChanges;
        if (next.config !== settings.config) {
          // Bad options are reported; whatever is valid applies, and the built-in rules keep working.
          const linter = linterFor(next.config);
          view.problems(linter.problems);
          void checker.setLinter(linter.lint);
        }
        settings = next;
        writeSettings(env.storage, next);
      },
    },
    settings,
    caps,
  );
  view.problems(initial.problems);
  checker = new WordChecker(
    {
      run: env.run,
      caps,
      scheduler: env.scheduler,
      visibility: env.visibility,
      onSelectionChanged: env.onSelectionChanged,
    },
    view,
    initial.lint,
  );
  checker.trackChanges = settings.trackChanges;
  const mode = await checker.start();
  return { checker, view, mode };
}

function officeEnvironment(doc: Document): WordEnvironment {
  let storage: WordEnvironment['storage'] = null;
  try {
    storage = globalThis.localStorage ?? null;
  } catch {
    storage = null; // storage blocked: settings last for this session only
  }
  return {
    run: (batch) => Word.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    scheduler: timerScheduler,
    storage,
    visibility: documentVisibility(doc),
    onSelectionChanged: officeSelectionChanged,
  };
}

/** The task pane's page visibility (hidden when the pane is closed or the window minimised). */
function documentVisibility(doc: Document): Visibility {
  return {
    visible: () => doc.visibilityState !== 'hidden',
    onChange(listener) {
      const handler = () => listener(doc.visibilityState !== 'hidden');
      doc.addEventListener('visibilitychange', handler);
      return () => doc.removeEventListener('visibilitychange', handler);
    },
  };
}

/** Office's DocumentSelectionChanged (common API, every Word version); resolves with a function that removes it. */
function officeSelectionChanged(listener: () => void): Promise<() => void> {
  const type = Office.EventType?.DocumentSelectionChanged;
  // Without the common API's events, polling and the catch-up re-check still find every edit.
  if (!type || typeof Office.context.document?.addHandlerAsync !== 'function') return Promise.resolve(() => undefined);
  return new Promise((resolve) => {
    Office.context.document.addHandlerAsync(type, listener, (result) =>
      resolve(
        result.status === Office.AsyncResultStatus.Succeeded
          ? () => Office.context.document.removeHandlerAsync(type, { handler: listener })
          : () => undefined,
      ),
    );
  });
}
