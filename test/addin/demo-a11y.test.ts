// axe-core (its local file, evaluated in the page) on every state of the demo page and the Word pane, at 1280 and
// 320 px, with no horizontal scroll; a screenshot of each state lands in test-artifacts/. The page's own CSP stays
// on: axe runs through the DevTools protocol, which the policy does not govern, so no inline script is needed.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { startServer, type StartedServer } from '../../addin/serve.mjs';
import { openBrowser, type BrowserSession } from '../support/browser';
import { cspViolations, reportCspViolations } from './support/csp';

const AXE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const WIDTHS = [1280, 320];
const NOTE = [
  'Review with Sam today.',
  'PC Hale will attend her outpatient reviews.',
  'A behavioural contract was discussed.',
  'The night team described her as manipulative.',
  'She was noncompliant with her medication.',
].join('\n');

interface Violation {
  id: string;
  impact: string;
  nodes: Array<{ target: string[] }>;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      rules: { 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe, horizontal scroll and a screenshot for one state. */
async function check(page: Page, name: string): Promise<void> {
  mkdirSync('test-artifacts', { recursive: true });
  await page.screenshot({ path: `test-artifacts/${name}.png`, fullPage: true });
  assert.equal(await horizontalOverflow(page), 0, `${name}: the page scrolls sideways`);
  assert.deepEqual(await axeViolations(page), [], `${name}: axe violations`);
}

async function fakeOfficeScript(texts: string[]): Promise<string> {
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
  const word = new CareLintFakeWord.FakeWord(${JSON.stringify(texts)}, 1.8);
  window.__word = word;
  window.Office = { onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }), context: { requirements: { isSetSupported: word.isSetSupported } } };
  window.Word = { run: word.run };
})();`;
}

describe('demo page and Word pane: axe-core, narrow panes, screenshots (chromium)', function () {
  this.timeout(180_000);
  let server: StartedServer;
  let session: BrowserSession | undefined;
  before(async () => {
    server = await startServer({ port: 0, https: false });
  });
  after(async () => {
    await server?.close();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('no horizontal scroll anywhere from 320 to 350 px (the sample picker used to be 357 px wide)', async () => {
    session = await openBrowser({ width: 350, height: 800 });
    const { page } = session;
    await page.goto(server.url);
    await page.waitForSelector('#app[data-mode="demo"] #cl-note', { timeout: 20_000 });
    await page.selectOption('#cl-sample', 'mixed');
    await page.click('#cl-load');
    await page.click('#cl-explain-toggle');
    for (let width = 320; width <= 350; width += 5) {
      await page.setViewportSize({ width, height: 800 });
      assert.equal(await horizontalOverflow(page), 0, `${width} px`);
      assert.ok(
        await page.$eval('#cl-sample', (s) => s.getBoundingClientRect().right <= document.documentElement.clientWidth),
        `${width} px: the picker sticks out`,
      );
    }
  });

  for (const width of WIDTHS) {
    it(`demo at ${width} px: empty, typed, card open, Explain all open, after an Ignore`, async () => {
      session = await openBrowser({ width, height: 800 });
      const { page } = session;
      await reportCspViolations(page);
      await page.goto(server.url);
      await page.waitForSelector('#app[data-mode="demo"] #cl-note', { timeout: 20_000 });
      await check(page, `demo-${width}-empty`);

      await page.click('#cl-note');
      await page.keyboard.type(NOTE);
      await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 4, undefined, {
        timeout: 10_000,
      });
      await check(page, `demo-${width}-typed`);

      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Alt+ArrowDown');
      const card = page.locator('#cl-popover:not([hidden]) .cl-card');
      await card.waitFor({ timeout: 5_000 });
      await card.locator('summary').click();
      await check(page, `demo-${width}-card`);
      await page.keyboard.press('Escape');

      await page.click('#cl-explain-toggle');
      await page.locator('#cl-explain .cl-card').first().waitFor({ timeout: 5_000 });
      for (const summary of await page.locator('#cl-explain summary').all()) await summary.click();
      await check(page, `demo-${width}-explain-all`);

      await page.locator('#cl-explain .cl-card__action[data-action="ignore"]').first().click();
      await page.locator('.cl-toast:not([hidden])').waitFor({ timeout: 5_000 });
      await check(page, `demo-${width}-ignored`);
      assert.deepEqual(await cspViolations(page), []);
    });

    it(`Word pane at ${width} px: empty document, findings, a card's details open`, async () => {
      session = await openBrowser({ width, height: 800 });
      const { page } = session;
      await reportCspViolations(page);
      await page.route(HOSTED, async (route) =>
        route.fulfill({ contentType: 'text/javascript', body: await fakeOfficeScript(['']) }),
      );
      await page.goto(`${server.url}taskpane.html?_host_Info=Word$Win32$16.01$en-US$$$$0`);
      await page.waitForSelector('#app[data-mode="word"] .clw', { timeout: 20_000 });
      await check(page, `pane-${width}-empty`);

      await session.close();
      session = await openBrowser({ width, height: 800 });
      const next = session.page;
      await reportCspViolations(next);
      await next.route(HOSTED, async (route) =>
        route.fulfill({ contentType: 'text/javascript', body: await fakeOfficeScript(NOTE.split('\n')) }),
      );
      await next.goto(`${server.url}taskpane.html?_host_Info=Word$Win32$16.01$en-US$$$$0`);
      await next.waitForSelector('#app[data-mode="word"] .clw .cl-card', { timeout: 20_000 });
      await check(next, `pane-${width}-findings`);
      await next.locator('.clw .cl-card summary').first().click();
      await check(next, `pane-${width}-card-details`);
      assert.deepEqual(await cspViolations(next), []);
    });
  }
});
