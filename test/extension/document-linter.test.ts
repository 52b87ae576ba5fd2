// Unit tests of the live checking: one engine session per document, incremental edits, settings and config.
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { lint } from '../../shared-rules/src/index';
import { LintSession } from '../../shared-rules/src/session/session';
import { toTextChange } from '../../extension/src/document-linter';
import { buildInSlices } from '../../editor-common/sliced-build';
import { codes, path, start, waitFor, withWorkspace } from './support';
import * as vscode from './unit/fake-vscode';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
const rangeKey = (code: string, r: Range) =>
  `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** What the diagnostics should be for a document: the engine's findings on its current text, as ranges. */
function expected(doc: vscode.FakeDocument, format: 'plaintext' | 'markdown' | 'html' = 'plaintext') {
  return lint(doc.getText(), { format }).map((f) =>
    rangeKey(f.ruleId, { start: doc.positionAt(f.start), end: doc.positionAt(f.end) }),
  );
}
function actual(live: vscode.FakeDiagnosticCollection, doc: vscode.FakeDocument) {
  return (live.get(doc.uri) ?? []).map((d) => rangeKey((d.code as { value: string }).value, d.range));
}

describe('extension: live checking of open documents', () => {
  let run: ReturnType<typeof start>;
  afterEach(() => run?.stop());

  it('checks documents already open and newly opened ones, in the configured languages only', async () => {
    withWorkspace();
    const early = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch.');
    run = start();
    const md = vscode.openDocument(path('b.md'), 'markdown', '# Note\n\nHe is an addict.\n\n```\nrefused\n```\n');
    const ts = vscode.openDocument(path('c.ts'), 'typescript', '// refused');
    const untitled = vscode.openDocument('Untitled-1', 'plaintext', 'Noncompliant with meds.', 'untitled');
    await waitFor(() => codes(run.live, early) && codes(run.live, md) && codes(run.live, untitled), 'diagnostics');
    assert.deepEqual(codes(run.live, early), ['refused']);
    assert.deepEqual(codes(run.live, md), ['addict']);
    assert.deepEqual(codes(run.live, untitled), ['non-compliant-with-medication']);
    assert.equal(run.live.get(ts.uri), undefined);
    assert.equal(run.linter.isTracked(ts.uri as never), false);
  });

  it('applies edits incrementally (several changes per event, in order) and ends equal to linting the new text', async () => {
    withWorkspace();
    run = start();
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'Care plan:\n\nShe was calm.\n\nHe refused food.\n');
    await waitFor(() => codes(run.live, doc), 'first lint');
    // One event with two changes, the second in the coordinates left by the first (as VS Code reports multi-cursor edits).
    vscode.fireChange(doc, [
      { offset: 25, length: 0, text: ' and manipulative' },
      { offset: 0, length: 0, text: 'Her cousin committed suicide.\n\n' },
    ]);
    vscode.fireChange(doc, [{ offset: doc.getText().indexOf('refused'), length: 7, text: 'declined' }]);
    await waitFor(() => run.live.get(doc.uri)?.length === 2 && true, 'diagnostics after the edits');
    assert.deepEqual(actual(run.live, doc), expected(doc));
    assert.deepEqual(codes(run.live, doc), ['committed-suicide', 'manipulative']);
  });

  it("translates contentChanges to the engine's TextChange: a session fed them tracks the text exactly", () => {
    const doc = new vscode.FakeDocument(
      vscode.Uri.file('/w/a.txt'),
      'plaintext',
      'She was calm.\r\n\r\nHe refused food.\n',
    );
    const session = new LintSession(doc.getText());
    const edits = [
      [{ offset: 8, length: 4, text: 'manipulative' }],
      [
        { offset: 0, length: 0, text: 'Care plan:\n' },
        { offset: 11, length: 3, text: 'Her cousin committed suicide. She' },
      ],
      [{ offset: doc.getText().length - 5, length: 5, text: '' }],
    ];
    for (const changes of edits) {
      const events = doc.applyChanges(changes);
      session.update(events.map((e) => toTextChange(e as never)));
      assert.equal(session.text, doc.getText());
      assert.deepEqual(session.findings(), lint(doc.getText()));
    }
  });

  it('debounces: a burst of keystrokes is checked once, after typing pauses', async () => {
    withWorkspace();
    run = start(40);
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'Text.\n');
    await waitFor(() => run.live.get(doc.uri), 'first lint');
    let publishes = 0;
    const listener = vscode.state.events.diagnostics.event(() => publishes++);
    for (const ch of ' He refused.')
      vscode.fireChange(doc, [{ offset: doc.getText().length - 1, length: 0, text: ch }]);
    assert.equal(publishes, 0, 'nothing published while typing');
    await waitFor(() => codes(run.live, doc)?.length === 1, 'the finding');
    assert.equal(publishes, 1);
    listener.dispose();
  });

  it('hovers and code actions right after a keystroke see the current text (pending edits are applied first)', async () => {
    withWorkspace();
    run = start(10_000);
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'Calm.\n');
    await waitFor(() => run.live.get(doc.uri), 'first lint');
    vscode.fireChange(doc, [{ offset: 5, length: 0, text: ' She refused.' }]);
    assert.deepEqual(
      run.linter.current(doc as never)?.map((f) => f.ruleId),
      ['refused'],
    );
  });

  it('a hover or code action asked for mid-rebuild (settings just changed, then a keystroke) waits for the findings', async () => {
    withWorkspace();
    run = start(10_000);
    // Large enough that the rebuild is built in slices, with pauses in which the request arrives.
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'Calm.\n'.repeat(50_000));
    await waitFor(() => run.live.get(doc.uri), 'first lint');
    vscode.changeSettings({ 'carelint.categories': { 'police-involvement': false } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    vscode.fireChange(doc, [{ offset: 5, length: 0, text: ' She refused.' }]);
    assert.equal(
      run.linter.current(doc as never),
      undefined,
      'the old findings are for older text, so none are ready yet',
    );
    assert.deepEqual(
      (await run.linter.settled(doc as never))?.map((f) => f.ruleId),
      ['refused'],
    );
  });

  it('Markdown and HTML documents: edits re-mask the document, results equal linting the new text', async () => {
    withWorkspace();
    run = start();
    const doc = vscode.openDocument(path('t.html'), 'html', '<p>Plan</p>\n<p>She is calm.</p>\n');
    await waitFor(() => run.live.get(doc.uri), 'first lint');
    vscode.fireChange(doc, [
      {
        offset: doc.getText().indexOf('calm'),
        length: 4,
        text: 'an <b>addict</b> and <!-- refused --> noncompliant with meds',
      },
    ]);
    await waitFor(() => run.live.get(doc.uri)?.length === 2 && true, 'diagnostics');
    assert.deepEqual(actual(run.live, doc), expected(doc, 'html'));
  });

  it('closing a document clears its diagnostics and forgets its session', async () => {
    withWorkspace();
    run = start();
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch.');
    await waitFor(() => codes(run.live, doc), 'diagnostics');
    vscode.closeDocument(doc);
    assert.equal(run.live.get(doc.uri), undefined);
    assert.equal(run.linter.isTracked(doc.uri as never), false);
  });

  it('settings changes re-check open documents: categories, enable, languages', async () => {
    withWorkspace();
    run = start();
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch and was manipulative.');
    const md = vscode.openDocument(path('a.md'), 'markdown', 'She refused lunch.');
    await waitFor(() => codes(run.live, doc)?.length === 2 && codes(run.live, md), 'diagnostics');
    vscode.changeSettings({ 'carelint.categories': { 'stigmatizing-language': false } });
    await waitFor(() => codes(run.live, doc)?.join() === 'manipulative', 'category off');
    vscode.changeSettings({ 'carelint.languages': ['plaintext'] });
    assert.equal(run.live.get(md.uri), undefined, 'markdown no longer checked');
    vscode.changeSettings({ 'carelint.enable': false });
    assert.equal(run.live.get(doc.uri), undefined, 'disabled');
    vscode.changeSettings({ 'carelint.enable': true, 'carelint.categories': {} });
    await waitFor(() => codes(run.live, doc)?.length === 2, 'back on');
  });

  it('uses the nearest .carelintrc.json upward and re-checks when it changes', async () => {
    withWorkspace({
      '.carelintrc.json': '{ "rules": { "refused": false } }',
      'team/.carelintrc.json': '{ "severity": { "refused": "error" } }',
    });
    run = start();
    const top = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch.');
    const deep = vscode.openDocument(path('team/notes/b.txt'), 'plaintext', 'She refused lunch.');
    await waitFor(() => run.live.get(top.uri) && run.live.get(deep.uri), 'diagnostics');
    assert.deepEqual(codes(run.live, top), []);
    assert.deepEqual(
      run.live.get(deep.uri)?.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Error],
    );
    const config = vscode.Uri.joinPath(vscode.Uri.file(path('.carelintrc.json')));
    vscode.state.files.set(config.toString(), new TextEncoder().encode('{}'));
    vscode.state.events.watcherChange.fire(config);
    await waitFor(() => codes(run.live, top)?.length === 1, 'refused back on');
  });

  it("untitled documents use the first workspace folder's config; files outside the workspace search upward from their own folder", async () => {
    withWorkspace({ '.carelintrc.json': '{ "rules": { "refused": false } }' });
    vscode.state.files.set(
      vscode.Uri.file('/elsewhere/.carelintrc.json').toString(),
      new TextEncoder().encode('{ "rules": { "claims": false } }'),
    );
    run = start();
    const untitled = vscode.openDocument('Untitled-1', 'plaintext', 'She refused. He claims it.', 'untitled');
    const outside = vscode.openDocument('/elsewhere/deep/a.txt', 'plaintext', 'She refused. He claims it.');
    await waitFor(() => run.live.get(untitled.uri) && run.live.get(outside.uri), 'diagnostics');
    assert.deepEqual(codes(run.live, untitled), ['claims']);
    assert.deepEqual(codes(run.live, outside), ['refused']);
  });

  it('a broken config: problems at file:line:column as diagnostics and one warning; the built-in rules keep working', async () => {
    withWorkspace({
      '.carelintrc.json': '{\n  "rules": { "refussed": false },\n  "categories": { "stigma": true }\n}',
    });
    run = start();
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch.');
    await waitFor(() => codes(run.live, doc)?.length === 1, 'the built-in rule still reports');
    const problems = run.problems.get(vscode.Uri.file(path('.carelintrc.json')))!;
    assert.deepEqual(
      problems.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [1, 13],
        [2, 18],
      ],
    );
    assert.match(problems[0].message, /unknown rule id 'refussed'.*Did you mean 'refused'\?/);
    assert.equal(vscode.state.warnings.length, 1);
    assert.match(
      vscode.state.warnings[0].message,
      /^CareLint: \.carelintrc\.json:2:14: unknown rule id 'refussed'.*\(and 1 more problem\)/,
    );
    // Re-checking (a settings change) does not repeat the notification.
    vscode.changeSettings({ 'carelint.locale': 'en-US' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(vscode.state.warnings.length, 1);
  });
});

describe('extension: first lint of a large document in slices', () => {
  const paragraph =
    'Care plan:\nShe refused her tablets and staff said she was attention seeking. Police to attend if she calls.\n\n';

  it('gives exactly the engine findings, pausing between slices', async () => {
    const text = paragraph.repeat(400) + 'Tail: he is an addict';
    let pauses = 0;
    const session = await buildInSlices(
      text,
      {},
      async () => void pauses++,
      () => false,
      4096,
    );
    assert.ok(session);
    assert.ok(pauses >= text.length / 4096 - 1, `paused ${pauses} times`);
    assert.equal(session.text, text);
    assert.deepEqual(session.findings(), lint(text));
  });

  it('cuts mid-paragraph and mid-line when there is no break, still exact', async () => {
    const text = 'x '.repeat(3000) + 'she refused ' + 'y '.repeat(3000);
    const session = await buildInSlices(
      text,
      {},
      async () => undefined,
      () => false,
      1000,
    );
    assert.deepEqual(session?.findings(), lint(text));
  });

  it('gives up when cancelled (a newer edit or setting started another build)', async () => {
    let n = 0;
    const session = await buildInSlices(
      paragraph.repeat(100),
      {},
      async () => undefined,
      () => ++n > 2,
      512,
    );
    assert.equal(session, undefined);
  });
});
