/**
 * The VS Code extension in real VS Code: code-server (from npm, see scripts/install-code-server.sh) with the built
 * .vsix installed, driven through Debian's chromium like a user would: squiggles, hover, Ctrl+. quick fixes, saving,
 * fix-all on save, "Ignore here", a .carelintrc.json that silences a rule, and no request beyond localhost.
 * Fixtures (fictional): test/fixtures/vscode-e2e, copied to a temp workspace. Screenshots: test-artifacts/.
 * Expected messages and positions come from the engine itself, so the test checks the host's translation.
 */
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lint, offsetToLineColumn, severityLabel } from '../../shared-rules/src/index';
import { CATEGORY_PALETTE } from '../../editor-common/category-palette';
import type { Finding, TextFormat } from '../../shared-rules/src/types';
import { openBrowser, type BrowserSession } from '../support/browser';
import { CodeServer, installExtension, makeDirs, requireCodeServer } from './code-server';
import { ensureVsix } from './vsix';
import {
  chooseCodeAction,
  closePanel,
  EDITOR,
  hoverText,
  openCodeActionMenu,
  openFile,
  placeCursorIn,
  problemsRow,
  scanSquiggles,
  textStyle,
  waitForMarkdownServer,
  waitForNoSquiggle,
  waitForSquiggle,
  waitForWorkbench,
  waitUntil,
} from './workbench';

const ROOT = resolve(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'vscode-e2e');
const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The extension's "Ignore here" action (extension/src/code-actions.ts titles it `Ignore "<text>" here (<rule>)`). */
const IGNORE_HERE = /\bIgnore\b.*\bhere\b/;
const FIX_ALL = 'Fix all CareLint rewrites in this file';
const mark = (what: string) =>
  process.env.CARELINT_E2E_TIMINGS && console.log(`      [${new Date().toISOString()}] ${what}`);

/** What the engine finds in a fixture: the host must show exactly this. Line and column are 1-based. */
function finding(file: string, format: TextFormat, ruleId: string): Finding & { line: number; column: number } {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const found = lint(text, { format }).find((f) => f.ruleId === ruleId);
  assert.ok(found, `fixture ${file} must contain a '${ruleId}' finding (the engine no longer flags it?)`);
  return { ...found, ...offsetToLineColumn(text, found.start) };
}

