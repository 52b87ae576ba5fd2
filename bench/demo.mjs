// The add-in demo page in headless Chromium with a 150 KB record (bench/lib/clinical-note.mjs: 265 entries, about
// 1,470 findings): time from pasting it to the first underline, to the frame that paints it and to the whole note
// checked; keystroke to next frame (median, p99) and main-thread CPU time per key while typing at 12 keys a second in
// the middle of the note, with Explain all closed and open; the longest task and the longest gap between underline
// refreshes while typing. `node bench/demo.mjs` (CARELINT_BENCH_DEMO_NOTE=<file> uses that note instead). Reports,
// never asserts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clinicalNote } from './lib/clinical-note.mjs';
import { CHROMIUM_PATH, PAGE_FLAGS } from '../test/support/chromium-flags.mjs';
import { median } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emit = (e) => process.stdout.write(JSON.stringify({ event: 'demo', ...e }) + '\n');
const serve = join(root, 'addin', 'serve.mjs');
const KEY_INTERVAL_MS = 83; // 12 keys a second
const TYPED = 'She was noncompliant with the plan and staff felt he was manipulative today. ';

if (!existsSync(serve)) {
  emit({ status: 'not available', reason: 'addin/serve.mjs is not on this branch' });
  process.exit(0);
}
if (!existsSync(CHROMIUM_PATH)) {
  emit({ status: 'not available', reason: `no Chromium at ${CHROMIUM_PATH} (run scripts/setup.sh)` });
  process.exit(0);
}

const note = process.env.CARELINT_BENCH_DEMO_NOTE
  ? readFileSync(process.env.CARELINT_BENCH_DEMO_NOTE, 'utf8')
  : clinicalNote(150_000);
const { chromium } = await import('playwright-core');
const { startServer } = await import(pathToFileURL(serve).href);
const server = await startServer({ port: 0, https: false });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: PAGE_FLAGS });
const foreign = [];
const p99 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)];
};
const round = (x) => Math.round(x * 10) / 10;

/** In the page: record keystroke → next frame, long tasks and underline refreshes until `stop()`. */
function instrument() {
  const w = window;
  const state = { keys: [], tasks: [], lints: [] };
  w.__bench = state;
  const note = document.querySelector('#cl-note');
  note.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      // the message runs once the frame after the keystroke has been produced
      const channel = new MessageChannel();
      channel.port1.onmessage = () => state.keys.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push(e.duration);
  }).observe({ type: 'longtask' });
  const editor = document.querySelector('.cl-editor');
  new MutationObserver(() => state.lints.push(performance.now())).observe(editor, {
    attributes: true,
    attributeFilter: ['data-lints'],
  });
  w.__benchReset = () => {
    state.keys = [];
    state.tasks = [];
    state.lints = [];
  };
}

async function typeInMiddle(page) {
  await page.evaluate(() => {
    const t = document.querySelector('#cl-note');
    const at = t.value.indexOf('\n', t.value.length >> 1) + 1;
    t.focus();
    t.setSelectionRange(at, at);
    window.__benchReset();
  });
  // the renderer's main-thread CPU time over the typing: unlike the frame times, other processes on a loaded
  // machine do not add to it
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
  const cpu0 = await threadTime();
  const t0 = performance.now();
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.type(TYPED, { delay: KEY_INTERVAL_MS });
  const wall = performance.now() - t0;
  const cpuMs = (await threadTime()) - cpu0;
  await cdp.detach();
  const s = await page.evaluate(() => window.__bench);
  const lintTimes = [started, ...s.lints];
  const gaps = lintTimes.slice(1).map((t, i) => t - lintTimes[i]);
  return {
    keys: s.keys.length,
    cpuPerKeyMs: round(cpuMs / TYPED.length),
    medianMs: round(median(s.keys)),
    p99Ms: round(p99(s.keys)),
    // keys whose frame came after the next key was due: where typing would fall behind
    lateKeys: s.keys.filter((ms) => ms > KEY_INTERVAL_MS).length,
    // playwright waits for each key to be handled, so this includes its own round trips, not only the page's
    overrunMs: round(Math.max(0, wall - TYPED.length * KEY_INTERVAL_MS)),
    longestTaskMs: round(Math.max(0, ...s.tasks)),
    refreshes: s.lints.length,
    longestRefreshGapMs: round(Math.max(0, ...gaps)),
  };
}

