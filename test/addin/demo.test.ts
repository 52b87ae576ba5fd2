// The live demo page in Debian's chromium, served by the project's own server from the built dist/addin.
// Notes here are fictional and written for these tests.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startServer, type StartedServer } from '../../addin/serve.mjs';
import { openBrowser, type BrowserSession } from '../support/browser';
import { cspViolations, reportCspViolations } from './support/csp';

const NOTE = [
  'Review with Sam today.',
  'The night team described her as manipulative.',
  'She was noncompliant with her medication.',
  'His uncle committed suicide last year.',
].join('\n');

async function marks(page: Page): Promise<Array<{ text: string; category: string }>> {
  return page.$$eval('.cl-editor__layer mark', (nodes) =>
    nodes.map((n) => ({ text: n.textContent ?? '', category: (n as HTMLElement).dataset.category ?? '' })),
  );
}

async function waitForMarks(page: Page, expected: string[]): Promise<void> {
  await page
    .waitForFunction(
      (want) =>
        JSON.stringify([...document.querySelectorAll('.cl-editor__layer mark')].map((n) => n.textContent)) ===
        JSON.stringify(want),
      expected,
      { timeout: 10_000 },
    )
    .catch(async () => {
      assert.fail(
        `underlines ${JSON.stringify((await marks(page)).map((m) => m.text))}, expected ${JSON.stringify(expected)}`,
      );
    });
}

async function noteText(page: Page): Promise<string> {
  return page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).value);
}

