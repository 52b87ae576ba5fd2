// Unit tests of quick fixes, fix-all, "Ignore here" and "Allow in this workspace…".
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { withAllowEntry, allowInWorkspace } from '../../extension/src/allow';
import { CareLintCodeActions, FIX_ALL_KIND, slotSnippet } from '../../extension/src/code-actions';
import { codes, path, start, waitFor, withWorkspace } from './support';
import * as vscode from './unit/fake-vscode';

type Action = vscode.CodeAction;

async function setUp(text: string, languageId = 'plaintext', file = 'a.txt') {
  const run = start();
  const doc = vscode.openDocument(path(file), languageId, text);
  await waitFor(() => codes(run.live, doc), 'diagnostics');
  const provider = new CareLintCodeActions(run.linter);
  const actions = async (range: vscode.Range, only?: vscode.CodeActionKind) =>
    (await provider.provideCodeActions(
      doc as never,
      range as never,
      { diagnostics: [], only, triggerKind: 1 } as never,
    )) as unknown as Action[];
  return { run, doc, actions };
}

function rangeOf(doc: vscode.FakeDocument, word: string): vscode.Range {
  const at = doc.getText().indexOf(word);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + word.length));
}

describe('extension: code actions', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('one quick fix per rewrite, the best preferred, then Ignore here and Allow in this workspace', async () => {
    withWorkspace();
    const { run, doc, actions } = await setUp('Mr Example refused his tablets.\n');
    stop = run.stop;
    const list = await actions(rangeOf(doc, 'refused'));
    assert.deepEqual(
      list.map((a) => a.title),
      [
        'Replace "refused" with "declined"',
        'Rewrite "refused" as "[describe what was offered and the reasons the person gave]" (fill in the bracketed part)',
        'Ignore "refused" here (refused)',
        'Allow "refused" in this workspace…',
      ],
    );
    assert.deepEqual(
      list.map((a) => a.kind?.value),
      ['quickfix', 'quickfix', 'quickfix', 'quickfix'],
    );
    assert.deepEqual(
      list.map((a) => Boolean(a.isPreferred)),
      [true, false, false, false],
    );
    assert.deepEqual(
      list[0].edit?.edits.map((e) => [e.range.start.character, e.range.end.character, e.text]),
      [[11, 18, 'declined']],
    );
    assert.equal((list[0].diagnostics?.[0].code as { value: string }).value, 'refused');
    // A slot rewrite is a snippet: the bracketed part is a selected placeholder the writer types over.
    assert.deepEqual(
      list[1].edit?.edits.map((e) => [e.snippet, e.text]),
      [[true, '${1:[describe what was offered and the reasons the person gave]}']],
    );
    assert.deepEqual(list[3].command, {
      command: 'carelint.allowInWorkspace',
      title: list[3].title,
      arguments: [doc.uri, 'refused', 'refused'],
    });
  });

  it('only for findings under the cursor; none elsewhere', async () => {
    withWorkspace();
    const { run, doc, actions } = await setUp('Calm today.\nShe refused lunch.\n');
    stop = run.stop;
    assert.deepEqual(await actions(new vscode.Range(0, 0, 0, 4)), []);
    assert.ok((await actions(new vscode.Range(1, 6, 1, 6))).length > 0, 'a cursor inside the word');
    assert.equal(doc.getText(rangeOf(doc, 'refused')), 'refused');
  });

  it('a practice finding (police in planned care) offers no replacement: its guidance is advice, not an action', async () => {
    withWorkspace();
    const { run, doc, actions } = await setUp('PC Jones will attend the CPA review next month.\n');
    stop = run.stop;
    const list = await actions(new vscode.Range(0, 0, 0, 20));
    assert.deepEqual(
      list.map((a) => a.title.split(' ')[0]),
      ['Ignore', 'Allow'],
    );
    assert.ok(list.every((a) => !a.isPreferred));
    assert.deepEqual(
      await actions(new vscode.Range(0, 0, 1, 0), FIX_ALL_KIND as never),
      [],
      'fix-all has nothing to apply',
    );
    assert.equal(doc.getText(), 'PC Jones will attend the CPA review next month.\n');
  });

  it('slot snippets escape snippet syntax in the text around the slots', () => {
    assert.equal(
      (slotSnippet('cost $5 [amount] and [who]') as unknown as vscode.SnippetString).value,
      'cost \\$5 ${1:[amount]} and ${2:[who]}',
    );
  });

  it('fix-all (source.fixAll.carelint): the first plain rewrite of each finding, no slot rewrites, no overlaps', async () => {
    withWorkspace();
    const text =
      'She refused lunch.\n\nHer uncle committed suicide.\nShe is attention seeking and manipulative.\nPolice will attend her CPA review.\n';
    const { run, doc, actions } = await setUp(text);
    stop = run.stop;
    const all = await actions(new vscode.Range(0, 0, 4, 0), FIX_ALL_KIND as never);
    assert.deepEqual(
      all.map((a) => [a.title, a.kind?.value]),
      [['Fix all CareLint rewrites in this file', 'source.fixAll.carelint']],
    );
    await vscode.workspace.applyEdit(all[0].edit!);
    assert.equal(
      doc.getText(),
      'She declined lunch.\n\nHer uncle died by suicide.\nShe is help-seeking and trying to get her needs met.\nPolice will attend her CPA review.\n',
    );
    // Requests for source.fixAll (what codeActionsOnSave sends) get it too; plain quick-fix requests do not get the source kind.
    assert.equal(
      (await actions(new vscode.Range(0, 0, 4, 0), vscode.CodeActionKind.SourceFixAll as never)).length,
      0,
      'nothing left to fix',
    );
  });

  it('fix-all is also offered among the quick fixes when more than one finding can be fixed', async () => {
    withWorkspace();
    const { run, doc, actions } = await setUp('She refused lunch. He is an addict.\n');
    stop = run.stop;
    const titles = (await actions(rangeOf(doc, 'refused'))).map((a) => [a.title, a.kind?.value]);
    assert.deepEqual(titles[titles.length - 1], ['Fix all CareLint rewrites in this file', 'quickfix']);
    assert.ok(!(await actions(rangeOf(doc, 'refused'))).some((a) => a.kind?.value === 'source.fixAll.carelint'));
    assert.deepEqual(
      (await actions(rangeOf(doc, 'refused'), vscode.CodeActionKind.Source as never)).map((a) => a.kind?.value),
      ['source.fixAll.carelint'],
    );
  });

  it('Ignore here in Markdown: a trailing comment on the line, so no paragraph or list is split', async () => {
    withWorkspace();
    const { run, doc, actions } = await setUp(
      '# Plan\n\nWard round went well and\n  she refused lunch.  \nThen slept.\n',
      'markdown',
      'a.md',
    );
    stop = run.stop;
    const ignore = (await actions(rangeOf(doc, 'refused'))).find((a) => a.title.startsWith('Ignore'))!;
    await vscode.workspace.applyEdit(ignore.edit!);
    assert.equal(
      doc.getText(),
      '# Plan\n\nWard round went well and\n  she refused lunch. <!-- carelint-disable-line refused -->  \nThen slept.\n',
    );
  });

  it("Ignore here: the directive on its own line above, in the file's comment syntax, indented like the line", async () => {
    withWorkspace();
    const cases: Array<[string, string, string, string]> = [
      [
        'handlebars',
        'a.hbs',
        '<p>\n\t{{name}} refused lunch.\n</p>\n',
        '\t{{!-- carelint-disable-next-line refused --}}',
      ],
      ['jinja', 'a.j2', '{{ name }} refused lunch.\n', '{# carelint-disable-next-line refused #}'],
      ['plaintext', 'a.txt', 'She refused lunch.\r\nCalm.\r\n', 'carelint-disable-next-line refused'],
    ];
    for (const [language, file, text, line] of cases) {
      const { run, doc, actions } = await setUp(text, language, file);
      const ignore = (await actions(rangeOf(doc, 'refused'))).find((a) => a.title.startsWith('Ignore'))!;
      await vscode.workspace.applyEdit(ignore.edit!);
      const lines = doc.getText().split(/\r?\n/);
      assert.equal(lines[text.split(/\r?\n/).findIndex((l) => l.includes('refused'))], line, language);
      if (text.includes('\r\n')) assert.ok(doc.getText().startsWith(`${line}\r\n`), 'keeps CRLF');
      await waitFor(() => codes(run.live, doc)?.length === 0, `${language}: the directive silences the finding`);
      run.stop();
    }
  });
});

