/// <reference types="chrome" />
import { patternCovers, type Effective } from '../shared/policy';
import { KEYS, type CountsMessage } from '../shared/messages';
import { optionsFrom } from './checker';
import { EditableField, editingHost } from './editable';
import type { Field } from './field';
import { OverlayRoot } from './overlay';
import { TextareaField } from './textarea';
import { FieldView } from './view';
import { installBenchHooks } from './bench-hooks';
import type { SessionOptions } from '../../../shared-rules/src/index';

/**
 * The content script, registered only for sites the user or the trust turned CareLint on for. It runs in every
 * frame of such a page (same-origin iframes included), lints in the page (see browser/README.md for why not in an
 * offscreen document), and checks a field from the moment it is focused.
 */
declare global {
  interface Window {
    __carelint?: boolean;
  }
}
/** Set by the build: true only in dist/browser-test (browser/bundles.mjs). */
declare const CARELINT_TEST_BUILD: boolean;

if (!window.__carelint) {
  window.__carelint = true;
  void start();
  if (CARELINT_TEST_BUILD) installBenchHooks();
}

async function start(): Promise<void> {
  const stored = await chrome.storage.local.get(KEYS.effective);
  let options: SessionOptions = optionsFrom((stored[KEYS.effective] as Effective | undefined)?.configText ?? '{}');
  let overlay: OverlayRoot | null = null;
  const views = new Map<Element, FieldView>();
  let active: FieldView | null = null;
  /** Turned off for this site while the page is open: every listener below does nothing from then on. */
  let stopped = false;

  // One animation frame does every pending re-lint and redraw: many keystrokes between frames cost one lint.
  const pending = new Map<FieldView, boolean>();
  let frame = 0;
  const schedule = (view: FieldView, relint: boolean) => {
    if (stopped) return;
    pending.set(view, (pending.get(view) ?? false) || relint);
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        const work = [...pending];
        pending.clear();
        for (const [v, r] of work) v.refresh(r);
      });
  };
  let lastCounts = '';
  const report = (view: FieldView) => {
    if (view !== active) return;
    const byCategory: CountsMessage['byCategory'] = {};
    for (const f of view.current) byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    const message: CountsMessage = { type: 'counts', total: view.current.length, byCategory };
    const json = JSON.stringify(message);
    if (json === lastCounts) return;
    lastCounts = json;
    chrome.runtime.sendMessage(message).catch(() => {
      /* the service worker restarts on its own */
    });
  };

  const fieldFor = (target: Element | null): { key: Element; make: () => Field } | null => {
    if (target instanceof HTMLTextAreaElement && !target.readOnly && !target.disabled) {
      return { key: target, make: () => new TextareaField(target, (overlay ??= new OverlayRoot(document)).mirrors) };
    }
    const host = editingHost(target);
    return host ? { key: host, make: () => new EditableField(host) } : null;
  };

  const attach = (target: Element | null) => {
    if (stopped) return;
    const found = fieldFor(target);
    if (!found) return;
    let view = views.get(found.key);
    if (!view) {
      overlay ??= new OverlayRoot(document);
      view = new FieldView(found.make(), overlay, options, schedule, report);
      views.set(found.key, view);
    }
    if (active !== view) active?.closeCard();
    active = view;
    lastCounts = '';
    report(view);
    schedule(view, true);
  };

  document.addEventListener('focusin', (e) => attach(e.target as Element), true);
  attach(document.activeElement);
  document.addEventListener('selectionchange', () => {
    if (active) schedule(active, false);
  });
  const redrawAll = () => {
    for (const v of views.values()) schedule(v, false);
  };
  // scroll anywhere (the page, a scrolling panel around the field), window resize and zoom move the field
  window.addEventListener('scroll', redrawAll, { capture: true, passive: true });
  window.addEventListener('resize', redrawAll);
  window.visualViewport?.addEventListener('resize', redrawAll);
  // fields removed by the page (an editor torn down, a form replaced) take their underlines with them
  setInterval(() => {
    for (const [el, v] of views)
      if (!el.isConnected) {
        v.dispose();
        views.delete(el);
        if (active === v) active = null;
      }
  }, 2000);

  const onChange = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area !== 'local' || !changes[KEYS.effective]) return;
    const eff = changes[KEYS.effective].newValue as Effective | undefined;
    // turned off for this site while the page is open: take everything away now, not at the next reload
    if (!eff?.sites.some((site) => patternCovers(site.pattern, self.origin))) {
      chrome.storage.onChanged.removeListener(onChange);
      for (const v of views.values()) v.dispose();
      views.clear();
      active = null;
      overlay?.host.remove();
      overlay = null;
      stopped = true;
      window.__carelint = false; // turning it on again (the popup) may inject a fresh copy
      return;
    }
    options = optionsFrom(eff.configText);
    for (const v of views.values()) {
      v.setOptions(options);
      schedule(v, false);
    }
  };
  chrome.storage.onChanged.addListener(onChange);
}
