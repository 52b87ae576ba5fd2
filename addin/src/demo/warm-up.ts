import { LintSession } from '../../../shared-rules/src/index';

/**
 * Run the engine over `seed` (repeated to about 96 KB) in small steps while the page is idle after it starts. A
 * fresh page's first lint of a long note runs several times slower than later ones while the JavaScript engine
 * compiles the matcher (150 KB: about 120 ms cold, 15 ms warm), and the first thing a trainer does is paste a long
 * note. Each step lints 4 KB, far below a frame, and only in idle time, so it never holds up a frame or a key; the
 * returned `stop` ends it (once the writer's own note is being checked, that warms the engine instead).
 */
export function warmUpEngine(
  view: Window,
  seed: string,
  targetChars = 96 * 1024,
  sliceChars = 4 * 1024,
): { stop(): void } {
  let stopped = !seed;
  let text = seed;
  while (text.length < targetChars) text += `\n\n${seed}`;
  const session = new LintSession('', { format: 'plaintext' });
  // idle callbacks where the browser has them, a timer elsewhere
  const later = (run: () => void) =>
    view.requestIdleCallback ? view.requestIdleCallback(run, { timeout: 1000 }) : view.setTimeout(run, 0);
  let at = 0;
  const step = () => {
    if (stopped) return;
    const next = Math.min(text.length, at + sliceChars);
    session.update({ start: at, end: at, text: text.slice(at, next) });
    session.findings();
    at = next;
    if (at < text.length) later(step);
  };
  if (!stopped) later(step);
  return {
    stop() {
      stopped = true;
    },
  };
}