try {
  const pastes = [];
  const paints = [];
  const checks = [];
  const loads = [];
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 860 } });
    context.on('request', (r) => {
      if (!/^(data|blob|about):|^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(r.url())) foreign.push(r.url());
    });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('#cl-note');
    loads.push(await page.evaluate(() => performance.now()));
    const { ms, paintMs, checkedMs, count } = await page.evaluate(async (note) => {
      const editor = document.querySelector('#cl-note');
      document.querySelectorAll('mark').forEach((n) => n.setAttribute('data-bench-old', ''));
      const t0 = performance.now();
      let firstMark = -1;
      const observer = new MutationObserver(() => {
        if (firstMark < 0 && document.querySelector('mark:not([data-bench-old])')) firstMark = performance.now() - t0;
      });
      observer.observe(document.querySelector('.cl-editor__layer'), { subtree: true, childList: true });
      editor.value = note;
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      const painted = await new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          channel.port2.postMessage(0);
        }),
      );
      observer.disconnect();
      // a long paste is checked from the top, a slice a task: the count is the whole note's once that is done
      const checked = await new Promise((resolve) => {
        const done = () => !document.querySelector('.cl-editor[data-checking]');
        if (done()) return resolve(performance.now() - t0);
        new MutationObserver((_, o) => {
          if (done()) {
            o.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(document.querySelector('.cl-editor'), { attributes: true, attributeFilter: ['data-checking'] });
      });
      return {
        ms: firstMark,
        paintMs: painted,
        checkedMs: checked,
        count: Number(document.querySelector('.cl-count--total')?.getAttribute('data-count')),
      };
    }, note);
    pastes.push(ms);
    paints.push(paintMs);
    checks.push(checkedMs);
    findings = count;
    if (run === 2) {
      await page.evaluate(instrument);
      const typing = await typeInMiddle(page);
      const t0 = performance.now();
      await page.click('#cl-explain-toggle');
      await page.waitForSelector('#cl-explain .cl-card');
      const explainOpenMs = round(performance.now() - t0);
      const typingExplain = await typeInMiddle(page);
      const explainCards = await page.locator('#cl-explain .cl-card').count();
      // the floor: the same note and typing in a bare textarea of the same size, no CareLint (on a loaded machine
      // the ratio to it says more than the milliseconds)
      await page.setContent(
        '<textarea id="cl-note" style="box-sizing:border-box;width:866px;font:16px/1.6 system-ui,sans-serif;padding:12px 14px;field-sizing:content;overflow:hidden"></textarea><div class="cl-editor"></div>',
      );
      const bareTextareaPaintMs = await page.evaluate(
        (note) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            document.querySelector('#cl-note').value = note;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(0);
            });
          }),
        note,
      );
      await page.evaluate(instrument);
      const typingFloor = await typeInMiddle(page);
      emit({
        status: 'measured',
        chars: note.length,
        findings,
        lines: note.split('\n').length,
        firstUnderlineMs: round(median(pastes)),
        runs: pastes.map(round),
        paintMs: round(median(paints)),
        // paste → the last slice of the note checked and its underlines in the layer (drawn a slice a task)
        wholeNoteCheckedMs: round(median(checks)),
        keystroke: typing,
        keystrokeExplainAll: { ...typingExplain, explainOpenMs, cardsDrawn: explainCards },
        bareTextareaPaintMs: round(bareTextareaPaintMs),
        keystrokeBareTextarea: {
          cpuPerKeyMs: typingFloor.cpuPerKeyMs,
          medianMs: typingFloor.medianMs,
          p99Ms: typingFloor.p99Ms,
          lateKeys: typingFloor.lateKeys,
          longestTaskMs: typingFloor.longestTaskMs,
        },
        pageLoadMs: round(median(loads)),
        foreignRequests: foreign,
      });
    }
    await context.close();
  }
} catch (e) {
  emit({ status: 'failed', reason: String(e.message ?? e).split('\n')[0] });
} finally {
  await browser.close();
  await server.close();
}
