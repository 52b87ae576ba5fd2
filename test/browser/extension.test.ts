/**
 * The browser extension in Debian's real Chromium: the unpacked build (dist/browser-test) is loaded with
 * --load-extension, a local server serves record-like pages and the editors' own files from node_modules, and every
 * check types with real keystrokes. Screenshots go to test-artifacts/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../support/cli';
import {
  launchExtension,
  popupText,
  underlines,
  waitForUnderline,
  type ExtensionSession,
  type Underline,
} from './support';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const NOTE = 'Patient was aggressive and non-compliant with meds. ';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `browser-${name}.png`), caret: 'initial' });
const centre = (u: Underline) => ({ x: u.x + u.width / 2, y: u.y + u.height / 2 });

/** Where the caret lands when the user clicks the middle of an underline: inside the flagged words if it sits on them. */
async function caretAfterClick(
  page: Page,
  target: Page | Frame,
  u: Underline,
  selector: string,
): Promise<{ value: string; caret: number }> {
  let { x, y } = centre(u);
  const frame = 'parentFrame' in target && target.parentFrame() ? target : null;
  if (frame) {
    const box = await (await (frame as Frame).frameElement()).boundingBox();
    x += box!.x;
    y += box!.y;
  }
  await page.mouse.click(x, y);
  return target.$eval(selector, (el) => ({
    value: (el as HTMLTextAreaElement).value,
    caret: (el as HTMLTextAreaElement).selectionStart,
  }));
}

function assertOnWord(state: { value: string; caret: number }, word: string): void {
  const at = state.value.toLowerCase().indexOf(word.toLowerCase());
  assert.ok(at >= 0, `"${word}" is in the field`);
  assert.ok(
    state.caret >= at && state.caret <= at + word.length,
    `a click on the underline put the caret at ${state.caret}, inside "${word}" (${at}–${at + word.length})`,
  );
}

/** Whether the content script ever ran in this page (asked in the extension's own isolated world). */
async function contentScriptRan(s: ExtensionSession, url: string): Promise<boolean> {
  return s.worker.evaluate(`(async () => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === ${JSON.stringify(url)});
    const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => window.__carelint === true });
    return r.result;
  })()`);
}