describe('extension: "Allow in this workspace…"', () => {
  const entry = { text: 'refused', rule: 'refused', reason: 'quoting the form' };

  it('adds to an existing allow list, keeping comments and formatting', () => {
    const before =
      '{\n  // team settings\n  "locale": "en-GB",\n  "allow": [\n    { "text": "claims", "reason": "legal letter" }\n  ]\n}\n';
    const after = withAllowEntry(before, entry);
    assert.equal(
      after,
      before.replace(
        'legal letter" }',
        'legal letter" },\n    { "text": "refused", "rule": "refused", "reason": "quoting the form" }',
      ),
    );
    assert.deepEqual(JSON.parse(after.replace(/\/\/.*$/m, '')).allow, [
      { text: 'claims', reason: 'legal letter' },
      entry,
    ]);
  });

  it('creates the allow list, or the whole file', () => {
    assert.deepEqual(JSON.parse(withAllowEntry('{ "allow": [] }', entry)), { allow: [entry] });
    assert.deepEqual(JSON.parse(withAllowEntry('{\n\t"rules": { "claims": false }\n}', entry)), {
      rules: { claims: false },
      allow: [entry],
    });
    assert.ok(withAllowEntry('{\n\t"rules": {}\n}', entry).includes('\n\t"allow"'), 'tab indentation kept');
    assert.deepEqual(JSON.parse(withAllowEntry('', entry)), { allow: [entry] });
  });

  it('asks for the reason, writes the nearest config through a WorkspaceEdit and saves it; the finding goes', async () => {
    withWorkspace({ 'notes/.carelintrc.json': '{\n  // keep me\n  "locale": "en-GB"\n}\n' });
    const run = start();
    const doc = vscode.openDocument(path('notes/a.txt'), 'plaintext', 'She refused lunch.');
    await waitFor(() => codes(run.live, doc)?.length === 1, 'the finding');
    vscode.state.inputBoxAnswers.push('  the form quotes her  ');
    assert.equal(await allowInWorkspace(run.configs, doc.uri as never, 'refused', 'refused'), true);
    assert.match(vscode.state.inputBoxOptions[0].title, /Allow "refused" \(refused\)/);
    const saved = new TextDecoder().decode(
      vscode.state.files.get(vscode.Uri.file(path('notes/.carelintrc.json')).toString()),
    );
    assert.ok(saved.includes('// keep me'));
    assert.deepEqual(JSON.parse(saved.replace(/\/\/.*$/m, '')).allow, [
      { text: 'refused', rule: 'refused', reason: 'the form quotes her' },
    ]);
    await waitFor(() => codes(run.live, doc)?.length === 0, 'allowed wording is no longer flagged');
    run.stop();
  });

  it('creates .carelintrc.json at the workspace root when none applies; cancelling or an empty reason writes nothing', async () => {
    withWorkspace();
    const run = start();
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch.');
    const config = vscode.Uri.file(path('.carelintrc.json')).toString();
    vscode.state.inputBoxAnswers.push(undefined);
    assert.equal(await allowInWorkspace(run.configs, doc.uri as never, 'refused', 'refused'), false);
    vscode.state.inputBoxAnswers.push('   ');
    assert.equal(await allowInWorkspace(run.configs, doc.uri as never, 'refused', 'refused'), false);
    assert.equal(vscode.state.files.has(config), false);
    vscode.state.inputBoxAnswers.push('staff training example');
    assert.equal(await allowInWorkspace(run.configs, doc.uri as never, 'refused', 'refused'), true);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(vscode.state.files.get(config))), {
      allow: [{ text: 'refused', rule: 'refused', reason: 'staff training example' }],
    });
    run.stop();
  });
});
