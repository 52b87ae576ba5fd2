// Real editors from Debian 12, headless, configured with the README's own snippets: Neovim 0.7.2 (built-in LSP
// client) and Emacs 28 with eglot 1.9 open a Markdown crisis plan, show CareLint's diagnostics, apply a quick fix
// through the editor's code-action command, and save a file whose bytes differ from the original only in that span.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { lint } from '../../shared-rules/src/index';
import { ROOT, SERVER } from './support/client';

const PLAN_PATH = join(__dirname, 'fixtures', 'crisis-plan.md');
const PLAN = readFileSync(PLAN_PATH, 'utf8');
const FINDINGS = lint(PLAN, { format: 'markdown' });
const FIX = FINDINGS.find((f) => f.ruleId === 'committed-suicide')!;
const REWRITE = 'died by suicide';
const FIX_TITLE = `Replace "${FIX.text}" with "${REWRITE}"`;

/** The fenced block of a language in the README's "Other editors (language server)" section: what users copy. */
export function readmeSnippet(language: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Other editors (language server)');
  assert.ok(start >= 0, 'README has the "Other editors (language server)" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const m = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  assert.ok(m, `README's language-server section has a ${language} block`);
  return m[1];
}

function requireTool(cmd: string, pkg: string): void {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`${cmd} is not installed: run scripts/setup.sh (Debian package ${pkg})`);
}

/** The expected saved file: the original bytes with only the finding's span replaced. */
function fixedBytes(): Buffer {
  const prefix = Buffer.from(PLAN.slice(0, FIX.start));
  return Buffer.concat([prefix, Buffer.from(REWRITE), Buffer.from(PLAN.slice(FIX.end))]);
}

/** 0-based line and column of an offset, the column in UTF-8 bytes (Neovim) or UTF-16 units (LSP, as eglot reports). */
function where(offset: number, unit: 'byte' | 'utf-16'): [number, number] {
  const before = PLAN.slice(0, offset);
  const line = before.split('\n').length - 1;
  const col = before.slice(before.lastIndexOf('\n') + 1);
  return [line, unit === 'byte' ? Buffer.byteLength(col) : col.length];
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('language server in real editors (headless Neovim and Emacs eglot)', function () {
  this.timeout(90000);
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'carelint-editors-'));
    // `carelint-ls` on PATH, as `npm install -g .` leaves it
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(SERVER, join(bin, 'carelint-ls'));
    chmodSync(SERVER, 0o755);
    mkdirSync(join(dir, 'ws'));
    copyFileSync(PLAN_PATH, join(dir, 'ws', 'crisis-plan.md'));
    mkdirSync(join(dir, 'home'));
    env = {
      ...process.env,
      PATH: `${bin}${delimiter}${process.env.PATH}`,
      HOME: join(dir, 'home'),
      XDG_CONFIG_HOME: join(dir, 'home', '.config'),
      XDG_DATA_HOME: join(dir, 'home', '.local', 'share'),
      XDG_STATE_HOME: join(dir, 'home', '.local', 'state'),
      PLAN: join(dir, 'ws', 'crisis-plan.md'),
      EXPECT_COUNT: String(FINDINGS.length),
      FIX_RULE: FIX.ruleId,
      FIX_TITLE,
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function check(result: { code: number | null; stdout: string; stderr: string }, unit: 'byte' | 'utf-16'): void {
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const diags = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('DIAG '))
      .map((l) => l.split(' ').slice(1, 6).join(' '))
      .sort();
    const want = FINDINGS.map((f) => [f.ruleId, ...where(f.start, unit), ...where(f.end, unit)].join(' ')).sort();
    assert.deepEqual(diags, want);
    assert.ok(result.stdout.includes(`OFFERED ${FIX_TITLE}`), result.stdout);
    assert.match(result.stdout, /^FIXED$/m);
    const saved = readFileSync(join(dir, 'ws', 'crisis-plan.md'));
    assert.ok(saved.equals(fixedBytes()), `saved file differs beyond the fixed span:\n${saved.toString('utf8')}`);
  }

  it('Neovim 0.7.2 with the README configuration: diagnostics, a quick fix from its code-action menu, saved', async () => {
    requireTool('nvim', 'neovim');
    const init = join(dir, 'init.lua');
    writeFileSync(init, readmeSnippet('lua'));
    const driver = join(__dirname, 'editors', 'nvim-driver.lua');
    const r = await run(
      'nvim',
      ['--headless', '-n', '-i', 'NONE', '-u', init, join(dir, 'ws', 'crisis-plan.md'), '-c', `luafile ${driver}`],
      env,
      join(dir, 'ws'),
    );
    check(r, 'byte');
  });

  it('Emacs 28 with eglot and the README configuration: diagnostics through Flymake, a quick fix by eglot-code-actions, saved', async () => {
    requireTool('emacs', 'emacs-nox and elpa-eglot');
    const init = join(dir, 'init.el');
    writeFileSync(init, readmeSnippet('elisp'));
    const driver = join(__dirname, 'editors', 'emacs-driver.el');
    const r = await run('emacs', ['--batch', '-l', init, '-l', driver], env, join(dir, 'ws'));
    check(r, 'utf-16');
  });
});