describe('VS Code extension in real VS Code (code-server + chromium)', function () {
  this.timeout(180_000);

  let root: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let session: BrowserSession | undefined;
  const dialogs: string[] = [];
  const page = () => session!.page;
  const onDisk = (name: string) => readFileSync(join(workspace, name), 'utf8');

  /** Extension-host logs, which hold the extension's own errors (the server log does not). */
  function extensionHostLogs(): string {
    const logs = join(root, 'user-data', 'logs');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/exthost|remoteagent/i.test(entry))
          found.push(`--- ${path} ---\n${readFileSync(path, 'utf8').slice(-3000)}`);
      }
    };
    walk(logs);
    return found.join('\n');
  }

  /** A test step whose failure carries a screenshot and the server and extension-host logs. */
  function step(title: string, body: () => Promise<void>) {
    it(title, async function () {
      const slug = title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      try {
        await body();
        await page().screenshot({ path: join(ARTIFACTS, `vscode-${slug}.png`) });
      } catch (e) {
        const shot = join(ARTIFACTS, `vscode-FAILED-${slug}.png`);
        await session?.page.screenshot({ path: shot }).catch(() => undefined);
        // Leave no menu or hover open over the next test's clicks.
        for (let i = 0; i < 3; i++) await session?.page.keyboard.press('Escape').catch(() => undefined);
        const err = e instanceof Error ? e : new Error(String(e));
        // A new error, because mocha prints an AssertionError's own message and diff only.
        const wrapped = new Error(
          `${err.message}\nScreenshot: ${shot}\n${server?.log() ?? '(code-server not started)'}\n${extensionHostLogs()}`,
        );
        wrapped.stack = `${wrapped.message}\n${(err.stack ?? '')
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .join('\n')}`;
        throw wrapped;
      }
    });
  }

  before(async function () {
    this.timeout(600_000); // may build the vsix and start VS Code on a busy 2-core machine
    requireCodeServer();
    mkdirSync(ARTIFACTS, { recursive: true });
    const vsix = ensureVsix();
    root = mkdtempSync(join(tmpdir(), 'carelint-vscode-e2e-'));
    workspace = join(root, 'workspace');
    cpSync(FIXTURES, workspace, { recursive: true });
    // Fix-all on explicit save for Markdown only, so the plain-text tests see single quick fixes.
    mkdirSync(join(workspace, '.vscode'));
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify(
        {
          '[markdown]': { 'editor.codeActionsOnSave': { 'source.fixAll.carelint': 'explicit' } },
        },
        null,
        2,
      ),
    );
    const dirs = makeDirs(root);
    installExtension(dirs, vsix);
    server = await CodeServer.start(dirs);
    session = await openBrowser({ width: 1400, height: 900 });
    session.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await session.page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await waitForWorkbench(session.page);
  });

  after(async function () {
    this.timeout(60_000);
    await session?.close().catch(() => undefined);
    await server?.stop();
    if (root && !process.env.CARELINT_KEEP_E2E) rmSync(root, { recursive: true, force: true });
  });

  step('underlines the flagged word and lists it in Problems at its line:column', async () => {
    const refused = finding('care-plan.txt', 'plaintext', 'refused');
    await openFile(page(), 'care-plan.txt', 'Care plan for Sam');
    const { squiggle } = await waitForSquiggle(page(), 'refused');
    assert.match(squiggle.kind, /squiggly-(warning|error|info)/);
    const scan = await scanSquiggles(page(), 'refused');
    assert.equal(scan.squiggles.length, 1, `one finding, one squiggle: ${JSON.stringify(scan)}`);
    // Besides the severity squiggle, the word is underlined in its category's colour and line style (the demo's).
    const look = CATEGORY_PALETTE[refused.category];
    const rgb = `rgb(${[1, 3, 5].map((i) => Number.parseInt(look.color.slice(i, i + 2), 16)).join(', ')})`;
    const drawn = await waitUntil(
      async () => {
        const style = await textStyle(page(), 'refused');
        return style?.line.includes('underline') && style;
      },
      'the category underline under "refused"',
      30_000,
      async () => `Style: ${JSON.stringify(await textStyle(page(), 'refused'))}`,
    );
    assert.deepEqual([drawn.color, drawn.style], [rgb, look.line], `the ${refused.category} underline`);
    // Problems names the severity in the domain's words, as the hover does.
    const row = await problemsRow(page(), [
      `${severityLabel(refused.severity)}: ${refused.message}`,
      `[Ln ${refused.line}, Col ${refused.column}]`,
    ]);
    assert.match(row, /CareLint/, `the Problems row should name the source CareLint: ${row}`);
    assert.match(row, new RegExp(refused.ruleId), `the Problems row should name the rule: ${row}`);
    await closePanel(page());
  });

  step('hover shows the message and the rationale as text', async () => {
    const refused = finding('care-plan.txt', 'plaintext', 'refused');
    await openFile(page(), 'care-plan.txt', 'Care plan for Sam');
    const { text } = await waitForSquiggle(page(), 'refused');
    const rationaleStart = refused.rationale.split(/(?<=\.)\s/)[0];
    const shown = await hoverText(page(), text, [refused.message, severityLabel(refused.severity), rationaleStart]);
    assert.match(shown, new RegExp(refused.ruleId), `the hover should name the rule: ${shown}`);
    await page().mouse.move(5, 5);
  });

  step('quick fix via Ctrl+. rewrites the word, and Ctrl+S saves it to disk', async () => {
    const refused = finding('care-plan.txt', 'plaintext', 'refused');
    const best = refused.suggestions[0];
    const before = onDisk('care-plan.txt');
    await openFile(page(), 'care-plan.txt', 'Care plan for Sam');
    const { text } = await waitForSquiggle(page(), 'refused');
    await openCodeActionMenu(page(), text, best);
    await page().screenshot({ path: join(ARTIFACTS, 'vscode-quickfix.png') });
    await chooseCodeAction(page(), best);
    await waitForNoSquiggle(page(), `Sam ${best} the evening`);
    await page().keyboard.press('Control+S');
    const expected = before.replace('Sam refused the evening', `Sam ${best} the evening`);
    await waitUntil(
      async () => onDisk('care-plan.txt') === expected,
      'care-plan.txt saved with the rewrite',
      30_000,
      async () => `On disk: ${JSON.stringify(onDisk('care-plan.txt'))}`,
    );
  });

  step(
    'fix-all runs on save (editor.codeActionsOnSave source.fixAll.carelint) and rewrites every finding',
    async () => {
      mark('open');
      await openFile(page(), 'discharge-summary.md', 'Discharge summary');
      mark('opened');
      const { text } = await waitForSquiggle(page(), 'committed suicide');
      await waitForSquiggle(page(), 'noncompliant with');
      const refused = await waitForSquiggle(page(), 'refused', 'refused lunch');
      // With several findings the quick-fix menu also offers fix-all; the other squiggles stay visible beside it,
      // which makes this the README's picture (docs/images/vscode-quickfix.png is a copy of a good one).
      mark('squiggles');
      await openCodeActionMenu(page(), refused.text, FIX_ALL);
      mark('menu');
      const editorBox = await page().locator(EDITOR).boundingBox();
      if (editorBox) {
        await page().screenshot({
          path: join(ARTIFACTS, 'vscode-underline-quickfix.png'),
          clip: { ...editorBox, height: Math.min(editorBox.height, 330) },
        });
      }
      await page().keyboard.press('Escape');
      // An edit, so the save is a real one, then an explicit save, once the built-in Markdown server is up (a save
      // while it registers its providers is cancelled by VS Code: see waitForMarkdownServer).
      await placeCursorIn(page(), text);
      await waitForMarkdownServer(page(), 'Discharge summary (fictional)');
      mark('markdown server');
      await page().keyboard.press('Control+End');
      await page().keyboard.type('Reviewed by the ward team.');
      mark('typed');
      await page().keyboard.press('Control+S');
      mark('saved');
      const expected = [
        '# Discharge summary (fictional)',
        '',
        'Mr Lind declined lunch on the ward and was not taking his inhaler.',
        'His brother died by suicide in 2015, which he talked about with the team.',
        '',
        'Quoted wording is kept as written: `refused` in code is not prose.',
        'Reviewed by the ward team.',
      ].join('\n');
      await waitUntil(
        async () => onDisk('discharge-summary.md') === expected,
        'discharge-summary.md saved with every rewrite',
        45_000,
        async () => `On disk: ${JSON.stringify(onDisk('discharge-summary.md'))}`,
      );
      mark('on disk');
      await waitForNoSquiggle(page(), 'died by suicide');
    },
  );

  step(
    'Fix All on a crisis plan changes exactly the spans that have a rewrite: not the placeholder, prompt or emergency line',
    async () => {
      const before = onDisk('crisis-plan.md');
      await openFile(page(), 'crisis-plan.md', 'Crisis plan');
      const { text } = await waitForSquiggle(page(), 'committed suicide');
      await waitForSquiggle(page(), 'refused', 'refused the evening');
      await waitForSquiggle(page(), 'noncompliant with');
      // an edit, so the save is a real one and codeActionsOnSave runs source.fixAll.carelint
      await placeCursorIn(page(), text);
      await waitForMarkdownServer(page(), 'Crisis plan');
      await page().keyboard.press('Control+End');
      await page().keyboard.type('Reviewed.');
      await page().keyboard.press('Control+S');
      const expected = `${before.replace('refused', 'declined').replace('committed suicide', 'died by suicide').replace('noncompliant with', 'not taking')}Reviewed.`;
      await waitUntil(
        async () => onDisk('crisis-plan.md') === expected,
        'crisis-plan.md saved with exactly the three rewrites',
        45_000,
        async () => `On disk: ${JSON.stringify(onDisk('crisis-plan.md'))}`,
      );
    },
  );

  step(
    '"Ignore here" inserts a trailing carelint-disable-line comment in Markdown and the squiggle goes away',
    async () => {
      const label = finding('review-note.md', 'markdown', 'attention-seeking');
      await openFile(page(), 'review-note.md', 'Review note');
      const { text } = await waitForSquiggle(page(), label.text);
      await openCodeActionMenu(page(), text, IGNORE_HERE);
      await chooseCodeAction(page(), IGNORE_HERE);
      await waitForNoSquiggle(page(), label.text);
      await page().keyboard.press('Control+S');
      const saved = await waitUntil(
        async () => /carelint-disable/.test(onDisk('review-note.md')) && onDisk('review-note.md'),
        'review-note.md saved with the directive',
        30_000,
        async () => `On disk: ${JSON.stringify(onDisk('review-note.md'))}`,
      );
      const lines = saved.split('\n');
      // Markdown's comment syntax, at the end of the flagged line (a line above would split the paragraph).
      assert.match(
        lines[2],
        /^Jo was described as attention seeking by the night team\. <!--\s*carelint-disable-line\b.*-->$/,
      );
      assert.deepEqual(
        [...lines.slice(0, 2), ...lines.slice(3)],
        ['# Review note (fictional)', '', 'The day team will ask Jo what would help at night.', ''],
      );
    },
  );

  step('a .carelintrc.json that turns a category off removes its squiggles and keeps the others', async () => {
    const label = finding('ward-note.txt', 'plaintext', 'manipulative');
    await openFile(page(), 'ward-note.txt', 'Ward note about Alex');
    await waitForSquiggle(page(), 'manipulative');
    await waitForSquiggle(page(), 'refused');
    writeFileSync(
      join(workspace, '.carelintrc.json'),
      JSON.stringify({ categories: { [label.category]: false } }, null, 2),
    );
    await waitForNoSquiggle(page(), 'manipulative');
    await waitForSquiggle(page(), 'refused');
  });

  step('no request left localhost and no script from a document or rule ran', async () => {
    assert.deepEqual(session!.foreignRequests(), []);
    assert.ok(
      session!.requests.length > 10,
      `the request log should hold the workbench's own requests, got ${session!.requests.length}`,
    );
    assert.deepEqual(dialogs, []);
  });
});
