// Unit tests of the status bar count, "CareLint: Check workspace" and rule explanations.
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { builtinRuleSet } from '../../shared-rules/src/index';
import { checkWorkspace, workspaceGlob } from '../../extension/src/check-workspace';
import { explanationText, RuleExplanations } from '../../extension/src/explanation';
import { FindingCount } from '../../extension/src/status-bar';
import { codes, path, start, waitFor, withWorkspace } from './support';
import * as vscode from './unit/fake-vscode';

describe('extension: status bar', () => {
  it('shows the count of the active file, hides for files CareLint does not check, opens the Problems view', async () => {
    withWorkspace();
    const run = start();
    const count = new FindingCount(run.live as never, run.linter);
    const item = vscode.state.statusItems[0];
    assert.equal(item.command, 'workbench.actions.view.problems');
    assert.equal(item.visible, false);
    const doc = vscode.openDocument(path('a.txt'), 'plaintext', 'She refused lunch and was manipulative.');
    await vscode.window.showTextDocument(doc);
    vscode.state.events.activeEditor.fire(vscode.state.activeTextEditor);
    await waitFor(() => codes(run.live, doc)?.length === 2, 'diagnostics');
    assert.equal(item.visible, true);
    assert.equal(item.text, '$(error) CareLint: 2', 'manipulative is an error');
    vscode.fireChange(doc, [{ offset: 0, length: doc.getText().length, text: 'Calm.' }]);
    await waitFor(() => item.text === '$(check) CareLint', 'the count follows edits');
    const ts = vscode.openDocument(path('a.ts'), 'typescript', 'refused');
    await vscode.window.showTextDocument(ts);
    vscode.state.events.activeEditor.fire(vscode.state.activeTextEditor);
    assert.equal(item.visible, false);
    count.dispose();
    run.stop();
  });
});

describe('extension: Check workspace', () => {
  it('searches the file extensions of the checked languages', () => {
    assert.equal(
      workspaceGlob(['plaintext', 'markdown', 'html', 'handlebars', 'jinja']),
      '**/*.{txt,text,md,markdown,html,htm,hbs,handlebars,j2,jinja,jinja2}',
    );
    assert.equal(workspaceGlob(['markdown', 'yaml']), '**/*.{md,markdown}');
    assert.equal(workspaceGlob(['yaml']), undefined);
  });

  it('lints every found file with its own config into a separate collection, skipping open documents, then opens Problems', async () => {
    withWorkspace({
      'a.txt': 'She refused lunch.',
      'notes/b.md': '# Note\n\nHe is an addict.\n\n`refused`\n',
      'team/c.txt': 'She refused lunch.',
      'team/.carelintrc.json': '{ "rules": { "refused": false } }',
    });
    const run = start();
    const open = vscode.openDocument(path('notes/b.md'), 'markdown', '# Note\n\nHe is an addict. She refused.\n');
    await waitFor(() => codes(run.live, open), 'the open document');
    const results = vscode.languages.createDiagnosticCollection('carelint-workspace');
    vscode.state.files.set(vscode.Uri.file(path('notes/big.txt')).toString(), new Uint8Array(11 * 1024 * 1024));
    const summary = await checkWorkspace(run.configs, run.linter, results as never);
    assert.deepEqual(summary, { files: 4, findings: 3, cancelled: false });
    const got = (p: string) =>
      results
        .get(vscode.Uri.file(path(p)))
        ?.map((d) => `${(d.code as { value: string }).value}@${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(got('a.txt'), ['refused@0:4']);
    assert.equal(got('team/c.txt'), undefined, 'its config turns the rule off');
    assert.equal(got('notes/b.md'), undefined, 'open documents keep their live diagnostics');
    assert.deepEqual(vscode.state.infos, ['CareLint: 3 findings in 4 files.']);
    assert.ok(vscode.state.executed.some((e) => e.command === 'workbench.actions.view.problems'));
    run.stop();
  });

  it('stops when cancelled', async () => {
    withWorkspace({ 'a.txt': 'She refused lunch.', 'b.txt': 'She refused lunch.' });
    const run = start();
    vscode.progressToken.isCancellationRequested = true;
    try {
      const summary = await checkWorkspace(
        run.configs,
        run.linter,
        vscode.languages.createDiagnosticCollection('w') as never,
      );
      assert.deepEqual(summary, { files: 0, findings: 0, cancelled: true });
      assert.deepEqual(vscode.state.infos, ['CareLint: 0 findings in 0 files (cancelled).']);
    } finally {
      vscode.progressToken.isCancellationRequested = false;
      run.stop();
    }
  });

  it('asks for a folder when none is open', async () => {
    vscode.reset();
    const run = start();
    assert.deepEqual(
      await checkWorkspace(run.configs, run.linter, vscode.languages.createDiagnosticCollection('w') as never),
      { files: 0, findings: 0, cancelled: false },
    );
    assert.deepEqual(vscode.state.infos, ['CareLint: open a folder to check a workspace.']);
    run.stop();
  });
});

describe('extension: rule explanations', () => {
  it('plain text with the rule, rationale, rewrites, examples and sources', () => {
    const rs = builtinRuleSet();
    const text = explanationText(rs.byId('committed-suicide')!, rs.compiledById('committed-suicide')!.sources);
    assert.match(
      text,
      /^CareLint rule: committed-suicide {2}\(stigmatizing-language: Stigmatising language; warning: Review\)\n/,
    );
    assert.match(text, /\nInstead:\n {2}- die by suicide\n/);
    assert.match(text, /\nSources:\n {2}- \S/);
    assert.ok(!text.includes('~'));
  });

  it('the virtual document serves built-in and custom rules, and says so for an unknown id', async () => {
    const rs = builtinRuleSet();
    const provider = new RuleExplanations(async () => [rs]);
    assert.match(
      await provider.provideTextDocumentContent(vscode.Uri.parse('carelint-rule:/refused') as never),
      /^CareLint rule: refused/,
    );
    assert.equal(
      await provider.provideTextDocumentContent(vscode.Uri.parse('carelint-rule:/nope') as never),
      "CareLint has no rule 'nope'.\n",
    );
  });
});
