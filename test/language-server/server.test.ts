// carelint-ls over stdio with a real JSON-RPC client (vscode-jsonrpc), against the bundle that ships.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ignoreDirectiveEdit, lint, type Finding } from '../../shared-rules/src/index';
import { fixAllEdits } from '../../editor-common/fixes';
import {
  applyTextEdits,
  positionOf,
  startClient,
  type CodeAction,
  type Diagnostic,
  type TestClient,
} from './support/client';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'crisis-plan.md'), 'utf8');
const folders: string[] = [];
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'carelint-ls-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).href;
const summary = (ds: Diagnostic[]) =>
  ds
    .map(
      (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
    )
    .sort();
const expected = (text: string, findings: Finding[]) =>
  findings
    .map((f) => {
      const s = positionOf(text, f.start),
        e = positionOf(text, f.end);
      return `${f.ruleId}@${s.line}:${s.character}-${e.line}:${e.character}`;
    })
    .sort();
const markdown = (text: string) => lint(text, { format: 'markdown' });

describe('language server (carelint-ls over stdio)', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(() => client?.kill());
  after(() => {
    for (const d of folders) rmSync(d, { recursive: true, force: true });
  });

  it('initializes with incremental sync, hover, code actions, explain-rule and UTF-16 positions by default', async () => {
    const started = await startClient({ folder: workspace() });
    client = started.client;
    const caps = started.result.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.equal(caps.textDocumentSync.change, 2, 'incremental');
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.carelint']);
    assert.ok(caps.executeCommandProvider.commands.includes('carelint.explainRule'));
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that does not pull');
    assert.equal(started.result.serverInfo?.name, 'carelint-ls');
  });

  it("pushes a Markdown crisis plan's findings as diagnostics with severity, rule code, its page, category and data", async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    const findings = markdown(PLAN);
    assert.ok(findings.length >= 3);
    assert.deepEqual(summary(ds), expected(PLAN, findings));
    const suicide = ds.find((d) => d.code === 'committed-suicide')!;
    assert.equal(suicide.severity, 2);
    assert.equal(suicide.source, 'CareLint');
    assert.deepEqual(suicide.data, {
      ruleId: 'committed-suicide',
      category: 'stigmatizing-language',
      text: 'committed suicide',
      suggestions: ['died by suicide', 'ended their life'],
      suggestionKinds: ['rewrite', 'rewrite'],
    });
    assert.deepEqual(ds.find((d) => d.code === 'manipulative')!.data!.suggestionKinds, ['rewrite', 'prompt']);
    assert.match(suicide.codeDescription!.href, /^file:\/\/.*\/docs\/rules\.md#committed-suicide$/);
    assert.equal(ds.find((d) => d.code === 'police-in-care-plan')!.severity, 1);
    // the severity in the domain's words, as VS Code's Problems panel, the demo and the Word pane name it
    assert.match(suicide.message, /^Review: \S/);
    assert.match(ds.find((d) => d.code === 'police-in-care-plan')!.message, /^Change needed: \S/);
  });

  it('follows incremental edits (several in one notification, and across notifications) to what lint() gives for the final text', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    await client.nextDiagnostics(uri, 0);
    let text = PLAN;
    let version = 1;
    const edit = (start: number, end: number, insert: string) => {
      const range = { start: positionOf(text, start), end: positionOf(text, end) };
      text = text.slice(0, start) + insert + text.slice(end);
      return { range, text: insert };
    };
    // one notification, edits in order: remove "committed suicide", then add a new finding at the end
    const at = text.indexOf('committed suicide');
    const first = edit(at, at + 'committed suicide'.length, 'died by suicide');
    const second = edit(text.length, text.length, '\nShe is an addict.\n');
    client.change(uri, ++version, [first, second]);
    // then typing, one character at a time, a word that is flagged once complete
    const typed = 'He was non-compliant.';
    for (const ch of typed) client.change(uri, ++version, [edit(text.length, text.length, ch)]);
    const want = expected(text, markdown(text));
    assert.ok(
      want.some((w) => w.startsWith('addict')) && !want.some((w) => w.startsWith('committed-suicide')),
      want.join(),
    );
    const got = await client.waitFor(() => {
      const list = client!.published.get(uri)!;
      const last = list[list.length - 1];
      return JSON.stringify(summary(last)) === JSON.stringify(want) ? last : undefined;
    }, 'diagnostics equal to lint() of the edited text');
    assert.deepEqual(summary(got), want);
  });

  it('checks every document the client attaches unless told which languages, taking the format from the file name', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    // eglot names the language after the major mode: a .md file in text-mode arrives as "text"
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'text', PLAN);
    assert.deepEqual(summary(await client.nextDiagnostics(uri, 0)), expected(PLAN, markdown(PLAN)));
  });

  it('answers pull diagnostics at once after an edit, and pushes nothing, when the client pulls', async () => {
    const dir = workspace();
    const started = await startClient({
      folder: dir,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    });
    client = started.client;
    assert.equal(started.result.capabilities.diagnosticProvider.interFileDependencies, false);
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.equal(report.kind, 'full');
    assert.deepEqual(summary(report.items), expected(PLAN, markdown(PLAN)));
    const end = positionOf(PLAN, PLAN.length);
    client.change(uri, 2, [{ range: { start: end, end }, text: 'She is an addict.\n' }]);
    const after = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(after.items.some((d) => d.code === 'addict'));
    assert.equal(client.count(uri), 0, 'nothing pushed to a pulling client');
  });

  it('hovers with the message, rationale, rewrites and sources as escaped Markdown (plain text when asked)', async () => {
    const dir = workspace();
    ({ client } = await startClient({
      folder: dir,
      capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
    }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    await client.nextDiagnostics(uri, 0);
    const f = markdown(PLAN).find((x) => x.ruleId === 'committed-suicide')!;
    const hover = await client.request<{ contents: { kind: string; value: string }; range: unknown }>(
      'textDocument/hover',
      { textDocument: { uri }, position: positionOf(PLAN, f.start + 3) },
    );
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*CareLint: /);
    assert.ok(hover.contents.value.includes('died by suicide'));
    assert.match(hover.contents.value, /Sources:/);
    assert.ok(hover.contents.value.includes(f.rationale.slice(0, 20).replace(/[!-/:-@[-`{-~]/g, '\\$&')));
    assert.deepEqual(hover.range, { start: positionOf(PLAN, f.start), end: positionOf(PLAN, f.end) });
    const none = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.equal(none, null);
    client.kill();

    ({ client } = await startClient({
      folder: dir,
      capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
    }));
    client.open(uri, 'markdown', PLAN);
    await client.nextDiagnostics(uri, 0);
    const plain = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(PLAN, f.start + 3),
    });
    assert.equal(plain.contents.kind, 'plaintext');
    assert.ok(plain.contents.value.includes(f.rationale));
  });

  it('offers rewrites as quick fixes (the first rewrite preferred, a prompt never), ignore-line and allow-in-workspace', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    const manip = ds.find((d) => d.code === 'manipulative')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: manip.range,
      context: { diagnostics: [manip] },
    });
    const titles = actions.map((a) => a.title);
    const f = markdown(PLAN).find((x) => x.ruleId === 'manipulative')!;
    const prompt = actions.find((a) => a.title.includes('[describe'))!;
    const rewrite = actions.find((a) => a.title === 'Replace "manipulative" with "trying to get their needs met"')!;
    assert.ok(prompt && rewrite, titles.join('\n'));
    assert.equal(prompt.isPreferred, false, 'a prompt is never the one-click default');
    assert.equal(rewrite.isPreferred, true);
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    assert.deepEqual(rewrite.diagnostics, [manip]);
    assert.equal(rewrite.kind, 'quickfix');
    const fixed = applyTextEdits(PLAN, rewrite.edit!.changes![uri]);
    assert.equal(fixed, PLAN.slice(0, f.start) + 'trying to get their needs met' + PLAN.slice(f.end));
    assert.ok(titles.includes('Ignore "manipulative" here (manipulative)'));
    const allow = actions.find((a) => a.title === 'Allow "manipulative" in this workspace…')!;
    assert.deepEqual(allow.command, {
      title: allow.title,
      command: 'carelint.allowInWorkspace',
      arguments: [uri, 'manipulative', 'manipulative'],
    });
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.carelint'), 'source actions only when asked for by kind');
    // guidance (police in planned care) is advice in the hover, never an action that edits the text
    const police = ds.find((d) => d.code === 'police-in-care-plan')!;
    const guidance = markdown(PLAN).find((x) => x.ruleId === 'police-in-care-plan')!.guidance;
    assert.ok(guidance.length > 0);
    const policeActions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: police.range,
      context: { diagnostics: [police] },
    });
    const edits = policeActions.filter((a) => a.diagnostics?.[0]?.code === 'police-in-care-plan' && a.edit);
    assert.deepEqual(
      edits.map((a) => a.title),
      ['Ignore "PC Daniels will attend her fortnightly CPA reviews" here (police-in-care-plan)'],
    );
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: police.range.start,
    });
    assert.match(hover.contents.value, /Change the plan: Make the plan with the person/);
  });

  it('inserts a chosen prompt as a snippet with its bracketed part selected, where the client takes snippet edits', async () => {
    const dir = workspace();
    ({ client } = await startClient({
      folder: dir,
      capabilities: { workspace: { workspaceEdit: { snippetEditSupport: true, documentChanges: true } } },
    }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    const manip = ds.find((d) => d.code === 'manipulative')!;
    const actions = await client.request<
      Array<
        CodeAction & {
          edit: {
            documentChanges?: Array<{
              textDocument: { uri: string; version: number };
              edits: Array<{ range: unknown; snippet?: { kind: string; value: string } }>;
            }>;
          };
        }
      >
    >('textDocument/codeAction', { textDocument: { uri }, range: manip.range, context: { diagnostics: [manip] } });
    const prompt = actions.find((a) => a.title.includes('[describe'))!;
    const [change] = prompt.edit.documentChanges!;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits[0].range, manip.range);
    assert.equal(change.edits[0].snippet!.kind, 'snippet');
    assert.match(change.edits[0].snippet!.value, /^\$\{1:\[describe [^\]]*\]\}$/);
    const rewrite = actions.find((a) => a.isPreferred)!;
    assert.ok(rewrite.edit.changes, 'a rewrite stays a plain text edit');
  });

  it('ignore-line puts the directive where the engine says (a trailing comment in Markdown, even when the client calls it "text"), and the finding goes', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'text', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    const d = ds.find((x) => x.code === 'committed-suicide')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const ignore = actions.find((a) => a.title.startsWith('Ignore'))!;
    const [edit] = ignore.edit!.changes![uri];
    const f = markdown(PLAN).find((x) => x.ruleId === 'committed-suicide')!;
    const want = ignoreDirectiveEdit(PLAN, f.start, f.ruleId, 'markdown');
    assert.equal(edit.newText, want.insert);
    assert.match(edit.newText, /^ <!-- carelint-disable-line committed-suicide -->$/);
    assert.deepEqual(edit.range.start, positionOf(PLAN, want.offset));
    client.change(uri, 2, [{ range: edit.range, text: edit.newText }]);
    const after = await client.nextDiagnostics(uri, 1);
    assert.ok(!after.some((x) => x.code === 'committed-suicide'));
    assert.equal(after.length, ds.length - 1);
  });

  it("fix-all (source.fixAll.carelint) applies only the engine's automatic rewrites, never a prompt", async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    const text = `${PLAN}\nShe is an addict and was non-compliant.\n`;
    client.open(uri, 'markdown', text);
    await client.nextDiagnostics(uri, 0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.carelint');
    assert.equal(actions[0].title, 'Fix all CareLint rewrites in this file');
    const fixed = applyTextEdits(text, actions[0].edit!.changes![uri]);
    const plan = fixAllEdits(text, markdown(text), 'markdown');
    assert.ok(plan.length >= 2);
    let want = text;
    for (const e of [...plan].reverse()) want = want.slice(0, e.start) + e.newText + want.slice(e.end);
    assert.equal(fixed, want);
    assert.ok(!fixed.includes('[describe'), 'no prompt inserted without a person choosing it');
    assert.ok(fixed.includes('died by suicide'));
  });

  it('allow-in-workspace keeps the reason in .carelintrc.json and the finding goes', async () => {
    const dir = workspace();
    const asked: string[][] = [];
    ({ client } = await startClient({
      folder: dir,
      pick: (_m, titles) => {
        asked.push(titles);
        return titles[0];
      },
    }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    await client.nextDiagnostics(uri, 0);
    const ok = await client.request('workspace/executeCommand', {
      command: 'carelint.allowInWorkspace',
      arguments: [uri, 'committed-suicide', 'committed suicide'],
    });
    assert.equal(ok, true);
    assert.equal(asked.length, 1, 'the reason was asked for');
    const config = JSON.parse(readFileSync(join(dir, '.carelintrc.json'), 'utf8'));
    assert.deepEqual(config.allow, [{ text: 'committed suicide', rule: 'committed-suicide', reason: asked[0][0] }]);
    const after = await client.waitFor(
      () => client!.published.get(uri)!.find((ds) => !ds.some((d) => d.code === 'committed-suicide')),
      'the allowed finding to go',
    );
    assert.ok(after.some((d) => d.code === 'manipulative'));
    // a given reason (from a client that asks for one itself) is kept as written
    const own = await client.request('workspace/executeCommand', {
      command: 'carelint.allowInWorkspace',
      arguments: [uri, 'manipulative', 'manipulative', 'Quoted from her own statement'],
    });
    assert.equal(own, true);
    assert.equal(
      JSON.parse(readFileSync(join(dir, '.carelintrc.json'), 'utf8')).allow[1].reason,
      'Quoted from her own statement',
    );
    // with the config open in the editor, the entry goes into the buffer through workspace/applyEdit, not onto the disk
    const configUri = uriOf(dir, '.carelintrc.json');
    const onDisk = readFileSync(join(dir, '.carelintrc.json'), 'utf8');
    client.open(configUri, 'json', onDisk);
    assert.equal(
      await client.request('workspace/executeCommand', {
        command: 'carelint.allowInWorkspace',
        arguments: [uri, 'police-in-care-plan', 'PC Daniels', 'Named in a court order'],
      }),
      true,
    );
    assert.equal(readFileSync(join(dir, '.carelintrc.json'), 'utf8'), onDisk);
    const applied = client.applied[0] as {
      edit: {
        changes: Record<
          string,
          Array<{
            range: { start: { line: number; character: number }; end: { line: number; character: number } };
            newText: string;
          }>
        >;
      };
    };
    const edited = JSON.parse(applyTextEdits(onDisk, applied.edit.changes[configUri]));
    assert.deepEqual(edited.allow[2], {
      text: 'PC Daniels',
      rule: 'police-in-care-plan',
      reason: 'Named in a court order',
    });
    assert.equal(
      await client.request<Diagnostic[] | null>('textDocument/hover', {
        textDocument: { uri: configUri },
        position: { line: 0, character: 0 },
      }),
      null,
      'the config is not checked as prose',
    );
  });

  it('reports a bad .carelintrc.json with file:line:col by showMessage and as diagnostics on the file; built-in rules keep working; a fix on disk clears it', async () => {
    const bad =
      '{\n  "categories": { "stigmatizing-language": false },\n  "severity": { "manipulative": "fatal" }\n}\n';
    const dir = workspace({ '.carelintrc.json': bad });
    const configUri = uriOf(dir, '.carelintrc.json');
    ({ client } = await startClient({
      folder: dir,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    }));
    await client.waitFor(
      () => client!.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
      'the config watcher registration',
    );
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    const message = await client.waitFor(
      () => client!.messages.find((m) => m.message.includes('.carelintrc.json:')),
      'the config problem message',
    );
    assert.equal(message.type, 2, 'a warning');
    assert.match(message.message, /\.carelintrc\.json:3:\d+: /);
    const problems = await client.nextDiagnostics(configUri, 0);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 2);
    assert.match(problems[0].message, /fatal|severity/i);
    // the valid part of the file applies, and the built-in rules keep working
    assert.ok(
      !ds.some((d) => d.code === 'committed-suicide'),
      'stigmatizing-language is off by the valid part of the config',
    );
    assert.ok(ds.some((d) => d.code === 'police-in-care-plan'));
    writeFileSync(join(dir, '.carelintrc.json'), '{}\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: configUri, type: 2 }],
    });
    const cleared = await client.nextDiagnostics(configUri, 1);
    assert.deepEqual(cleared, []);
    const back = await client.waitFor(
      () => client!.published.get(uri)!.find((x) => x.some((d) => d.code === 'committed-suicide')),
      'the findings of the whole config',
    );
    assert.ok(back.length > ds.length);
  });

  it('notices a .carelintrc.json created on disk by itself when the client does not watch files', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const ds = await client.nextDiagnostics(uri, 0);
    assert.ok(ds.some((d) => d.code === 'committed-suicide'));
    writeFileSync(join(dir, '.carelintrc.json'), '{ "rules": { "committed-suicide": false } }\n');
    await client.waitFor(
      () => client!.published.get(uri)!.find((x) => x.length > 0 && !x.some((d) => d.code === 'committed-suicide')),
      'the new config to apply',
    );
  });

  it('takes settings from initializationOptions, workspace/configuration and didChangeConfiguration', async () => {
    const dir = workspace();
    let pulled: unknown = null;
    ({ client } = await startClient({
      folder: dir,
      initializationOptions: { carelint: { categories: { 'police-involvement': false } } },
      capabilities: { workspace: { configuration: true } },
      configuration: () => pulled,
    }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    const first = await client.nextDiagnostics(uri, 0);
    assert.ok(
      !first.some((d) => d.code === 'police-in-care-plan'),
      'initializationOptions turned police-involvement off',
    );
    assert.ok(first.some((d) => d.code === 'committed-suicide'));
    pulled = { severity: { 'committed-suicide': 'error' }, languages: ['markdown'] };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const second = await client.nextDiagnostics(uri, 1);
    assert.equal(second.find((d) => d.code === 'committed-suicide')!.severity, 1);
    pulled = { languages: ['plaintext'] };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.nextDiagnostics(uri, 2), [], 'markdown is no longer a checked language');
  });

  for (const encoding of ['utf-16', 'utf-8'] as const) {
    it(`counts positions in ${encoding} through emoji and CRLF, in diagnostics and edits`, async () => {
      const dir = workspace();
      const started = await startClient({
        folder: dir,
        capabilities: { general: { positionEncodings: encoding === 'utf-8' ? ['utf-8', 'utf-16'] : ['utf-16'] } },
      });
      client = started.client;
      assert.equal(started.result.capabilities.positionEncoding, encoding);
      const uri = uriOf(dir, 'note.txt');
      const text = 'Seen today 🙂🙂.\r\nJo 😀 — said she is an addict.\r\nNo concerns.\r\n';
      client.open(uri, 'plaintext', text);
      const [d] = await client.nextDiagnostics(uri, 0);
      const col = (s: string) => (encoding === 'utf-8' ? Buffer.byteLength(s) : s.length);
      const [f] = lint(text);
      const line1 = 'Jo 😀 — said she is an addict.';
      const from = f.start - text.indexOf(line1);
      assert.equal(d.code, 'addict');
      assert.deepEqual(d.range, {
        start: { line: 1, character: col(line1.slice(0, from)) },
        end: { line: 1, character: col(line1.slice(0, from + f.text.length)) },
      });
      // insert a word after the emoji on line 1, in the client's encoding: the finding moves by its length
      const at = { line: 1, character: col('Jo 😀') };
      client.change(uri, 2, [{ range: { start: at, end: at }, text: ' 🙂' }]);
      const [moved] = await client.nextDiagnostics(uri, 1);
      assert.equal(moved.range.start.character, d.range.start.character + col(' 🙂'));
      // a replacement across the CRLF between lines 0 and 1 joins them
      client.change(uri, 3, [
        {
          range: { start: { line: 0, character: col('Seen today 🙂🙂.') }, end: { line: 1, character: 0 } },
          text: ' ',
        },
      ]);
      const [joined] = await client.nextDiagnostics(uri, 2);
      const line0 = 'Seen today 🙂🙂. Jo 🙂 😀 — said she is an addict.';
      assert.deepEqual(joined.range.start, { line: 0, character: col(line0.slice(0, line0.indexOf(f.text))) });
      // the quick fix's range is in the same encoding, and "Ignore here" keeps the file's CRLF
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: joined.range,
        context: { diagnostics: [joined] },
      });
      const replace = actions.find((a) => a.isPreferred)!;
      assert.deepEqual(replace.edit!.changes![uri][0].range, joined.range);
      const ignore = actions.find((a) => a.title.startsWith('Ignore'))!.edit!.changes![uri][0];
      assert.deepEqual(ignore, {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: 'carelint-disable-next-line addict\r\n',
      });
    });
  }

  it('explains a rule through workspace/executeCommand', async () => {
    ({ client } = await startClient({ folder: workspace() }));
    const text = await client.request<string>('workspace/executeCommand', {
      command: 'carelint.explainRule',
      arguments: ['committed-suicide'],
    });
    assert.match(text, /^CareLint rule: committed-suicide/);
    assert.match(text, /died by suicide/);
    await client.waitFor(
      () => client!.messages.find((m) => m.type === 3 && m.message === text),
      'the explanation shown',
    );
    assert.equal(
      await client.request('workspace/executeCommand', {
        command: 'carelint.explainRule',
        arguments: ['no-such-rule'],
      }),
      null,
    );
  });

  it('shuts down and exits with code 0 on shutdown then exit', async () => {
    const dir = workspace();
    ({ client } = await startClient({ folder: dir }));
    const uri = uriOf(dir, 'plan.md');
    client.open(uri, 'markdown', PLAN);
    await client.nextDiagnostics(uri, 0);
    assert.equal(await client.stop(), 0);
  });
});
