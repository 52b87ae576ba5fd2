// Driving the VS Code workbench in the browser the way a user does: click, hover, keys. Every wait is on a
// condition in the page (a squiggle under a word, a menu item, a hover text), never a fixed sleep.
import type { Locator, Page } from 'playwright-core';

/** The editor area. Scoped, because newer VS Code also has a chat input editor elsewhere in the page. */
export const EDITOR = '#workbench\\.parts\\.editor';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SquiggleScan {
  /** Where `text` is drawn in the active editor (in the first line showing its context), if it is visible. */
  text?: Box;
  /** Every squiggle in the active editor, with its severity class. */
  squiggles: Array<Box & { kind: string }>;
}

export const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** A squiggle lies under `text` when it spans the same columns (±2 px) on the same line. */
export function squiggleUnder(scan: SquiggleScan): (Box & { kind: string }) | undefined {
  const t = scan.text;
  if (!t) return undefined;
  return scan.squiggles.find(
    (s) =>
      Math.abs(s.x - t.x) <= 2 &&
      Math.abs(s.x + s.width - (t.x + t.width)) <= 2 &&
      s.y + s.height > t.y &&
      s.y < t.y + t.height + 4,
  );
}

/**
 * Runs in the page: where `text` is first drawn in the active editor, and every squiggle there. Plain JavaScript
 * in a string, because tsx would wrap named functions in a helper that does not exist in the page.
 */
const SCAN_SQUIGGLES = `({ text, context, editorSelector }) => {
  const root = document.querySelector(editorSelector + ' .monaco-editor');
  const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
  if (!root) return { squiggles: [] };
  const squiggles = [...root.querySelectorAll('.view-overlays [class*="squiggly-"]')].map((el) => ({
    ...box(el.getBoundingClientRect()),
    kind: (String(el.className).match(/squiggly-[a-z]+/) || ['squiggly'])[0],
  }));
  for (const line of root.querySelectorAll('.view-lines .view-line')) {
    // Monaco draws spaces as no-break spaces: same length, so offsets stay valid.
    const shown = line.textContent.replace(/\u00a0/g, ' ');
    const around = shown.indexOf(context);
    if (around < 0) continue;
    const at = around + context.indexOf(text);
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0, startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (!startSet && at < offset + length) { range.setStart(node, at - offset); startSet = true; }
      if (startSet && at + text.length <= offset + length) { range.setEnd(node, at + text.length - offset); break; }
      offset += length;
    }
    return { text: box(range.getBoundingClientRect()), squiggles };
  }
  return { squiggles };
}`;

/** How the editor draws the first character of `text` (in `context`): the computed CSS of the span holding it. */
const TEXT_STYLE = `({ text, context, editorSelector }) => {
  const root = document.querySelector(editorSelector + ' .monaco-editor');
  if (!root) return undefined;
  for (const line of root.querySelectorAll('.view-lines .view-line')) {
    const shown = line.textContent.replace(/\u00a0/g, ' ');
    const around = shown.indexOf(context);
    if (around < 0) continue;
    const at = around + context.indexOf(text);
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (at < offset + node.textContent.length) {
        const style = getComputedStyle(node.parentElement);
        return {
          line: style.textDecorationLine,
          style: style.textDecorationStyle,
          color: style.textDecorationColor,
          background: style.backgroundColor,
        };
      }
      offset += node.textContent.length;
    }
  }
  return undefined;
}`;

export interface TextStyle {
  line: string;
  style: string;
  /** As the browser computes it: `rgb(r, g, b)`. */
  color: string;
  background: string;
}

export function textStyle(page: Page, text: string, context = text): Promise<TextStyle | undefined> {
  return page.evaluate(`(${TEXT_STYLE})(${JSON.stringify({ text, context, editorSelector: EDITOR })})`) as Promise<
    TextStyle | undefined
  >;
}

/** `context` (which holds `text`) picks the right occurrence when `text` appears more than once. */
export function scanSquiggles(page: Page, text: string, context = text): Promise<SquiggleScan> {
  if (!context.includes(text)) throw new Error(`"${context}" does not contain "${text}"`);
  return page.evaluate(
    `(${SCAN_SQUIGGLES})(${JSON.stringify({ text, context, editorSelector: EDITOR })})`,
  ) as Promise<SquiggleScan>;
}