describe('browser extension in Chromium', function () {
  this.timeout(90_000);
  let s: ExtensionSession;
  let opened: Page[] = [];
  let serial = 0;
  /** A fresh tab on a test page; the query string makes its address unique, so a probe finds this tab only. */
  const open = async (path: string, { enable = true } = {}) => {
    // the enable path the popup takes once the user has granted the site (idempotent)
    if (enable) assert.equal(await s.call('enableSite', s.server.url), true);
    const page = await s.context.newPage();
    opened.push(page);
    await page.goto(`${s.server.url}${path}?tab=${++serial}`);
    return page;
  };
  afterEach(async () => {
    for (const p of opened) await p.close().catch(() => undefined);
    opened = [];
  });

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    s = await launchExtension();
  });
  after(async () => {
    await s?.close();
  });

  it('is off on every site until it is turned on for one', async () => {
    const registered = await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    assert.deepEqual(registered, []);
    const page = await open('/note.html', { enable: false });
    await page.click('#note');
    await page.keyboard.type(NOTE);
    assert.equal(await contentScriptRan(s, page.url()), false);
    assert.equal(await page.$('carelint-overlay'), null);
    await page.close();
  });

  it('underlines the right words in a textarea as you type, after scrolling and resizing too', async () => {
    const page = await open('/note.html');
    // the page watches its own DOM: the extension must not change it
    await page.evaluate(() => {
      (window as any).bodyMutations = [];
      new MutationObserver((m) => {
        (window as any).bodyMutations.push(
          ...m.map(
            (r) =>
              `${r.type} ${(r.target as Element).tagName ?? r.target.nodeName}#${(r.target as Element).id ?? ''} ${r.attributeName ?? ''}`,
          ),
        );
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.click('#note');
    await page.keyboard.type(NOTE);
    let u = await waitForUnderline(page, 'aggressive');
    assert.equal(u.category, 'stigmatizing-language');
    const words = (await underlines(page)).map((x) => x.text.toLowerCase());
    assert.ok(
      words.some((w) => w.includes('non-compliant')),
      `underlines: ${words.join(', ')}`,
    );
    assertOnWord(await caretAfterClick(page, page, u, '#note'), 'aggressive');
    await shot(page, 'textarea');

    // scroll the page: the underline moves with the word
    await page.evaluate(() => window.scrollBy(0, 120));
    await page.waitForFunction((y) => {
      const el = document.querySelector('carelint-overlay')!.shadowRoot!.querySelector<HTMLElement>('.cl-underline');
      return el !== null && Math.abs(el.getBoundingClientRect().y - (y - 120)) < 1;
    }, u.y);
    u = (await underlines(page)).find((x) => x.text.includes('aggressive'))!;
    assertOnWord(await caretAfterClick(page, page, u, '#note'), 'aggressive');

    // a narrower window rewraps the text: the underline follows the word to its new place
    await page.evaluate(() => {
      (document.querySelector('#note') as HTMLTextAreaElement).value += 'More text to wrap the line. '.repeat(3);
      document.querySelector('#note')!.dispatchEvent(new Event('input'));
    });
    await page.keyboard.press('End');
    const before = (await underlines(page)).find((x) => x.text.includes('non-compliant'))!;
    await page.setViewportSize({ width: 560, height: 800 });
    // redrawn for the new width: the underline layer is as wide as the narrower textarea
    await page.waitForFunction(() => {
      const layer = document.querySelector('carelint-overlay')!.shadowRoot!.querySelector<HTMLElement>('.cl-layer')!;
      return Math.abs(layer.getBoundingClientRect().width - document.querySelector('#note')!.clientWidth) < 1;
    });
    assert.notDeepEqual(
      (await underlines(page)).find((x) => x.text.includes('non-compliant')),
      before,
    );
    u = (await underlines(page)).find((x) => x.text.includes('non-compliant'))!;
    assertOnWord(await caretAfterClick(page, page, u, '#note'), 'non-compliant');
    await shot(page, 'textarea-resized');
    await page.setViewportSize({ width: 1200, height: 800 });

    // a textarea inside a scrolling panel: scroll the panel, the underline stays on its word
    await page.click('#plan');
    await page.keyboard.type('Plan: she is attention seeking.');
    await waitForUnderline(page, 'attention seeking');
    await page.$eval('.scroller', (el) => {
      el.scrollTop = 60;
    });
    await page.waitForFunction(() => {
      const el = [
        ...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline'),
      ].find((e) => e.dataset.text!.includes('attention'));
      const plan = document.querySelector('#plan')!.getBoundingClientRect();
      return el !== undefined && Math.abs(el.getBoundingClientRect().y - plan.y) < 30;
    });
    u = (await underlines(page)).find((x) => x.text.includes('attention'))!;
    assertOnWord(await caretAfterClick(page, page, u, '#plan'), 'attention seeking');

    assert.deepEqual(await page.evaluate(() => (window as any).bodyMutations), [], 'the page DOM was not changed');
    assert.ok(
      (await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value)).startsWith(NOTE),
      'the text typed is the text stored',
    );
    await page.close();
  });

  it("follows the textarea's own scrolling in a long note", async () => {
    const page = await open('/note.html');
    await page.fill('#note', 'Seen on the ward today.\n'.repeat(40));
    await page.click('#note');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Plan: he was non-compliant with meds.');
    const u = await waitForUnderline(page, 'non-compliant');
    assert.ok(await page.$eval('#note', (el) => el.scrollTop > 0), 'the textarea scrolled to the caret');
    assertOnWord(await caretAfterClick(page, page, u, '#note'), 'non-compliant');
    await page.$eval('#note', (el) => {
      el.scrollTop = 0;
    });
    await page.waitForFunction(
      () => ![...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll('.cl-underline')].length,
    );
  });

  it('follows browser zoom', async () => {
    const page = await open('/note.html');
    await page.click('#note');
    await page.keyboard.type(NOTE);
    await waitForUnderline(page, 'non-compliant');
    // the browser's own zoom (Ctrl+plus), set through the extension API the way the zoom control does
    await s.worker.evaluate(`(async () => {
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === ${JSON.stringify(page.url())});
      await chrome.tabs.setZoom(tab.id, 1.5);
    })()`);
    // zoomed: fewer CSS pixels across, a narrower textarea, and the underlines redrawn for it
    await page.waitForFunction((w) => window.innerWidth < w, 1200);
    await page.waitForFunction(() => {
      const layer = document.querySelector('carelint-overlay')!.shadowRoot!.querySelector<HTMLElement>('.cl-layer')!;
      return Math.abs(layer.getBoundingClientRect().width - document.querySelector('#note')!.clientWidth) < 1;
    });
    const u = (await underlines(page)).find((x) => x.text.includes('non-compliant'))!;
    assertOnWord(await caretAfterClick(page, page, u, '#note'), 'non-compliant');
    await shot(page, 'zoom');
    await s.worker.evaluate(`(async () => {
      const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === ${JSON.stringify(page.url())});
      await chrome.tabs.setZoom(tab.id, 1);
    })()`);
  });

  it('puts a rewrite in as typing (input events fire) and Ctrl+Z takes it back; Alt+Down, Tab and Escape work', async () => {
    const page = await open('/note.html');
    await page.click('#note');
    await page.keyboard.type(NOTE);
    await waitForUnderline(page, 'non-compliant');

    // Alt+Down from the start selects the first finding and opens its card
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(
      () =>
        !document.querySelector('carelint-overlay')!.shadowRoot!.querySelector('.cl-popover')!.hasAttribute('hidden'),
    );
    const sel = await page.$eval('#note', (el) => {
      const t = el as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    assert.match(sel, /aggressive/);
    // Tab goes into the card, Escape comes back to the text with the card closed
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () =>
        (document.activeElement as HTMLElement).tagName +
        ':' +
        (document.querySelector('carelint-overlay')!.shadowRoot!.activeElement?.className ?? ''),
    );
    assert.match(focused, /^CARELINT-OVERLAY:cl-card__/);
    await shot(page, 'card');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() =>
      document.querySelector('carelint-overlay')!.shadowRoot!.querySelector('.cl-popover')!.hasAttribute('hidden'),
    );
    assert.equal(await page.evaluate(() => document.activeElement!.id), 'note');
    // a click elsewhere on the page closes an open card
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(
      () =>
        !document.querySelector('carelint-overlay')!.shadowRoot!.querySelector('.cl-popover')!.hasAttribute('hidden'),
    );
    await page.click('text=New progress note');
    await page.waitForFunction(() =>
      document.querySelector('carelint-overlay')!.shadowRoot!.querySelector('.cl-popover')!.hasAttribute('hidden'),
    );
    await page.click('#note');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');

    // the next finding, then its rewrite button
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(
      () =>
        !!document
          .querySelector('carelint-overlay')!
          .shadowRoot!.querySelector('.cl-card[data-rule="non-compliant-with-medication"]'),
    );
    await page.evaluate(() => {
      (window as any).inputLog.length = 0;
    });
    const button = page.locator('carelint-overlay .cl-card__rewrite').first();
    const suggestion = (await button.textContent())!;
    await button.click();
    await page.waitForFunction(
      (t) => (document.querySelector('#note') as HTMLTextAreaElement).value.includes(t),
      suggestion,
    );
    const after = await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value);
    assert.ok(!after.includes('non-compliant with'), after);
    const log = await page.evaluate(
      () => (window as any).inputLog as Array<{ id: string; inputType: string; before?: boolean }>,
    );
    assert.ok(
      log.some((e) => e.id === 'note' && e.inputType === 'insertText' && !e.before),
      `input events: ${JSON.stringify(log)}`,
    );
    // the finding is gone, and undo brings the words back
    await page.waitForFunction(
      () =>
        ![
          ...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline'),
        ].some((e) => e.dataset.rule === 'non-compliant'),
    );
    await page.focus('#note');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => (document.querySelector('#note') as HTMLTextAreaElement).value === n, NOTE);
    await waitForUnderline(page, 'non-compliant');

    // a rewrite with a part to fill in is inserted, then that part is selected so the next keystroke replaces it
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(
      () => !!document.querySelector('carelint-overlay')!.shadowRoot!.querySelector('.cl-card[data-rule="aggressive"]'),
    );
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      (document.querySelector('#note') as HTMLTextAreaElement).value.includes('[describe'),
    );
    const selected = await page.$eval('#note', (el) => {
      const t = el as HTMLTextAreaElement;
      return t.value.slice(t.selectionStart, t.selectionEnd);
    });
    assert.match(selected, /^\[describe .*\]$/);
    await page.keyboard.type('threw a chair after being told leave was cancelled');
    assert.equal(
      await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value.split('.')[0]),
      'Patient threw a chair after being told leave was cancelled and non-compliant with meds',
    );

    // the popup's counts for this field, as the content script reported them
    await page.waitForFunction(
      () =>
        [...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline')]
          .length === 1,
    );
    // (the content script's message reaches the worker after the redraw: wait for it)
    await s.worker.evaluate(`new Promise((resolve) => {
      const seen = (all) => Object.entries(all).some(([k, v]) => k.startsWith('counts:') && v.total === 1 && v.byCategory['stigmatizing-language'] === 1);
      chrome.storage.session.get(null).then((all) => { if (seen(all)) resolve(true); });
      chrome.storage.session.onChanged.addListener(() => chrome.storage.session.get(null).then((all) => { if (seen(all)) resolve(true); }));
    })`);
    await page.close();
  });

  it('shows the counts for the field in the toolbar popup, and says when a site is off', async () => {
    const page = await open('/note.html');
    await page.click('#note');
    await page.keyboard.type(
      'A police officer is to be present at all clinic appointments. She was aggressive and non-compliant with meds.',
    );
    await page.waitForFunction(
      () => document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll('.cl-underline').length === 3,
    );
    await page.bringToFront();
    const text = await popupText(s);
    assert.match(text, /On for 127\.0\.0\.1/);
    assert.match(text, /Police involvement in care\s+1\s/);
    assert.match(text, /Stigmatising language\s+2\s/);
    assert.match(text, /Total in this field\s+3/);

    // a practice finding (police in planned care) carries guidance: shown in the card, never offered for insertion
    await page.click('#note');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    const card = page.locator('carelint-overlay .cl-card[data-rule="police-at-appointments"]');
    await card.waitFor();
    assert.match(
      (await card.locator('.cl-card__guidance').allTextContents()).join(' '),
      /police attend only in an emergency/,
    );
    assert.equal(await card.locator('.cl-card__rewrite').count(), 0);
    await shot(page, 'guidance');

    await s.call('disableSite', s.server.url);
    const off = await open('/note.html', { enable: false });
    await off.bringToFront();
    assert.match(await popupText(s), /Off for 127\.0\.0\.1.*Nothing on this site is read until you turn it on/s);
  });

  it('checks a form inside a same-origin iframe and a plain contenteditable', async () => {
    const page = await open('/note.html');
    const frame = page.frameLocator('#risk');
    await page.locator('#risk').scrollIntoViewIfNeeded();
    await frame.locator('#risk-text').click();
    await page.keyboard.type('Risk: she is attention seeking when distressed.');
    const inner = page.frames().find((f) => new URL(f.url()).pathname === '/risk-form.html')!;
    const u = await waitForUnderline(inner, 'attention seeking');
    assert.equal(u.category, 'discriminatory-attitude');
    assertOnWord(await caretAfterClick(page, inner, u, '#risk-text'), 'attention seeking');
    await shot(page, 'iframe');

    // an editor in an about:srcdoc frame (no address of its own: the content script reaches it as its parent's origin)
    const letter = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await page.locator('#letter').scrollIntoViewIfNeeded();
    await page.frameLocator('#letter').locator('body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' She was non-compliant with meds.');
    const w = await waitForUnderline(letter, 'non-compliant');
    await assertOverDomWord(letter, 'body', 'non-compliant', w);

    await page.click('#summary');
    await page.keyboard.press('End');
    await page.keyboard.type(' He was aggressive on the ward.');
    const v = await waitForUnderline(page, 'aggressive');
    await assertOverDomWord(page, '#summary', 'aggressive', v);
    await page.close();
  });

  it('underlines in Quill and puts a rewrite in through the editor, with undo', async () => {
    const page = await open('/quill.html');
    await page.click('.ql-editor');
    await page.keyboard.type('Seen in clinic.');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('She is attention seeking');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' and non-compliant with meds.');
    const u = await waitForUnderline(page, 'attention seeking');
    await assertOverDomWord(page, '.ql-editor', 'attention seeking', u);
    await shot(page, 'quill');
    await rewriteAndUndo(
      page,
      'non-compliant',
      () => page.evaluate(() => (window as any).quill.getText() as string),
      'non-compliant-with-medication',
    );
    await page.close();
  });

  it('underlines in ProseMirror and puts a rewrite in through the editor, with undo', async () => {
    const page = await open('/prosemirror.html');
    await page.click('.ProseMirror');
    await page.keyboard.type('Care plan reviewed.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('He was non-compliant with meds and is attention seeking.');
    const u = await waitForUnderline(page, 'attention seeking');
    await assertOverDomWord(page, '.ProseMirror', 'attention seeking', u);
    await page.evaluate(() => window.scrollBy(0, 40));
    await page.waitForFunction(
      (y) =>
        [
          ...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline'),
        ].some((e) => e.dataset.text!.includes('attention') && Math.abs(e.getBoundingClientRect().y - (y - 40)) < 1),
      u.y,
    );
    await assertOverDomWord(
      page,
      '.ProseMirror',
      'attention seeking',
      (await underlines(page)).find((x) => x.text.includes('attention'))!,
    );
    await shot(page, 'prosemirror');
    const before = await page.evaluate(() => (window as any).pmTransactions as number);
    await rewriteAndUndo(
      page,
      'non-compliant',
      () => page.evaluate(() => (window as any).pmText() as string),
      'non-compliant-with-medication',
    );
    assert.ok(
      (await page.evaluate(() => (window as any).pmTransactions as number)) > before,
      'ProseMirror saw the rewrite as a transaction',
    );
    await page.close();
  });

  it('applies a changed setting to an open page at once, and Ignore hides a finding in this field', async () => {
    const page = await open('/note.html');
    await page.click('#note');
    await page.keyboard.type('She is attention seeking and was aggressive. He was aggressive too.');
    await waitForUnderline(page, 'aggressive');
    await waitForUnderline(page, 'attention seeking');
    // the options page writes the settings; the worker merges them; the open page re-lints
    await s.worker.evaluate(
      `chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, categories: { 'stigmatizing-language': false } } }))`,
    );
    await page.waitForFunction(
      () =>
        ![
          ...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline'),
        ].some((e) => e.dataset.category === 'stigmatizing-language'),
    );
    assert.deepEqual(
      (await underlines(page)).map((u) => u.text),
      ['attention seeking'],
    );
    await s.worker.evaluate(
      `chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, categories: {} } }))`,
    );
    await page.waitForFunction(
      () => document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll('.cl-underline').length === 3,
    );

    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('carelint-overlay .cl-card[data-rule="attention-seeking"] [data-action="ignore"]').click();
    await page.waitForFunction(
      () => document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll('.cl-underline').length === 2,
    );
    assert.ok((await underlines(page)).every((u) => u.text.includes('aggressive')));

    // turned off for this site while the page is open: the overlay goes at once, the text stays as typed
    await s.call('disableSite', s.server.url);
    await page.waitForFunction(() => document.querySelector('carelint-overlay') === null);
    assert.equal(
      await page.$eval('#note', (el) => (el as HTMLTextAreaElement).value),
      'She is attention seeking and was aggressive. He was aggressive too.',
    );
  });

  it('follows a managed policy: a site the trust enables is checked, and a category it turns off stays off', async () => {
    await s.call('disableSite', s.server.url);
    const probe = await open('/note.html', { enable: false });
    assert.equal(await contentScriptRan(s, probe.url()), false, 'off again once the user turned it off');
    await probe.close();

    await s.setPolicy({
      enabledSites: [s.server.url],
      allowUserSites: false,
      config: { categories: { 'stigmatizing-language': false } },
    });
    // the user tries to turn the category back on: policy wins
    await s.worker.evaluate(
      `chrome.storage.local.set({ settings: { sites: [], categories: { 'stigmatizing-language': true } } }).then(() => carelint.sync())`,
    );
    const page = await open('/note.html', { enable: false });
    await page.click('#note');
    await page.keyboard.type(
      'A police officer is to be present at all clinic appointments. She was aggressive and is attention seeking.',
    );
    await waitForUnderline(page, 'attention seeking');
    await waitForUnderline(page, 'police officer');
    const cats = new Set((await underlines(page)).map((x) => x.category));
    assert.deepEqual([...cats].sort(), ['discriminatory-attitude', 'police-involvement']);
    await shot(page, 'policy');

    const options = await s.context.newPage();
    opened.push(options);
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    const box = options.locator('input[name="stigmatizing-language"]');
    await box.waitFor();
    assert.equal(await box.isDisabled(), true);
    assert.equal(await box.isChecked(), false);
    assert.equal(await options.locator('#add-site').isHidden(), true, 'no adding sites when the policy forbids it');
    assert.equal(await s.call('enableSite', 'https://example.org'), false);
    await shot(options, 'options-policy');
    await options.close();

    // policy removed: the category is back, the site is off
    await s.setPolicy(null);
    const eff = await s.call<{ sites: unknown[]; categories: Record<string, boolean> }>('effective');
    assert.deepEqual(eff.sites, []);
    assert.equal(eff.categories['stigmatizing-language'], true);
    await page.close();
  });

  it('sent nothing anywhere: every request went to the local test server or stayed inside the browser', () => {
    assert.deepEqual(s.foreignRequests(), []);
    const asked = new Set(s.server.requests.map((u) => u.split('?')[0]));
    const expected = new Set([
      '/note.html',
      '/record.css',
      '/record.js',
      '/risk-form.html',
      '/quill.html',
      '/prosemirror.html',
      '/vendor/prosemirror.js',
      '/favicon.ico',
    ]);
    const unexpected = [...asked].filter((p) => !expected.has(p) && !p.startsWith('/vendor/quill/'));
    assert.deepEqual(unexpected, [], "only the pages and the editors' files were requested");
  });
});

