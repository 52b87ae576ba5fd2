// The add-in demo page in headless Chromium: time from pasting a 50-page note into the loaded page to the first
// underline. `node bench/demo.mjs <note file>`; measured only when addin/serve.mjs (startServer({port}) →
// {url, close()}) is on this branch. CARELINT_BENCH_EDITOR / CARELINT_BENCH_UNDERLINE override the selectors.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emit = (e) => process.stdout.write(JSON.stringify({ event: 'demo', ...e }) + '\n');
const serve = join(root, 'addin', 'serve.mjs');
const chromiumPath = process.env.CARELINT_CHROMIUM ?? '/usr/bin/chromium';
// the same flags as test/support/browser.ts: nothing may reach out to Google's services
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-default-apps', '--disable-extensions'];
const EDITOR = process.env.CARELINT_BENCH_EDITOR ?? 'textarea, [contenteditable="true"], [contenteditable=""]';
const UNDERLINE = process.env.CARELINT_BENCH_UNDERLINE ?? 'mark, .cl-underline, [data-underline], [data-finding]';

if (!existsSync(serve)) { emit({ status: 'not available', reason: 'addin/serve.mjs is not on this branch' }); process.exit(0); }
if (!existsSync(chromiumPath)) { emit({ status: 'not available', reason: `no Chromium at ${chromiumPath} (run scripts/setup.sh)` }); process.exit(0); }

const note = readFileSync(process.argv[2], 'utf8');
const { chromium } = await import('playwright-core');
const { startServer } = await import(pathToFileURL(serve).href);
// plain http on a free port (a server that does not know `https` ignores it)
const server = await startServer({ port: 0, https: false });
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
const foreign = [];
try {
  const times = [];
  const loads = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block', ignoreHTTPSErrors: true });
    context.on('request', (r) => { if (!/^(data|blob|about):|^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(r.url())) foreign.push(r.url()); });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    loads.push(await page.evaluate(() => performance.now()));
    const ms = await page.evaluate(async ({ note, EDITOR, UNDERLINE }) => {
      const editor = document.querySelector(EDITOR);
      if (!editor) throw new Error(`no editor matching ${EDITOR}`);
      // only underlines that appear after the paste count (a sample note may already be underlined)
      document.querySelectorAll(UNDERLINE).forEach((n) => n.setAttribute('data-bench-old', ''));
      const t0 = performance.now();
      const seen = new Promise((resolve, reject) => {
        const check = () => {
          if ([...document.querySelectorAll(UNDERLINE)].some((n) => !n.hasAttribute('data-bench-old'))) { observer.disconnect(); resolve(performance.now() - t0); return true; }
          return false;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => { observer.disconnect(); reject(new Error(`no element matching ${UNDERLINE} within 30 s`)); }, 30_000);
        queueMicrotask(check);
      });
      if ('value' in editor) editor.value = note; else editor.textContent = note;
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return seen;
    }, { note, EDITOR, UNDERLINE });
    times.push(ms);
    await context.close();
  }
  emit({ status: 'measured', chars: note.length, firstUnderlineMs: median(times), runs: times, pageLoadMs: median(loads), foreignRequests: foreign, selectors: { editor: EDITOR, underline: UNDERLINE } });
} catch (e) {
  emit({ status: 'failed', reason: String(e.message ?? e).split('\n')[0] });
} finally {
  await browser.close();
  await server.close();
}