/** Polls `check` until it returns a value, or fails with `describe()` of the last state. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
  describe: () => Promise<string> = async () => '',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}. ${await describe()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function waitForSquiggle(page: Page, text: string, context = text, timeoutMs = 60_000) {
  let last: SquiggleScan = { squiggles: [] };
  return waitUntil(
    async () => {
      last = await scanSquiggles(page, text, context);
      const squiggle = squiggleUnder(last);
      return squiggle && last.text ? { squiggle, text: last.text } : undefined;
    },
    `a squiggle under "${text}"${context === text ? '' : ` (in "${context}")`}`,
    timeoutMs,
    async () => `Last scan: ${JSON.stringify(last)}`,
  );
}

export async function waitForNoSquiggle(
  page: Page,
  text: string,
  context = text,
  timeoutMs = 60_000,
): Promise<SquiggleScan> {
  let last: SquiggleScan = { squiggles: [] };
  return waitUntil(
    async () => {
      last = await scanSquiggles(page, text, context);
      return last.text && !squiggleUnder(last) ? last : undefined;
    },
    `"${text}" to be shown without a squiggle`,
    timeoutMs,
    async () => `Last scan: ${JSON.stringify(last)}`,
  );
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
}

/** Opens a file of the workspace root from the Explorer and waits until its text is shown. */
export async function openFile(page: Page, name: string, firstText: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', {
    has: page.locator('.label-name', { hasText: name }),
  });
  await row.first().waitFor({ timeout: 60_000 });
  await row.first().click();
  await page.locator(`${EDITOR} .tab.active`, { hasText: name }).waitFor({ timeout: 60_000 });
  await waitUntil(async () => (await scanSquiggles(page, firstText)).text, `"${firstText}" to be shown in ${name}`);
}

/**
 * Waits until VS Code's own Markdown language server has started for the open Markdown file: its breadcrumbs show
 * `heading` (document symbols come from that server, whose client registers all its providers at once). Until then,
 * Ctrl+S can do nothing: when the server comes up (2-6 s after the first Markdown file opens, later under load), the
 * Markdown extension registers its code-action provider; VS Code's getCodeActions cancels a request in flight when
 * the providers for the document change (vs/editor/contrib/codeAction/browser/codeAction.ts, `registry.onDidChange`),
 * the editor.codeActionsOnSave participant fails with that cancellation, and VS Code then cancels the whole save
 * (textFileSaveParticipant.ts): the file stays dirty and unsaved.
 */
export async function waitForMarkdownServer(page: Page, heading: string, timeoutMs = 60_000): Promise<void> {
  const crumbs = page.locator(`${EDITOR} .breadcrumbs-control .monaco-breadcrumb-item`).filter({ visible: true });
  await waitUntil(
    async () => (await crumbs.allInnerTexts()).some((t) => t.includes(heading)),
    `the Markdown heading "${heading}" in the breadcrumbs (VS Code's Markdown language server started)`,
    timeoutMs,
    async () => `Breadcrumbs: ${JSON.stringify(await crumbs.allInnerTexts())}`,
  );
}

/** Puts the cursor inside `word`, moves the mouse out of the way (no hover over the menu), focuses the editor. */
export async function placeCursorIn(page: Page, word: Box): Promise<void> {
  const { x, y } = center(word);
  await page.mouse.click(x, y);
  const editor = await page.locator(`${EDITOR} .monaco-editor`).first().boundingBox();
  if (editor) await page.mouse.move(editor.x + editor.width - 20, editor.y + editor.height - 20);
}

/**
 * Ctrl+. on `word` until the code-action menu shows `title`. The first Ctrl+. can race the extension's
 * start-up ("No code actions available"), so it is retried.
 */
