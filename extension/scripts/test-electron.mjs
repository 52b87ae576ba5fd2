// npm run test:electron: the same API-level suite as the web route (test/extension/web/), in desktop VS Code's
// Node extension host (the `main` bundle), through @vscode/test-electron.
//
// It cannot run on this project's CI machines: @vscode/test-electron downloads VS Code from
// update.code.visualstudio.com, which they cannot reach. CI covers the extension through @vscode/test-web (API
// level, `npm test`) and code-server (real VS Code UI). On a machine that can download VS Code, or with
// CARELINT_VSCODE_EXECUTABLE pointing at an installed `code` binary, this runs the suite against desktop VS Code.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const extensionDevelopmentPath = resolve('dist/extension');
const extensionTestsPath = resolve('dist/extension/tests/web.js');
if (!existsSync(extensionTestsPath)) {
  console.error('test:electron: the extension is not built. Run `npm run build` first.');
  process.exit(2);
}
const workspace = mkdtempSync(join(tmpdir(), 'carelint-electron-'));
cpSync(resolve('test/extension/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    vscodeExecutablePath: process.env.CARELINT_VSCODE_EXECUTABLE || undefined,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (e) {
  console.error(`test:electron failed: ${e instanceof Error ? e.message : e}`);
  console.error(
    'If VS Code could not be downloaded: this route needs update.code.visualstudio.com (see the README); use `npm test` here.',
  );
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
