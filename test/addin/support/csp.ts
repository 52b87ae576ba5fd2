// The page's Content-Security-Policy reporting, turned on before any of the page's own script runs: every
// violation (an inline style or script, a frame, a request to another origin) is recorded where a test can read it.
import type { Page } from 'playwright-core';

export async function reportCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __carelintCsp: string[] }).__carelintCsp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || '?'}:${e.lineNumber}: ${e.sample}`,
      );
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __carelintCsp?: string[] }).__carelintCsp ?? [])]);
}
