/**
 * What ships: every built bundle in dist/ (CLI, engine, and the VS Code and Word hosts once built) is free of
 * eval-like code, which a Content-Security-Policy would block and a reviewer could not audit, and of
 * network APIs, so no host can send text anywhere.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../support/cli';

const DIST = join(ROOT, 'dist');

function bundles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return bundles(full);
    return /\.(c|m)?js$/.test(name) ? [full] : [];
  });
}

/** Patterns that would evaluate strings as code, or reach the network. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor call', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['setTimeout with a string', /setTimeout\s*\(\s*["'`]/],
  ['fetch', /(?<![\w$.])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['Node http/https/net', /require\(\s*["'](node:)?(https?|net|tls|dgram|http2)["']\s*\)/],
];

describe('shipped bundles', () => {
  before(() => {
    if (!existsSync(join(DIST, 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  });

  it('contain no eval, new Function or network API', () => {
    const files = bundles(DIST);
    assert.ok(files.length >= 2, 'at least the CLI and the engine bundles');
    const offences: string[] = [];
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const [name, pattern] of FORBIDDEN) {
        const m = pattern.exec(code);
        if (m)
          offences.push(`${relative(ROOT, file)}: ${name} at …${code.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
      }
    }
    assert.deepEqual(offences, []);
  });

  it("the engine bundle and the editor hosts' bundles are plain ASCII (start-up: one byte per character to parse)", () => {
    // one character outside ASCII anywhere makes V8 decode and scan the whole file, rule data included, as UTF-16
    for (const rel of ['engine.mjs', 'extension/out/node.js', 'extension/out/web.js', 'language-server.js']) {
      const file = join(DIST, rel);
      if (!existsSync(file)) continue;
      const code = readFileSync(file, 'utf8');
      const at = code.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${rel}: ${JSON.stringify(code.slice(Math.max(0, at - 60), at + 20))}`);
    }
  });

  it('carelint-ls loads neither net nor child_process (stdio only; its start-up spares loading them)', () => {
    const file = join(DIST, 'language-server.js');
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /require\(\s*["'](node:)?(net|child_process)["']\s*\)/);
    assert.match(code, /carelint-ls speaks LSP over stdio only/);
  });

  it('carelint-ls loads crypto only when something first uses it (a registration id), not at every start', () => {
    const file = join(DIST, 'language-server.js');
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    const requires = code.match(/require\(\s*["'](node:)?crypto["']\s*\)/g) ?? [];
    assert.deepEqual(requires, ['require("node:crypto")'], "one require of crypto: the lazy proxy's");
    assert.match(code, /real \?\?= require\("node:crypto"\)/);
  });

  it('the scan finds what it looks for (so the test above can fail)', () => {
    const hits = FORBIDDEN.filter(([, p]) =>
      p.test(
        'x=eval("1");new Function("a","b");fetch(u);new XMLHttpRequest;new WebSocket(u);navigator.sendBeacon(u);require("https");Function("return this");setTimeout("x()")',
      ),
    );
    assert.equal(hits.length, FORBIDDEN.length);
    assert.ok(!FORBIDDEN.some(([, p]) => p.test('obj.eval(x); myfetch(x); refetch(x); retrieval(x)')));
  });
});