async function hoverMark(page: Page, text: string): Promise<void> {
  // The layer redraws a line whose underlines changed, so the mark is read when it is laid out, not before.
  const box = await page
    .waitForFunction(
      (t) => {
        const mark = [...document.querySelectorAll('.cl-editor__layer mark')].find((n) => n.textContent?.includes(t));
        const r = mark?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      },
      text,
      { timeout: 10_000 },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  assert.ok(box, `no underline for ${text}`);
  // The layer lets the pointer through to the textarea, so move the mouse rather than hover the element.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

describe('addin demo page (chromium)', function () {
  this.timeout(60_000);
  let server: StartedServer;
  let session: BrowserSession;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const consoleCsp: string[] = [];

  before(async () => {
    server = await startServer({ port: 0, https: false });
  });
  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    dialogs.length = 0;
    pageErrors.length = 0;
    consoleCsp.length = 0;
    session = await openBrowser();
    page = session.page;
    await reportCspViolations(page);
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    // office.js (local copy) reports no host, so the page turns into the demo.
    await page.waitForSelector('#app[data-mode="demo"] #cl-note', { timeout: 20_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      mkdirSync('test-artifacts', { recursive: true });
      await page
        .screenshot({ path: `test-artifacts/demo-failed-${this.currentTest.title.replace(/\W+/g, '-')}.png` })
        .catch(() => {});
    }
    await session.close();
  });

  it('outside Office loads nothing of Office, opens no frame, asks nothing of another origin and breaks no CSP rule', async () => {
    assert.ok(
      !session.requests.some((u) => /office-js|appsforoffice/.test(u)),
      `office.js requested outside Office: ${session.requests.join(', ')}`,
    );
    // a finding card, Explain all and a sample: every part of the page has run
    await page.click('#cl-note');
    await page.keyboard.type(NOTE);
    await waitForMarks(page, ['manipulative', 'noncompliant with', 'committed suicide']);
    await hoverMark(page, 'manipulative');
    await page.locator('#cl-popover:not([hidden]) .cl-card').waitFor({ timeout: 5_000 });
    await page.click('#cl-explain-toggle');
    await page.locator('#cl-explain .cl-card').first().waitFor({ timeout: 5_000 });
    await page.selectOption('#cl-sample', 'mixed');
    await page.click('#cl-load');
    await page.waitForFunction(
      () => document.querySelector('.cl-count--total')?.getAttribute('data-count') === '4',
      undefined,
      { timeout: 10_000 },
    );
    assert.deepEqual(
      page.frames().map((f) => f.url()),
      [page.url()],
      'the page opened a frame',
    );
    assert.deepEqual(session.foreignRequests(), []);
    assert.ok(
      session.requests.every((u) => new URL(u).origin === new URL(server.url).origin),
      `requests: ${session.requests.join(', ')}`,
    );
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(consoleCsp, []);
    assert.deepEqual(pageErrors, []);
  });

  it('underlines the flagged words as a note is typed, with counts per category', async () => {
    await page.click('#cl-note');
    await page.keyboard.type(NOTE);
    await waitForMarks(page, ['manipulative', 'noncompliant with', 'committed suicide']);
    assert.deepEqual(
      (await marks(page)).map((m) => m.category),
      ['discriminatory-attitude', 'stigmatizing-language', 'stigmatizing-language'],
    );
    const counts = await page.$$eval('.cl-count[data-category]', (rows) =>
      rows.map((r) => [(r as HTMLElement).dataset.category, (r as HTMLElement).dataset.count]),
    );
    assert.deepEqual(Object.fromEntries(counts), {
      'police-involvement': '0',
      'punitive-approach': '0',
      'discriminatory-attitude': '1',
      'stigmatizing-language': '2',
    });
    // An edit elsewhere keeps the other underlines; removing a flagged word removes its underline.
    await page.keyboard.press('Backspace');
    await page.keyboard.type('.');
    await page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).setSelectionRange(0, 0));
    const before = await noteText(page);
    const at = before.indexOf('manipulative');
    await page.$eval('#cl-note', (t, [a, b]) => (t as HTMLTextAreaElement).setSelectionRange(a, b), [
      at,
      at + 'manipulative'.length,
    ]);
    await page.keyboard.type('worried');
    await waitForMarks(page, ['noncompliant with', 'committed suicide']);
    assert.deepEqual(session.foreignRequests(), []);
  });

  it('hovering an underline opens its card; a rewrite button replaces only that range', async () => {
    await page.click('#cl-note');
    await page.keyboard.type(NOTE);
    await waitForMarks(page, ['manipulative', 'noncompliant with', 'committed suicide']);
    await hoverMark(page, 'committed suicide');
    const card = page.locator('#cl-popover:not([hidden]) .cl-card');
    await card.waitFor({ timeout: 5_000 });
    assert.equal(await card.getAttribute('data-category'), 'stigmatizing-language');
    assert.equal(await card.locator('.cl-card__text').textContent(), 'committed suicide');
    assert.match((await card.locator('.cl-card__rationale').textContent()) ?? '', /\w{4,}/);
    assert.ok((await card.locator('.cl-card__source-list li').count()) >= 1, 'card lists its sources');
    const links = await card
      .locator('.cl-card__source-list a')
      .evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).protocol, (a as HTMLAnchorElement).rel]));
    for (const [protocol, rel] of links) {
      assert.match(protocol, /^https?:$/);
      assert.match(rel, /noreferrer/);
    }
    await card.getByRole('button', { name: /with "died by suicide"/ }).click();
    assert.equal(await noteText(page), NOTE.replace('committed suicide', 'died by suicide'));
    await waitForMarks(page, ['manipulative', 'noncompliant with']);
    // The caret lands after the rewrite, and the edit is undoable: the writer's own words are never lost.
    const caret = await page.$eval('#cl-note', (t) => [
      (t as HTMLTextAreaElement).selectionStart,
      (t as HTMLTextAreaElement).selectionEnd,
    ]);
    const end = NOTE.indexOf('committed suicide') + 'died by suicide'.length;
    assert.deepEqual(caret, [end, end]);
    await page.keyboard.press('Control+z');
    assert.equal(await noteText(page), NOTE);
    assert.deepEqual(session.foreignRequests(), []);
  });

  it('is keyboard operable: Alt+Down reaches a finding, Tab reaches its rewrites, Enter applies one', async () => {
    await page.click('#cl-note');
    await page.keyboard.type(NOTE);
    await waitForMarks(page, ['manipulative', 'noncompliant with', 'committed suicide']);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Alt+ArrowDown');
    const selected = await page.$eval('#cl-note', (t) => {
      const ta = t as HTMLTextAreaElement;
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    assert.equal(selected, 'noncompliant with');
    const card = page.locator('#cl-popover:not([hidden]) .cl-card');
    await card.waitFor({ timeout: 5_000 });
    assert.equal(await card.locator('.cl-card__text').textContent(), 'noncompliant with');
    assert.match((await page.locator('[role="status"]').textContent()) ?? '', /noncompliant with/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'not taking');
    assert.ok(await page.evaluate(() => document.activeElement?.matches(':focus-visible')), 'focus is visible');
    await page.keyboard.press('Enter');
    assert.equal(await noteText(page), NOTE.replace('noncompliant with', 'not taking'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'cl-note');
    await waitForMarks(page, ['manipulative', 'committed suicide']);
    // Escape closes a card opened from the keyboard.
    await page.keyboard.press('Alt+ArrowDown');
    await card.waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await page.locator('#cl-popover').waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('shows pasted HTML and Markdown as text, never as markup', async () => {
    const hostile =
      'Pasted: <img src=x onerror=alert(1)> and [a frequent flyer](javascript:alert(2)) **addict** <b>bold</b>';
    await page.click('#cl-note');
    await page.keyboard.insertText(hostile);
    await waitForMarks(page, ['frequent flyer', 'addict']);
    assert.equal(await noteText(page), hostile);
    assert.equal(await page.$eval('.cl-editor__layer', (l) => (l.textContent ?? '').replace('\u200b', '')), hostile);
    assert.equal(await page.locator('#app img, #app b, #app a[href^="javascript"]').count(), 0);
    await page.click('#cl-explain-toggle');
    const explained = await page.locator('#cl-explain .cl-card__text').allTextContents();
    assert.deepEqual(explained, ['frequent flyer', 'addict']);
    assert.equal(await page.locator('#app img').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(session.foreignRequests(), []);
  });

  it('has an effective Content-Security-Policy: inline script and foreign images are blocked', async () => {
    const failures: Array<[string, string]> = [];
    page.on('requestfailed', (r) => failures.push([r.url(), r.failure()?.errorText ?? '']));
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__carelintInjected = true';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      return { ran: (window as unknown as { __carelintInjected?: boolean }).__carelintInjected === true, violations };
    });
    assert.equal(outcome.ran, false, 'inline script ran despite the CSP');
    assert.ok(
      outcome.violations.some((v) => v.startsWith('script-src')),
      `violations: ${outcome.violations}`,
    );
    assert.ok(
      outcome.violations.some((v) => v.startsWith('img-src')),
      `violations: ${outcome.violations}`,
    );
    // Chromium may report the attempt, but the CSP stops it before anything goes out.
    assert.deepEqual(
      failures.filter(([u]) => u.includes('example.invalid')).map(([, e]) => e),
      ['csp'],
    );
  });

  it('loads each sample note with findings in its category, counts them, and explains them all', async () => {
    const expected: Record<string, string> = {
      police: 'police-involvement',
      punitive: 'punitive-approach',
      discriminatory: 'discriminatory-attitude',
      stigma: 'stigmatizing-language',
    };
    for (const [id, category] of Object.entries(expected)) {
      await page.selectOption('#cl-sample', id);
      await page.click('#cl-load');
      await page.waitForFunction(
        (c) => Number(document.querySelector(`.cl-count[data-category="${c}"]`)?.getAttribute('data-count')) > 0,
        category,
        { timeout: 10_000 },
      );
      const categories = new Set((await marks(page)).map((m) => m.category));
      assert.deepEqual([...categories], [category], `sample ${id}`);
    }
    await page.selectOption('#cl-sample', 'mixed');
    await page.click('#cl-load');
    await page.waitForFunction(
      () => document.querySelector('.cl-count--total')?.getAttribute('data-count') === '4',
      undefined,
      { timeout: 10_000 },
    );
    await page.click('#cl-explain-toggle');
    assert.equal(await page.getAttribute('#cl-explain-toggle', 'aria-expanded'), 'true');
    const groups = await page.$$eval('#cl-explain .cl-group', (gs) =>
      gs.map((g) => (g as HTMLElement).dataset.category),
    );
    assert.deepEqual(groups, [
      'police-involvement',
      'punitive-approach',
      'discriminatory-attitude',
      'stigmatizing-language',
    ]);
    const rationales = await page.locator('#cl-explain .cl-card__rationale').allTextContents();
    assert.equal(rationales.length, 4);
    for (const r of rationales) assert.ok(r.length > 20, `rationale: ${r}`);
    mkdirSync('test-artifacts', { recursive: true });
    await page.locator('#cl-explain-toggle').click();
    await hoverMark(page, 'behavioural contract');
    await page.locator('#cl-popover:not([hidden]) .cl-card').waitFor({ timeout: 5_000 });
    await page.screenshot({ path: 'test-artifacts/demo.png' });
    // Loading a sample over the writer's text is undoable: Ctrl+Z brings back the note that was there.
    const mixed = await noteText(page);
    await page.click('#cl-note');
    await page.keyboard.press('Control+z');
    const restored = await noteText(page);
    assert.notEqual(restored, mixed);
    assert.match(restored, /alcoholic/);
    assert.deepEqual(session.foreignRequests(), []);
  });

  it('the counts are the legend: each category shows its underline style and colour next to its name', async () => {
    await page.selectOption('#cl-sample', 'mixed');
    await page.click('#cl-load');
    await page.waitForFunction(
      () => document.querySelector('.cl-count--total')?.getAttribute('data-count') === '4',
      undefined,
      { timeout: 10_000 },
    );
    const styles = await page.evaluate(() => {
      const out: Record<string, { legend: string; mark: string; label: string }> = {};
      for (const row of document.querySelectorAll<HTMLElement>('.cl-count[data-category]')) {
        const category = row.dataset.category!;
        const [legend, mark] = [
          row.querySelector('.cl-sample'),
          document.querySelector(`.cl-editor__layer mark[data-category="${category}"]`),
        ].map((e) => {
          if (!e) return 'none';
          const s = getComputedStyle(e);
          return `${s.textDecorationLine} ${s.textDecorationStyle} ${s.textDecorationColor}`;
        });
        out[category] = { legend, mark, label: row.querySelector('.cl-count__label')!.textContent! };
      }
      return out;
    });
    const seen = new Set<string>();
    for (const [category, s] of Object.entries(styles)) {
      assert.equal(s.legend, s.mark, category);
      assert.match(s.legend, /^underline /, category);
      seen.add(s.legend);
    }
    assert.equal(seen.size, 4, 'four distinct underline styles');
  });

  it('keeps underlines readable in forced-colors (high contrast) mode', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.click('#cl-note');
    await page.keyboard.type('She was noncompliant with the plan.');
    await waitForMarks(page, ['noncompliant with']);
    const style = await page.$eval('.cl-editor__layer mark', (m) => {
      const s = getComputedStyle(m);
      return {
        line: s.textDecorationLine,
        style: s.textDecorationStyle,
        adjust: s.getPropertyValue('forced-color-adjust'),
      };
    });
    assert.equal(style.line, 'underline');
    assert.equal(style.style, 'dashed');
    assert.equal(style.adjust, 'none');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/demo-forced-colors.png' });
  });
});

describe('addin page inside Office (hosted office.js stubbed)', function () {
  this.timeout(60_000);
  let server: StartedServer;
  before(async () => {
    server = await startServer({ port: 0, https: false });
  });
  after(async () => {
    await server?.close();
  });

  it("asks for Microsoft's hosted office.js only when Office opened the page, and starts the Word pane for a Word host", async () => {
    const session = await openBrowser();
    try {
      // Office is not available here: answer the hosted URL with a stand-in that reports a Word host.
      await session.page.route('https://appsforoffice.microsoft.com/**', (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: 'window.Office = { onReady: () => Promise.resolve({ host: "Word", platform: "OfficeOnline" }) };',
        }),
      );
      await session.page.goto(`${server.url}taskpane.html?_host_Info=Word$Win32$16.01$en-US$$$$0`);
      await session.page.waitForSelector('#app[data-mode="word"]', { timeout: 20_000 });
      assert.deepEqual(session.foreignRequests(), ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      assert.ok(!session.requests.some((u) => u.includes('/office-js/')), 'local office.js requested inside Office');
    } finally {
      await session.close();
    }
  });
});