/** The underline sits on the word as the page itself lays it out (a Range over the editor's own text nodes). */
async function assertOverDomWord(page: Page | Frame, root: string, word: string, u: Underline): Promise<void> {
  const box = await page.$eval(
    root,
    (el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.toLowerCase().indexOf(w.split(' ')[0]);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + w.split(' ')[0].length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, right: b.right, bottom: b.bottom };
      }
      return null;
    },
    word.toLowerCase(),
  );
  assert.ok(box, `"${word}" is in the editor`);
  const mid = centre(u);
  assert.ok(
    mid.y >= box.y && mid.y <= box.bottom,
    `underline at y=${mid.y} is on the word's line (${box.y}–${box.bottom})`,
  );
  assert.ok(
    u.x <= box.right && u.x + u.width >= box.x,
    `underline ${u.x}–${u.x + u.width} overlaps the word ${box.x}–${box.right}`,
  );
}

/** Click into a flagged word, take the card's first rewrite, see the editor's text change, then Ctrl+Z. */
async function rewriteAndUndo(page: Page, word: string, text: () => Promise<string>, rule = word): Promise<void> {
  const u = (await underlines(page)).find((x) => x.text.includes(word))!;
  const original = await text();
  await page.mouse.click(centre(u).x, centre(u).y);
  await page.waitForFunction(
    (w) => !!document.querySelector('carelint-overlay')!.shadowRoot!.querySelector(`.cl-card[data-rule="${w}"]`),
    rule,
  );
  await page.evaluate(() => {
    (window as any).inputLog.length = 0;
  });
  const button = page.locator('carelint-overlay .cl-card__rewrite').first();
  const suggestion = (await button.textContent())!;
  await button.click();
  await page.waitForFunction(async (t) => document.body.innerText.includes(t), suggestion);
  const changed = await text();
  assert.ok(changed.includes(suggestion) && !changed.includes(`${word} with`), changed);
  const log = await page.evaluate(() => (window as any).inputLog as Array<{ inputType: string; before?: boolean }>);
  assert.ok(
    log.some((e) => e.inputType === 'insertText' && !e.before),
    `input events: ${JSON.stringify(log)}`,
  );
  await page.waitForFunction(
    (w) =>
      ![...document.querySelector('carelint-overlay')!.shadowRoot!.querySelectorAll<HTMLElement>('.cl-underline')].some(
        (e) => e.dataset.rule === w,
      ),
    rule,
  );
  await page.keyboard.press('Control+z');
  await page.waitForFunction((w) => document.body.innerText.includes(w), `${word} with`);
  assert.equal((await text()).trim(), original.trim());
  await waitForUnderline(page, word);
}
