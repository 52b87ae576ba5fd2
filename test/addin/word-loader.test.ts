// Issue 14 points 4 and 10: the page as Office's older webviews meet it. The ES5 loader explains what Word CareLint
// needs where the bundle cannot run (Trident, EdgeHTML), and the page's Content-Security-Policy admits the one inline
// <style> the Word pane falls back to where constructed stylesheets are missing (older Mac webviews).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { Window } from 'happy-dom';
import { WORD_PANE_CSS } from '../../addin/src/word/styles';

const LOADER = readFileSync('addin/loader.js', 'utf8');
const PAGE = readFileSync('addin/taskpane.html', 'utf8');

/** Run the loader in a fresh JavaScript realm over a happy-dom page; `before` can take built-ins away first. */
function runLoader(before = '') {
  const window = new Window({ url: 'https://localhost:3000/taskpane.html' });
  const document = window.document;
  document.body.innerHTML = '<main id="app" aria-busy="true"><p class="cl-loading">Loading CareLint…</p></main>';
  const added: string[] = [];
  const head = document.head;
  const append = head.appendChild.bind(head);
  head.appendChild = ((node: { src?: string }) => {
    added.push(String(node.src ?? ''));
    return node;
  }) as never;
  void append;
  runInNewContext(`${before}\n${LOADER}`, { window, document });
  return { window, document, added, app: document.getElementById('app')! };
}

describe('Word pane: the ES5 loader (point 4)', () => {
  it("is the page's only script and is plain ES5", () => {
    const scripts = [...PAGE.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(scripts, ['loader.js'], 'the bundle is loaded by the loader, never straight from the page');
    assert.doesNotThrow(() => parse(LOADER, { ecmaVersion: 5, sourceType: 'script' }));
  });

  it('in an old engine (no ES2019+ built-ins) it explains what is needed and does not load the bundle', () => {
    const { app, added } = runLoader('delete Object.fromEntries; delete Array.prototype.flatMap;');
    assert.deepEqual(added, []);
    const alert = app.querySelector('[role="alert"]');
    assert.ok(alert, 'the message is announced');
    assert.match(alert!.textContent!, /cannot run in this version of Office/);
    assert.match(alert!.textContent!, /Microsoft 365 or Office 2021 or later/);
    assert.equal(app.querySelector('.cl-loading'), null, 'no endless "Loading CareLint…"');
    assert.equal(app.getAttribute('aria-busy'), null);
  });

  it('in a current engine it loads taskpane.js, and explains if the bundle still fails to parse', () => {
    const { app, added, window } = runLoader();
    assert.equal(added.length, 1);
    assert.match(added[0], /taskpane\.js$/);
    assert.ok(app.querySelector('.cl-loading'), 'the page waits for the bundle');
    window.dispatchEvent(
      new window.ErrorEvent('error', { message: 'SyntaxError', filename: 'https://localhost:3000/taskpane.js' }),
    );
    assert.match(app.querySelector('[role="alert"]')?.textContent ?? '', /cannot run in this version of Office/);
  });
});

describe("Word pane: the <style> fallback under the page's CSP (point 10)", () => {
  it("style-src admits the Word pane's stylesheet by its hash, and nothing else inline", () => {
    const csp = PAGE.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1];
    const styleSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('style-src '))!;
    const hash = `'sha256-${createHash('sha256').update(WORD_PANE_CSS).digest('base64')}'`;
    assert.deepEqual(
      styleSrc.split(/\s+/).slice(1),
      ["'self'", hash],
      'update the hash in taskpane.html when styles.ts changes',
    );
    assert.doesNotMatch(csp, /unsafe-inline/);
  });
});
