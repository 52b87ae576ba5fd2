// The demo page with a clinical-scale record (bench/lib/clinical-note.mjs: 150 KB, 265 entries, about 1,470
// findings) and the card's behaviour around it, in Debian's chromium. No timings are asserted here (they are in
// `npm run bench`); these tests check what the writer sees happen, and in which order.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startServer, type StartedServer } from '../../addin/serve.mjs';
import { lint } from '../../shared-rules/src/index';
import { clinicalNote } from '../../bench/lib/clinical-note.mjs';
import { openBrowser, type BrowserSession } from '../support/browser';

const RECORD: string = clinicalNote(150_000);
/** Typed at 12 keys a second; the flagged words come early, so the rest of the typing is the test's window. */
const TYPED = 'Mr Quill was noncompliant with the plan; we talked about the week ahead, his sister and the garden.';
const FLAG = 'noncompliant with';

const countMarks = (page: Page, text: string) =>
  page.evaluate(
    (t) => [...document.querySelectorAll('.cl-editor__layer mark')].filter((m) => m.textContent === t).length,
    text,
  );

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const note = document.querySelector<HTMLTextAreaElement>('#cl-note')!;
    note.focus();
    note.value = t;
    note.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

describe('demo page at clinical scale (chromium)', function () {
  this.timeout(120_000);
  let server: StartedServer;
  let session: BrowserSession;
  let page: Page;
  before(async () => {
    server = await startServer({ port: 0, https: false });
  });
  after(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    session = await openBrowser({ width: 1280, height: 800 });
    page = session.page;
    await page.goto(server.url);
    await page.waitForSelector('#app[data-mode="demo"] #cl-note', { timeout: 20_000 });
  });
  afterEach(async () => {
    await session.close();
  });

  it('refreshes underlines while typing continues at 12 keys a second in a 150 KB record', async () => {
    const before = lint(RECORD).filter((f) => f.text === FLAG).length;
    assert.ok(before > 10, 'the record already has this finding many times');
    await paste(page, RECORD);
    await page.waitForFunction(
      ([t, n]) =>
        [...document.querySelectorAll('.cl-editor__layer mark')].filter((m) => m.textContent === t).length === n,
      [FLAG, before] as const,
      { timeout: 30_000 },
    );
    await page.evaluate(() => {
      const note = document.querySelector<HTMLTextAreaElement>('#cl-note')!;
      const at = note.value.indexOf('\n', note.value.length >> 1) + 1;
      note.setSelectionRange(at, at);
    });
    const start = await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#cl-note')!.value.length);
    const typing = page.keyboard.type(TYPED, { delay: 83 });
    // the moment the new underline shows, how much had been typed
    const typedWhenSeen = await page
      .waitForFunction(
        ([t, n, s]) => {
          const shown = [...document.querySelectorAll('.cl-editor__layer mark')].filter(
            (m) => m.textContent === t,
          ).length;
          return shown > n ? document.querySelector<HTMLTextAreaElement>('#cl-note')!.value.length - s : false;
        },
        [FLAG, before, start] as const,
        { timeout: 60_000, polling: 'raf' },
      )
      .then((h) => h.jsonValue() as Promise<number>);
    await typing;
    assert.ok(
      typedWhenSeen < TYPED.length,
      `the underline appeared only once typing stopped (${typedWhenSeen} of ${TYPED.length} characters typed)`,
    );
    assert.ok(typedWhenSeen >= TYPED.indexOf(FLAG) + FLAG.length, 'underlined no earlier than its words were typed');
    assert.equal(await countMarks(page, FLAG), before + 1);
    // what was typed is all there, in order, where the caret was
    const text = await page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).value);
    assert.equal(text.length, RECORD.length + TYPED.length);
    assert.ok(text.includes(`\n${TYPED}`));
  });

  it('underlines a long paste from the top first, and typing while the rest is checked loses nothing', async () => {
    // the first task after the paste: underlines at the top already, the rest of the note still being checked
    const first = await page.evaluate((t) => {
      const note = document.querySelector<HTMLTextAreaElement>('#cl-note')!;
      note.focus();
      note.value = t;
      note.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return {
        marks: document.querySelectorAll('.cl-editor__layer mark').length,
        checking: document.querySelector('.cl-editor')!.hasAttribute('data-checking'),
        counted: Number(document.querySelector('.cl-count--total')?.getAttribute('data-count')),
      };
    }, RECORD);
    assert.ok(first.marks > 0, 'no underline in the task of the paste');
    assert.ok(first.checking, 'the whole note was checked in the task of the paste');
    assert.ok(first.counted < lint(RECORD).length, `${first.counted} findings counted at once`);
    // an edit at the top before the rest is checked
    await page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#cl-note')!.setSelectionRange(0, 0));
    await page.keyboard.type('He was noncompliant with the plan. ');
    await page.waitForSelector('.cl-editor:not([data-checking])');
    const text = await page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).value);
    assert.equal(text, `He was noncompliant with the plan. ${RECORD}`);
    const expected = lint(text).length;
    await page.waitForFunction(
      (n) => Number(document.querySelector('.cl-count--total')?.getAttribute('data-count')) === n,
      expected,
      { timeout: 30_000 },
    );
    // every underline drawn, the last ones too
    await page.waitForFunction(
      ([t, n]) =>
        [...document.querySelectorAll('.cl-editor__layer mark')].filter((m) => m.textContent === t).length === n,
      [FLAG, lint(text).filter((f) => f.text === FLAG).length] as const,
      { timeout: 30_000 },
    );
  });

  it('keeps underlines over their words far down a long record when the width changes or words change out of view', async () => {
    await paste(page, RECORD);
    await page.waitForSelector('.cl-editor:not([data-checking])', { timeout: 30_000 });
    // the layer's lines end where the note's text ends (its box less border and padding): a chunk of lines kept
    // at a wrong height while away from the window would move every line after it
    const settled = async (what: string) => {
      await page.waitForFunction(() => document.querySelectorAll('.cl-chunk--parked').length > 10, undefined, {
        timeout: 30_000,
      });
      const measure = () => {
        const note = document.querySelector('#cl-note')!;
        const style = getComputedStyle(note);
        return {
          text:
            note.getBoundingClientRect().bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
          lines: document.querySelector('.cl-editor__layer')!.lastElementChild!.getBoundingClientRect().bottom,
        };
      };
      // the layer follows an edit or a scroll in its next refresh (at most 150 ms after the change), so read until
      // the lines meet the text or 5 s pass; a chunk kept at a wrong height never meets it
      let ends = await page.evaluate(measure);
      for (const stop = Date.now() + 5_000; Math.abs(ends.text - ends.lines) >= 2 && Date.now() < stop; ) {
        await page.waitForTimeout(50);
        ends = await page.evaluate(measure);
      }
      assert.ok(Math.abs(ends.text - ends.lines) < 2, `${what}: ${JSON.stringify(ends)}`);
    };
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await settled('pasted');
    await page.setViewportSize({ width: 700, height: 800 });
    await settled('narrowed');
    // a Replace all from Explain all rewrites lines far from the window
    await page.click('#cl-explain-toggle');
    await page.locator('#cl-explain .cl-card[data-rule="manipulative"] [data-action="replace-all"]').first().click();
    await page.waitForFunction(
      () => ![...document.querySelectorAll('.cl-editor__layer mark')].some((m) => m.textContent === 'manipulative'),
    );
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
    await settled('rewritten');
  });

  it('keeps the findings panel in view on a long record, and Explain all draws a page of cards with more on request', async () => {
    await paste(page, RECORD);
    await page.waitForFunction(
      () => Number(document.querySelector('.cl-count--total')?.getAttribute('data-count')) > 1000,
      undefined,
      { timeout: 30_000 },
    );
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const side = await page.$eval('.cl-demo__side', (s) => {
      const r = s.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    assert.ok(side.top >= 0 && side.top < 100, `the panel scrolled away (top ${side.top})`);
    await page.click('#cl-explain-toggle');
    // cards are drawn a few per task; the list says when it is done
    const drawn = () => page.waitForSelector('#cl-explain:not([hidden]):not([aria-busy])', { timeout: 30_000 });
    await drawn();
    const group = page.locator('#cl-explain .cl-group[data-category="stigmatizing-language"]');
    const first = await group.locator('.cl-card').count();
    assert.ok(first > 0 && first < 100, `${first} cards drawn at once`);
    const firstCard = await group.locator('.cl-card').first().elementHandle();
    await group.locator('.cl-group__more').click();
    await drawn();
    assert.ok((await group.locator('.cl-card').count()) > first, 'Show more drew more cards');
    // an update keeps cards whose finding did not change
    assert.ok(await firstCard!.evaluate((c) => c.isConnected), 'the first card was redrawn rather than kept');
  });

  it('opens the card below an underline, or above it near the bottom of the window, never over its words', async () => {
    const lines = Array.from({ length: 40 }, (_, i) =>
      i === 2 || i === 27 ? 'She was noncompliant with her medication.' : `Line ${i + 1} of an ordinary note.`,
    );
    await paste(page, lines.join('\n'));
    await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 2);
    const placements: string[] = [];
    for (const index of [0, 1]) {
      const mark = page.locator('.cl-editor__layer mark').nth(index);
      await mark.scrollIntoViewIfNeeded();
      // the second underline near the bottom edge of the window
      if (index === 1)
        await page.evaluate(() => {
          const m = document.querySelectorAll('.cl-editor__layer mark')[1].getBoundingClientRect();
          window.scrollBy(0, m.bottom - window.innerHeight + 40);
        });
      const box = (await mark.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const card = page.locator('#cl-popover:not([hidden])');
      await card.waitFor({ timeout: 5_000 });
      const [m, c] = await page.evaluate(
        (i) =>
          [document.querySelectorAll('.cl-editor__layer mark')[i], document.querySelector('#cl-popover')!].map((e) => {
            const r = e.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom };
          }),
        index,
      );
      assert.ok(
        c.bottom <= m.top || c.top >= m.bottom,
        `card ${JSON.stringify(c)} covers the underline ${JSON.stringify(m)}`,
      );
      assert.ok(c.top >= 0 && c.bottom <= 800, `card off screen: ${JSON.stringify(c)}`);
      placements.push((await card.getAttribute('data-placement'))!);
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'hidden', timeout: 5_000 });
    }
    assert.deepEqual(placements, ['below', 'above']);
  });

  it('Replace all inserts only rewrites, never a prompt; guidance is advice, never a button; a chosen prompt is selected', async () => {
    const note =
      'The night team described her as manipulative.\nThe day team also called him manipulative.\nPC Hale will attend her outpatient reviews.\nShe was noncompliant with her medication.';
    await paste(page, note);
    await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 4);
    await page.click('#cl-explain-toggle');
    const manipulative = page.locator('#cl-explain .cl-card[data-rule="manipulative"]').first();
    assert.ok(
      (await manipulative.locator('.cl-card__rewrite[data-kind="prompt"]').count()) > 0,
      'this rule also offers a prompt',
    );
    await manipulative.locator('[data-action="replace-all"]').click();
    const text = await page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).value);
    assert.equal(
      text,
      note
        .replace('manipulative', 'trying to get her needs met')
        .replace('manipulative', 'trying to get his needs met'),
    );
    assert.doesNotMatch(text, /\[/, 'a prompt was inserted');
    // police in planned care: advice about the plan, shown as text; nothing to insert, so no Replace all
    const police = page.locator('#cl-explain .cl-card[data-rule="police-at-appointments"]');
    const advice = await police.locator('.cl-card__advice').allTextContents();
    assert.ok(advice.length > 0 && advice.every((a) => a.length > 20), `advice: ${advice}`);
    assert.equal(await police.locator('[data-action="replace-all"]').count(), 0);
    for (const label of await police.locator('button').allTextContents())
      assert.ok(!advice.some((a) => label.includes(a)), `guidance on a button: ${label}`);
    // a prompt goes in only when chosen, and is then selected so typing replaces it
    await page
      .locator('#cl-explain .cl-card[data-rule="non-compliant-with-medication"] .cl-card__rewrite[data-kind="prompt"]')
      .click();
    const selected = await page.$eval('#cl-note', (t) => {
      const a = t as HTMLTextAreaElement;
      return a.value.slice(a.selectionStart, a.selectionEnd);
    });
    assert.match(selected, /^\[describe .*\]$/);
  });

  it('an Ignore can be undone from its toast and with Ctrl+Z', async () => {
    await paste(page, 'The night team described her as manipulative.\nShe was noncompliant with her medication.');
    await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 2);
    const marks = () => page.$$eval('.cl-editor__layer mark', (ms) => ms.map((m) => m.textContent));
    for (const how of ['toast', 'keyboard']) {
      await page.click('#cl-explain-toggle');
      await page.locator('#cl-explain .cl-card[data-rule="manipulative"] [data-action="ignore"]').click();
      await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 1);
      assert.deepEqual(await marks(), ['noncompliant with']);
      const toast = page.locator('.cl-toast:not([hidden])');
      assert.match((await toast.textContent()) ?? '', /Ignored "manipulative"/);
      if (how === 'toast') await toast.getByRole('button', { name: 'Undo' }).click();
      else {
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'cl-note');
        await page.keyboard.press('Control+z');
      }
      await page.waitForFunction(() => document.querySelectorAll('.cl-editor__layer mark').length === 2);
      assert.deepEqual(await marks(), ['manipulative', 'noncompliant with'], how);
      assert.equal(await page.locator('.cl-toast').isHidden(), true);
      assert.equal(
        await page.$eval('#cl-note', (t) => (t as HTMLTextAreaElement).value),
        'The night team described her as manipulative.\nShe was noncompliant with her medication.',
        'the text is untouched',
      );
      await page.click('#cl-explain-toggle');
    }
  });
});
