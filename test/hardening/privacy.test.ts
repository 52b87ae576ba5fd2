/**
 * No text leaves the machine: the CLI and the engine run with every Node network API patched to fail and to
 * report any attempt (test/support/no-network.cjs), and everything still works.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, makeDocx, ROOT, tempDir } from '../support/cli';
import { startClient } from '../language-server/support/client';

const GUARD = join(ROOT, 'test', 'support', 'no-network.cjs');

function guarded(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, ['--require', GUARD, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('privacy: no network use', function () {
  this.timeout(60000);

  it('the guard itself catches an attempt, even a swallowed one (so the other tests can fail)', () => {
    const r = guarded([
      '-e',
      "fetch('http://example.org').catch(() => {}); try { require('node:https').get('https://example.org') } catch {}",
    ]);
    assert.equal(r.code, 99);
    assert.match(r.stderr, /NETWORK ATTEMPTS: fetch, https\.get/);
  });

  it('the CLI checks text, Markdown, HTML, .docx and stdin, in every format, and fixes files, without the network', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'He refused his medication and is manipulative.\n');
    writeFileSync(join(dir, 'b.md'), '# Care plan\n\nPolice to attend her weekly appointments.\n');
    writeFileSync(join(dir, 'c.html'), '<p>She is an <b>addict</b>.</p>');
    writeFileSync(join(dir, 'd.docx'), await makeDocx(['The patient committed suicide.']));
    writeFileSync(join(dir, '.carelintrc.json'), JSON.stringify({ rules: { refusing: false }, customRules: [] }));
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const r = guarded([BIN, 'check', '--format', format, '.'], { cwd: dir });
      assert.equal(r.code, 1, `${format}: ${r.stderr}`);
      assert.match(r.stdout, /manipulative/);
    }
    const stdin = guarded([BIN, 'check', '-'], { cwd: dir, input: 'She claims she was assaulted.' });
    assert.equal(stdin.code, 1, stdin.stderr);
    for (const args of [['rules'], ['explain', 'committed-suicide'], ['--help']]) {
      const r = guarded([BIN, ...args], { cwd: dir });
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    }
    const fix = guarded([BIN, 'check', '--fix', 'a.txt'], { cwd: dir });
    assert.notEqual(fix.code, 99, fix.stderr);
    assert.match(readFileSync(join(dir, 'a.txt'), 'utf8'), /declined/);
  });

  it('the engine lints, runs sessions, applies fixes and loads configs without the network', () => {
    // the shipped engine bundle (the one the VS Code and Word hosts carry), not the TypeScript sources
    const script = `
      const e = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'engine.mjs')).href)});
      const text = 'Police will attend her CPA review. She is attention seeking and refused food.';
      const found = e.lint(text);
      const session = new e.LintSession(text);
      session.update({ start: 0, end: 0, text: 'Note: ' });
      const loaded = e.loadConfig('{"categories": {"stigmatizing-language": false}}', '.carelintrc.json');
      console.log(JSON.stringify({ n: found.length, s: session.findings().length, fixed: e.applyFixes(text, found), problems: loaded.problems.length }));`;
    const r = guarded(['--input-type=module', '-e', script]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.ok(out.n >= 3 && out.s === out.n, r.stdout);
    assert.match(out.fixed, /declined/);
    assert.equal(out.problems, 0);
  });
  it('the language server runs a whole session (config, diagnostics, hover, code actions, fix-all, allow, explain) without the network', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.carelintrc.json'), '{ "severity": { "addict": "fatal" } }\n');
    const { client } = await startClient({
      guarded: true,
      folder: dir,
      pick: (_m, titles) => titles[0],
      capabilities: { general: { positionEncodings: ['utf-8'] } },
    });
    try {
      const uri = pathToFileURL(join(dir, 'plan.md')).href;
      client.open(
        uri,
        'markdown',
        '# Plan\n\nPolice will attend her CPA review. She is an addict and committed suicide 😀.\n',
      );
      const ds = await client.nextDiagnostics(uri, 0);
      assert.ok(ds.length >= 3, JSON.stringify(ds));
      await client.waitFor(
        () => client.messages.find((m) => m.message.includes('.carelintrc.json:1:')),
        'the config problem',
      );
      await client.request('textDocument/hover', { textDocument: { uri }, position: ds[0].range.start });
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: ds[0].range,
        context: { diagnostics: [ds[0]] },
      });
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: ds[0].range,
        context: { diagnostics: [], only: ['source.fixAll.carelint'] },
      });
      client.change(uri, 2, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Note: ' },
      ]);
      await client.nextDiagnostics(uri, 1);
      await client.request('workspace/executeCommand', { command: 'carelint.explainRule', arguments: ['addict'] });
      await client.request('workspace/executeCommand', {
        command: 'carelint.allowInWorkspace',
        arguments: [uri, 'addict', 'addict'],
      });
    } finally {
      const code = await client.stop();
      assert.equal(code, 0, client.errors);
      assert.doesNotMatch(client.errors, /NETWORK ATTEMPTS/);
    }
  });
});
