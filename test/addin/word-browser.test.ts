// The real Word task pane (dist/addin, served by the project's server, under the page's Content-Security-Policy) in
// Debian's chromium. Office's hosted office.js is answered locally with the fake Word (bundled from
// test/addin/support/fake-word.ts) and an Office.context reporting WordApi 1.8, so the pane runs its Word path.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { startServer, type StartedServer } from '../../addin/serve.mjs';
import { lint } from '../../shared-rules/src/index';
import { openBrowser, type BrowserSession } from '../support/browser';

const NOTE = [
  'Mr Quill refused his evening medication and was noncompliant with the plan.',
  'Care will be withdrawn if he breaches the behavioural contract.',
  'Staff felt he was attention seeking on the ward.',
  '<img src=x onerror=alert(1)> A police constable will sit in on his fortnightly CPA review.',
];
const HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

async function fakeOfficeScript(texts: string[], version: number): Promise<string> {
  const bundle = await build({
    entryPoints: ['test/addin/support/fake-word.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'CareLintFakeWord',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return `${bundle.outputFiles[0].text}
(() => {
  const word = new CareLintFakeWord.FakeWord(${JSON.stringify(texts)}, ${version});
  window.__word = word;
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
    context: { requirements: { isSetSupported: word.isSetSupported } },
  };
  window.Word = { run: word.run };
})();`;
}

const activeText = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      text: a?.textContent ?? '',
      cls: a?.className ?? '',
      outline: a ? getComputedStyle(a).outlineStyle : 'none',
    };
  });

/** Tab (or Shift+Tab) until the focused element matches; fails after `limit` presses. */
async function tabTo(
  page: Page,
  match: (a: { text: string; cls: string }) => boolean,
  key = 'Tab',
  limit = 80,
): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (match(await activeText(page))) return;
    await page.keyboard.press(key);
  }
  assert.fail('the control was not reachable with the keyboard');
}

describe('Word task pane in chromium (served page, fake Word)', function () {
  this.timeout(90_000);
  let server: StartedServer;
  let session: BrowserSession;
  const cspErrors: string[] = [];

  before(async () => {
    server = await startServer({ port: 0, https: false });
    session = await openBrowser({ width: 420, height: 900 });
    session.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    const script = await fakeOfficeScript(NOTE, 1.8);
    await session.page.route(HOSTED, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
    await session.page.goto(`${server.url}taskpane.html?_host_Info=Word$Win32$16.01$en-US$$$$0`);
    await session.page.waitForSelector('#app[data-mode="word"] .clw .cl-card', { timeout: 20_000 });
  });
  after(async () => {
    await session?.close();
    await server?.close();
  });

  it("lists every finding and styles the pane without breaking the page's CSP", async () => {
    const { page } = session;
    assert.equal(await page.locator('.cl-card').count(), NOTE.flatMap((t) => lint(t)).length);
    assert.equal(
      await page.$eval('.clw-items', (el) => getComputedStyle(el).display),
      'grid',
      'the pane stylesheet applied',
    );
    assert.deepEqual(cspErrors, []);
    assert.equal(await page.locator('.clw img').count(), 0, "the paragraph's <img> stayed text");
    assert.equal(
      await page.evaluate(
        () => (window as unknown as { __word: { annotations: unknown[] } }).__word.annotations.length,
      ),
      NOTE.flatMap((t) => lint(t)).length,
    );
  });

  it('works from the keyboard with a visible focus ring: Select, then a rewrite', async () => {
    const { page } = session;
    await page.locator('.clw-title').click();
    await tabTo(page, (a) => a.text === 'Select');
    const focused = await activeText(page);
    assert.notEqual(focused.outline, 'none', 'focus ring shown');
    const flagged = await page.evaluate(
      () => document.activeElement!.closest('.cl-card')!.querySelector('.cl-card__text')!.textContent,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => (window as unknown as { __word: { selection: unknown } }).__word.selection !== null,
    );
    const selection = await page.evaluate(
      () => (window as unknown as { __word: { selection: { text: string } } }).__word.selection.text,
    );
    assert.equal(selection, flagged);

    await tabTo(page, (a) => a.cls.includes('cl-card__rewrite') && a.text === 'declined');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      (window as unknown as { __word: { paragraphs: Array<{ text: string }> } }).__word.paragraphs[0].text.includes(
        'declined',
      ),
    );
    const first = await page.evaluate(
      () => (window as unknown as { __word: { paragraphs: Array<{ text: string }> } }).__word.paragraphs[0].text,
    );
    assert.equal(first, NOTE[0].replace('refused', 'declined'));
    await page.waitForFunction(() => /Replaced/.test(document.querySelector('.clw-status')?.textContent ?? ''));
  });

  it('a clicked underline marks its card, also in forced-colors mode; no request left localhost', async () => {
    const { page } = session;
    await page.evaluate(() => {
      const word = (
        window as unknown as {
          __word: {
            annotations: Array<{ id: string; critique: { colorScheme: string } }>;
            clickAnnotation(id: string): Promise<void>;
          };
        }
      ).__word;
      return word.clickAnnotation(word.annotations.find((a) => a.critique.colorScheme === 'Blue')!.id);
    });
    await page.waitForSelector('.cl-card.is-active[data-category="police-involvement"]');
    await page.emulateMedia({ forcedColors: 'active' });
    assert.equal(await page.$eval('.cl-card.is-active', (el) => getComputedStyle(el).outlineStyle), 'dashed');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/word-pane-forced-colors.png', fullPage: true });
    await page.emulateMedia({ forcedColors: 'none' });
    await page.screenshot({ path: 'test-artifacts/word-pane.png', fullPage: true });
    assert.deepEqual(session.foreignRequests(), [HOSTED], 'only the (locally answered) hosted office.js URL');
  });

  it("older Mac webviews (no constructed stylesheets): the <style> fallback applies under the page's CSP", async () => {
    const page = await session.context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) blocked.push(m.text());
    });
    // What such a webview lacks: Document.adoptedStyleSheets.
    await page.addInitScript(() => {
      delete (Document.prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
    });
    await page.route(HOSTED, async (route) =>
      route.fulfill({ contentType: 'text/javascript', body: await fakeOfficeScript(NOTE, 1.8) }),
    );
    try {
      await page.goto(`${server.url}taskpane.html?_host_Info=Word$Mac$16.01$en-US$$$$0`);
      await page.waitForSelector('#app[data-mode="word"] .clw .cl-card', { timeout: 20_000 });
      assert.equal(await page.locator('style[data-carelint-word]').count(), 1, 'the fallback path ran');
      assert.equal(await page.$eval('.clw-items', (el) => getComputedStyle(el).display), 'grid', 'and its rules apply');
      assert.deepEqual(blocked, []);
    } finally {
      await page.close();
    }
  });
});