export async function openCodeActionMenu(
  page: Page,
  word: Box,
  title: string | RegExp,
  attempts = 6,
): Promise<Locator> {
  const menu = page.locator('.action-widget').filter({ visible: true });
  const item = menu.locator('.monaco-list-row.action', { hasText: title });
  let seen = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await placeCursorIn(page, word);
    await page.keyboard.press('Control+.');
    try {
      await item.first().waitFor({ state: 'visible', timeout: 5000 + attempt * 1000 });
      // Worth knowing when judging flakiness, not a failure.
      if (attempt > 1)
        console.log(`      (Ctrl+. needed ${attempt} attempts for ${title}; before: ${JSON.stringify(seen)})`);
      return item.first();
    } catch {
      seen = (await menu.count())
        ? await menu
            .first()
            .innerText()
            .catch(() => '')
        : '(no menu)';
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(
    `The code-action menu never offered ${title} after ${attempts} Ctrl+. attempts. Last menu: ${JSON.stringify(seen)}`,
  );
}

/**
 * Applies the open menu's item `title` with the keyboard, as the menu blocks pointer clicks until the mouse
 * has moved over it (its pointer block), and waits for the menu to close.
 */
export async function chooseCodeAction(page: Page, title: string | RegExp): Promise<void> {
  const menu = page.locator('.action-widget').filter({ visible: true });
  const rows = menu.locator('.monaco-list-row.action');
  const count = await rows.count();
  const matches = (text: string) => (typeof title === 'string' ? text.includes(title) : title.test(text));
  for (let step = 0; step <= count; step++) {
    const focused = menu.locator('.monaco-list-row.action.focused');
    const label = (await focused.count())
      ? ((await focused.first().getAttribute('aria-label')) ?? (await focused.first().innerText()))
      : '';
    if (matches(label)) {
      await page.keyboard.press('Enter');
      await menu.first().waitFor({ state: 'hidden', timeout: 15_000 });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No item ${title} in the code-action menu: ${JSON.stringify(await rows.allInnerTexts())}`);
}

/** Hovers `word` and waits until the hover shows every string in `expected`; returns the hover's text. */
export async function hoverText(page: Page, word: Box, expected: string[], timeoutMs = 45_000): Promise<string> {
  const hover = page.locator('.monaco-hover').filter({ visible: true });
  let text = '';
  let wiggle = 0;
  return waitUntil(
    async () => {
      // Re-enter the word now and then: a hover that opened before the extension answered is not refreshed.
      if (!(await hover.count()) || wiggle++ % 20 === 0) {
        const { x, y } = center(word);
        await page.mouse.move(x - 1 + (wiggle % 3), y);
      }
      text = (await hover.count()) ? (await hover.allInnerTexts()).join('\n') : '';
      const flat = normalise(text);
      return expected.every((e) => flat.includes(normalise(e))) ? text : undefined;
    },
    `a hover showing ${JSON.stringify(expected)}`,
    timeoutMs,
    async () => `Last hover text: ${JSON.stringify(text)}`,
  );
}

/** Whitespace- and quote-insensitive, for comparing rendered (Markdown) text with plain engine text. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201c\u201d"'`\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Opens the Problems view and waits for a row holding every string in `expected`; returns that row's text. */
export async function problemsRow(page: Page, expected: string[], timeoutMs = 45_000): Promise<string> {
  const panel = page.locator('.markers-panel').filter({ visible: true });
  if (!(await panel.count())) await page.keyboard.press('Control+Shift+M');
  await panel.first().waitFor({ timeout: 30_000 });
  const rows = panel.locator('.monaco-list-row');
  let texts: string[] = [];
  return waitUntil(
    async () => {
      texts = await rows.allInnerTexts();
      return texts.find((t) => expected.every((e) => normalise(t).includes(normalise(e))));
    },
    `a Problems row with ${JSON.stringify(expected)}`,
    timeoutMs,
    async () => `Rows: ${JSON.stringify(texts)}`,
  );
}

export async function closePanel(page: Page): Promise<void> {
  const panel = page.locator('#workbench\\.parts\\.panel').filter({ visible: true });
  if (await panel.count()) {
    await page.keyboard.press('Control+J');
    await panel.first().waitFor({ state: 'hidden', timeout: 15_000 });
  }
}
