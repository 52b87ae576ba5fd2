/// <reference types="chrome" />
import { FieldChecker, optionsFrom } from './checker';

/**
 * Test build only (dist/browser-test; the shipped build leaves this out): where should the engine run? On a
 * `{carelintBench: 'placement', text}` window message, time in this content script (1) one keystroke's re-lint of
 * `text` and (2) the round trip to the extension's own context with a keystroke-sized message and with the whole
 * text (what an offscreen document would need), then post the medians back. bench/browser.mjs reads them.
 */
export function installBenchHooks(): void {
  window.addEventListener('message', async (e) => {
    if (e.source !== window || e.data?.carelintBench !== 'placement') return;
    const text: string = e.data.text;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const checker = new FieldChecker(text, optionsFrom('{}'));
    const lint: number[] = [];
    let t = text;
    for (let i = 0; i < 31; i++) {
      const at = (t.length >> 1) + i;
      t = t.slice(0, at) + 'x' + t.slice(at);
      const t0 = performance.now();
      checker.update(t);
      checker.findings();
      lint.push(performance.now() - t0);
    }
    const roundTrip = async (payload: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'echo', payload });
        times.push(performance.now() - t0);
      }
      return median(times);
    };
    const small = await roundTrip(JSON.stringify({ start: 1000, end: 1000, text: 'x' }), 31);
    const whole = await roundTrip(text, 11);
    window.postMessage(
      {
        carelintBenchResult: {
          lintPerKeystrokeMs: median(lint),
          roundTripSmallMs: small,
          roundTripWholeTextMs: whole,
          chars: text.length,
        },
      },
      '*',
    );
  });
}
