// The browser extension in headless Chromium (dist/browser-test loaded unpacked): keystroke to painted underline in a
// 150 KB textarea, the extension's memory on that page, and the figures behind running the engine in the content
// script rather than an offscreen document. `node bench/browser.mjs <note file>`. Reports, never asserts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, extensionFlags } from '../test/support/chromium-flags.mjs';
import { median } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emit = (e) => process.stdout.write(JSON.stringify({ event: 'browser', ...e }) + '\n');
const extension = join(root, 'dist', 'browser-test');
const KEYSTROKES = 41;

if (!existsSync(join(extension, 'manifest.json'))) {
  emit({ status: 'not available', reason: 'dist/browser-test is not built (npm run build)' });
  process.exit(0);
}
if (!existsSync(CHROMIUM_PATH)) {
  emit({ status: 'not available', reason: `no Chromium at ${CHROMIUM_PATH} (run scripts/setup.sh)` });
  process.exit(0);
}

// a flagged sentence at the end, where the caret types, so the redraw after each keystroke paints an underline in view
const note = readFileSync(process.argv[2], 'utf8').slice(0, 150_000 - 60) + '\nPlan: he was non-compliant with meds. ';
const { chromium } = await import('playwright-core');
const { startPageServer } = await import(pathToFileURL(join(root, 'test', 'browser', 'pages', 'serve.mjs')).href);
const server = await startPageServer();
const userDataDir = mkdtempSync(join(tmpdir(), 'carelint-bench-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1200, height: 800 },
  args: extensionFlags(extension),
});
const foreign = [];
context.on('request', (r) => {
  if (!/^(data|blob|about|chrome-extension):|^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(r.url()))
    foreign.push(r.url());
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const api = (name, arg) => worker.evaluate(`carelint.${name}(${JSON.stringify(arg ?? null)})`);

  /** JS heap and DOM nodes of a page after garbage collection (the content script's world shares the page's heap). */
  const memory = async (page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n) => metrics.find((m) => m.name === n)?.value;
    return { heapMB: get('JSHeapUsedSize') / 2 ** 20, nodes: get('Nodes') };
  };
  const loadNote = async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/big.html`);
    await page.fill('#big', note);
    await page.click('#big');
    await page.keyboard.press('Control+End');
    return page;
  };

  // without the extension on this site: the page's own memory, and what a keystroke costs the textarea itself
  // (keydown to the first task after the next painted frame: the floor for anything drawn in response)
  await api('sync');
  const plain = await loadNote();
  const without = await memory(plain);
  const floor = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    await plain.evaluate(() => {
      window.__bench = new Promise((resolve) => {
        let t0 = 0;
        document.addEventListener(
          'keydown',
          () => {
            t0 = performance.now();
          },
          { capture: true, once: true },
        );
        document.addEventListener(
          'input',
          () =>
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve(performance.now() - t0);
              ch.port2.postMessage(0);
            }),
          { capture: true, once: true },
        );
      });
    });
    await plain.keyboard.press(i % 2 ? 'Backspace' : 'x');
    floor.push(await plain.evaluate(() => window.__bench));
  }
  await plain.close();

  await api('enableSite', server.url);
  const page = await loadNote();
  await page.waitForFunction(
    () => document.querySelector('carelint-overlay')?.shadowRoot?.querySelector('.cl-underline'),
    null,
    { timeout: 60_000 },
  );
  const times = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    // keydown → the overlay's redraw for that keystroke → the first task after that frame (its paint)
    await page.evaluate(() => {
      window.__bench = new Promise((resolve) => {
        let t0 = 0;
        const root = document.querySelector('carelint-overlay').shadowRoot;
        const mo = new MutationObserver(() => {
          if (!t0) return;
          mo.disconnect();
          // the draw ran in this frame's animation callbacks; a message posted now is handled after its paint
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve(performance.now() - t0);
          ch.port2.postMessage(0);
        });
        mo.observe(root, { subtree: true, childList: true });
        document.addEventListener(
          'keydown',
          () => {
            t0 = performance.now();
          },
          { capture: true, once: true },
        );
      });
    });
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    times.push(await page.evaluate(() => window.__bench));
  }
  const withExt = await memory(page);
  const placement = await page.evaluate(
    (text) =>
      new Promise((resolve) => {
        window.addEventListener('message', (e) => {
          if (e.data?.carelintBenchResult) resolve(e.data.carelintBenchResult);
        });
        window.postMessage({ carelintBench: 'placement', text }, '*');
      }),
    note,
  );
  emit({
    status: 'measured',
    chars: note.length,
    keystrokes: times.length,
    keystrokeToPaintMs: median(times.slice(1)),
    keystrokeRuns: times.map((t) => Math.round(t * 10) / 10),
    textareaAloneMs: median(floor.slice(1)),
    memory: {
      withoutMB: without.heapMB,
      withMB: withExt.heapMB,
      extensionMB: withExt.heapMB - without.heapMB,
      nodesWithout: without.nodes,
      nodesWith: withExt.nodes,
    },
    placement,
    foreignRequests: foreign,
  });
} catch (e) {
  emit({ status: 'failed', reason: String(e.message ?? e).split('\n')[0] });
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
