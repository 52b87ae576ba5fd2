// The extension in the VS Code for the Web UI, driven like a user (Debian chromium through the project's browser
// helper): its underline and hover render, rule text with HTML shows as text, and no request leaves localhost.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openBrowser, type BrowserSession } from '../support/browser';
import { COMMIT, freePort, QUALITY, seedTestWeb } from './test-web-env';

describe('VS Code extension: UI in VS Code for the Web, offline', function () {
  this.timeout(180_000);
  let server: ChildProcess | undefined;
  let session: BrowserSession | undefined;
  let workspace = '';
  let log = '';

  after(async () => {
    await session?.close();
    server?.kill();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('shows the underline, an escaped hover whose rule link opens the explanation, and nothing is fetched from outside localhost', async () => {
    if (!existsSync(resolve('dist/extension/out/web.js')))
      throw new Error('dist/extension is missing. Run `npm run build` first.');
    const env = seedTestWeb();
    workspace = mkdtempSync(join(tmpdir(), 'carelint-web-ui-'));
    cpSync(resolve('test/extension/fixtures/workspace'), workspace, { recursive: true });
    const port = await freePort();
    server = spawn(
      process.execPath,
      [
        env.bin,
        '--browser',
        'none',
        '--quality',
        QUALITY,
        '--commit',
        COMMIT,
        '--testRunnerDataDir',
        env.dataDir,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--extensionDevelopmentPath',
        resolve('dist/extension'),
        workspace,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const until = Date.now() + 30_000;
    while (!log.includes('Listening on')) {
      if (Date.now() > until || server.exitCode !== null) throw new Error(`vscode-test-web did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    session = await openBrowser({ width: 1280, height: 800 });
    const { page } = session;
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes' });
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'custom-rule.txt' }).click();
    const squiggle = page.locator('.editor-instance .squiggly-info');
    await squiggle.first().waitFor({ state: 'attached', timeout: 60_000 });

    const box = await squiggle.first().boundingBox();
    assert.ok(box, 'the underline has a place on screen');
    const hover = page.locator('.monaco-hover').filter({ hasText: 'CareLint' });
    for (let attempt = 0; attempt < 5 && !(await hover.first().isVisible()); attempt++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
      await page.waitForTimeout(300);
      await page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2 - 3);
      await hover
        .first()
        .waitFor({ state: 'visible', timeout: 3000 })
        .catch(() => undefined);
    }
    const text = await hover.first().innerText();
    assert.ok(
      text.includes("Say 'detained' <img src=x onerror=alert(1)>"),
      `the rule's HTML is shown as text:\n${text}`,
    );
    assert.ok(
      text.includes('[click here](https://example.com/x) **bold** <script>alert(2)</script>'),
      `links and emphasis stay text:\n${text}`,
    );
    assert.equal(
      await page.locator('.monaco-hover img, .monaco-hover script, .monaco-hover a[href^="http"]').count(),
      0,
      'no element was made from the text',
    );
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/vscode-web-hover.png' });

    // The rule code in the hover opens the rule's explanation as a document inside VS Code.
    await page.locator('.monaco-hover a', { hasText: 'team-sectioned-off' }).first().click();
    const explanation = page.locator('.editor-instance .view-lines', { hasText: 'CareLint rule: team-sectioned-off' });
    await explanation.first().waitFor({ timeout: 20_000 });
    assert.ok((await explanation.first().innerText()).includes('Why:'), 'the explanation shows the rationale');

    assert.deepEqual(session.foreignRequests(), [], 'every request stayed on localhost');
  });
});
