import { LintSession } from '../../../shared-rules/src/index';

/**
 * Run the engine over `seed` (repeated to about 96 KB) in small idle steps after the page starts. A fresh page's
 * first lint of a long note runs several times slower than later ones while the JavaScript engine compiles the
 * matcher (150 KB: about 120 ms cold, 15 ms warm), and the first thing a trainer does is paste a long note.
 * Each step lints 4 KB, far below a frame.
 */
export function warmUpEngine(seed: string, targetChars = 96 * 1024, sliceChars = 4 * 1024): void {
  if (!seed) return;
  let text = seed;
  while (text.length < targetChars) text += `\n\n${seed}`;
  const session = new LintSession('', { format: 'plaintext' });
  let at = 0;
  const step = () => {
    const next = Math.min(text.length, at + sliceChars);
    session.update({ start: at, end: at, text: text.slice(at, next) });
    session.findings();
    at = next;
    if (at < text.length) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}
