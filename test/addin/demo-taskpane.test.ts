// The same page inside "Word": Microsoft's hosted office.js is answered with a stand-in that reports a Word host and
// carries the Word adapter tests' fake object model, so the real page (CSP, loader, main.ts, Word pane, shared
// cards, stylesheet) runs in chromium end to end. Notes here are fictional.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { lint } from '../../shared-rules/src/index';
import { startServer, type StartedServer } from '../../addin/serve.mjs';
import { openBrowser, type BrowserSession } from '../support/browser';

const here = __dirname;
const HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PARAGRAPHS = ['Ward round, Monday.', 'She was noncompliant with her tablets this week.', 'The night team described him as manipulative.'];

/** A browser script standing in for hosted office.js: Office + Word backed by the fake Word of the adapter tests. */
async function fakeOfficeJs(version: number): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { FakeWord } from './support/fake-word';
        const word = new FakeWord(${JSON.stringify(PARAGRAPHS)}, ${version});
        window.__fakeWord = word;
        window.Word = { run: word.run };
        window.Office = {
          onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
          context: { requirements: { isSetSupported: word.isSetSupported } },
        };`,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe('addin task pane inside Word (stand-in office.js)', function () {
  this.timeout(60_000);
  let server: StartedServer;
  let session: BrowserSession;

  before(async () => { server = await startServer({ port: 0, https: false }); });
  after(async () => { await server?.close(); });
  afterEach(async () => { await session?.close(); });

  async function openPane(version: number): Promise<void> {
    session = await openBrowser({ width: 420, height: 900 });
    const script = await fakeOfficeJs(version);
    await session.page.route(HOSTED, (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
    await session.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // Office opens the pane with _host_Info in the query.
    await session.page.goto(`${server.url}taskpane.html?_host_Info=Word$Web$16.00$en-GB$$$$0`);
    await session.page.waitForSelector('#app[data-mode="word"] .clw', { timeout: 20_000 });
  }

  it('lists every finding as a shared card, styled by taskpane.css, and a rewrite reaches the document', async () => {
    await openPane(1.1);
    const page = session.page;
    const expected = PARAGRAPHS.flatMap((p) => lint(p).map((f) => f.text));
    assert.ok(expected.length >= 2, 'fixture has findings');
    await page.waitForFunction((n) => document.querySelectorAll('.clw .cl-card').length === n, expected.length, { timeout: 10_000 });
    // Grouped by category in the pane, so compare as sets.
    assert.deepEqual((await page.locator('.clw .cl-card .cl-card__text').allTextContents()).sort(), [...expected].sort());
    // The pane's look comes from the page's own stylesheet (the CSP allows no inline <style>).
    const accent = await page.$eval('.clw-group h3', (h) => getComputedStyle(h).borderLeftWidth);
    assert.equal(accent, '4px');

    const card = page.locator('.clw .cl-card', { hasText: 'noncompliant with' });
    await card.getByRole('button', { name: /with "not taking"/ }).click();
    await page.waitForFunction(() => (window as unknown as { __fakeWord: { texts(): string[] } }).__fakeWord.texts()[1].includes('not taking'), undefined, { timeout: 10_000 });
    const texts = await page.evaluate(() => (window as unknown as { __fakeWord: { texts(): string[] } }).__fakeWord.texts());
    assert.deepEqual(texts, [PARAGRAPHS[0], PARAGRAPHS[1].replace('noncompliant with', 'not taking'), PARAGRAPHS[2]]);

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/word-taskpane.png', fullPage: true });
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    assert.deepEqual(violations.filter((v) => v.startsWith('script-src')), [], 'no script blocked by the CSP');
    // Only Microsoft's office.js host (stood in for here) is ever asked for, and only inside Office.
    assert.deepEqual(session.foreignRequests(), [HOSTED]);
    assert.ok(!session.requests.some((u) => u.includes('/office-js/')), 'local office.js requested inside Office');
  });

  it('shows rule text and document text as plain text in the pane', async () => {
    await openPane(1.1);
    const page = session.page;
    await page.evaluate(() => (window as unknown as { __fakeWord: { type(i: number, t: string): Promise<void> } }).__fakeWord
      .type(0, '<img src=x onerror=alert(1)> a frequent flyer'));
    // Without WordApi 1.6 the pane polls paragraph texts (every 1–2 s), so wait for the new finding to appear.
    await page.waitForFunction(() => [...document.querySelectorAll('.clw .cl-card__text')].some((n) => n.textContent === 'frequent flyer'), undefined, { timeout: 15_000 });
    assert.equal(await page.locator('#app img').count(), 0);
  });
});
