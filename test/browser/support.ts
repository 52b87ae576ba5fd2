// Debian's Chromium with the unpacked extension (dist/browser-test) loaded, for the browser-extension tests.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, isLocalUrl, requireChromium } from '../support/browser';
import { extensionFlags } from '../support/chromium-flags.mjs';
import { ROOT } from '../support/cli';
import { startPageServer } from './pages/serve.mjs';

export const EXTENSION = join(ROOT, 'dist', 'browser-test');

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: Awaited<ReturnType<typeof startPageServer>>;
  /** Every request any page, frame or extension context made. */
  requests: string[];
  foreignRequests(): string[];
  /** Call a function of the service worker's `carelint` API (the enable path the popup takes after its prompt). */
  call<T>(name: 'enableSite' | 'disableSite' | 'sync' | 'effective', arg?: string): Promise<T>;
  setPolicy(policy: unknown): Promise<void>;
  close(): Promise<void>;
}

/** `dir`: the unpacked build to load (the test build unless a test checks the shipped one, dist/browser). */
export async function launchExtension(dir = EXTENSION): Promise<ExtensionSession> {
  requireChromium();
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run build\` first`);
  const server = await startPageServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'carelint-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // Playwright's headless is Chromium's new headless mode, which runs extensions (checked with Chromium 156)
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: extensionFlags(dir),
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // the worker's first sync (onInstalled) has written the effective settings
  await worker.evaluate(async () => {
    await (globalThis as any).carelint.sync();
  });
  return {
    context,
    worker,
    extensionId,
    server,
    requests,
    foreignRequests: () => requests.filter((u) => !isLocalUrl(u)),
    call: (name, arg) =>
      worker.evaluate(async ([n, a]) => (globalThis as any).carelint[n as string](a), [name, arg] as const),
    async setPolicy(policy) {
      await worker.evaluate(async (p) => {
        await chrome.storage.local.set({ testManagedPolicy: p });
        await (globalThis as any).carelint.sync();
      }, policy);
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface Underline {
  text: string;
  category: string;
  rule: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The underlines the overlay shows in a page or frame (read from its open shadow root). */
export async function underlines(target: Page | Frame): Promise<Underline[]> {
  return target.evaluate(() => {
    const host = document.querySelector('carelint-overlay');
    if (!host?.shadowRoot) return [];
    return [...host.shadowRoot.querySelectorAll<HTMLElement>('.cl-underline')].map((u) => {
      const r = u.getBoundingClientRect();
      return {
        text: u.dataset.text!,
        category: u.dataset.category!,
        rule: u.dataset.rule!,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    });
  });
}

/** Wait until an underline's flagged text contains `text` (case-insensitive), and return it. */
export async function waitForUnderline(target: Page | Frame, text: string): Promise<Underline> {
  await target.waitForFunction((t) => {
    const host = document.querySelector('carelint-overlay');
    return [...(host?.shadowRoot?.querySelectorAll<HTMLElement>('.cl-underline') ?? [])].some((u) =>
      u.dataset.text!.toLowerCase().includes(t.toLowerCase()),
    );
  }, text);
  return (await underlines(target)).find((u) => u.text.toLowerCase().includes(text.toLowerCase()))!;
}

/**
 * Open the real toolbar popup for the active tab (chrome.action.openPopup from the worker) and return its text once
 * it has rendered. Playwright does not list the popup as a page, so it is read over the browser's DevTools protocol.
 */
export async function popupText(s: ExtensionSession): Promise<string> {
  const browser = s.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  try {
    await s.worker.evaluate(`chrome.action.openPopup()`);
    const popupUrl = `chrome-extension://${s.extensionId}/popup.html`;
    let target: { targetId: string } | undefined;
    while (!target) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      target = targetInfos.find((t) => t.url === popupUrl);
    }
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<{ result: { result: { value: string } } }>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message);
        if (m.id === 1) resolve(m);
      });
    });
    // rendered when the status line has its text (and, on an enabled site, the counts their rows)
    const expression = `new Promise((resolve) => { const done = () => document.querySelector('#status').textContent && (document.querySelector('#counts').children.length || !/^On /.test(document.querySelector('#status').textContent));
      const check = () => done() ? resolve(document.body.innerText) : requestAnimationFrame(check); check(); })`;
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true } }),
    });
    return (await reply).result.result.value;
  } finally {
    await cdp.detach();
  }
}
