// Debian's chromium driven by playwright-core, for every browser test. The flags keep Chromium from reaching out
// to Google's services (this machine's network refuses them) and the request log lets a test prove that no
// request left localhost.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, PAGE_FLAGS } from './chromium-flags.mjs';

export { CHROMIUM_PATH } from './chromium-flags.mjs';
export const CHROMIUM_ARGS = PAGE_FLAGS;

export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run scripts/setup.sh (as root) to install Debian's chromium.`,
    );
  }
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** URLs whose host is not localhost / 127.0.0.1 / ::1 (data:, blob: and about: are local too). */
  foreignRequests(): string[];
  close(): Promise<void>;
}

export function isLocalUrl(url: string): boolean {
  if (/^(data|blob|about|chrome|chrome-extension|devtools):/i.test(url)) return true;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol === 'file:') return true;
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
  } catch {
    return false;
  }
}

export async function openBrowser(viewport = { width: 1280, height: 860 }): Promise<BrowserSession> {
  requireChromium();
  // playwright gives every launch a fresh, empty profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    requests,
    foreignRequests: () => requests.filter((url) => !isLocalUrl(url)),
    async close() {
      await browser.close();
    },
  };
}
