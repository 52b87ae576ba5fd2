// The extension through the vscode API, in VS Code for the Web's extension host (the `browser` bundle).
import * as vscode from 'vscode';
import { lint } from '../../../shared-rules/src/index';
import { equal, ok, waitFor } from './expect';
import { after, afterEach, before, describe, it } from './runner';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the test workspace is open');
  return folder.uri;
}

function file(path: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), path);
}

function careLint(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'CareLint')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

function code(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function ranges(ds: vscode.Diagnostic[]): number[][] {
  return ds.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function untitled(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }));
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ??
    []
  );
}

/** The diagnostics the engine's own findings for this text should become (a check of the translation). */
function expectedFor(doc: vscode.TextDocument): Array<[string, number[], vscode.DiagnosticSeverity]> {
  return lint(doc.getText(), {}).map((f) => {
    const s = doc.positionAt(f.start);
    const e = doc.positionAt(f.end);
    return [f.ruleId, [s.line, s.character, e.line, e.character], SEVERITY[f.severity]];
  });
}

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(file('.carelintrc.json'), new TextEncoder().encode(text));
}

describe('CareLint in VS Code for the Web (API level)', () => {
  let originalConfig = '';

  before(async () => {
    const ext = vscode.extensions.getExtension('carelint.carelint');
    ok(ext, 'the extension under development is installed');
    await ext.activate();
    originalConfig = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('.carelintrc.json')));
  });

  after(async () => {
    // Dirty untitled documents would hold up the browser's shutdown with a save prompt.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  afterEach(async () => {
    await writeConfig(originalConfig);
    await vscode.workspace
      .getConfiguration('carelint')
      .update('categories', undefined, vscode.ConfigurationTarget.Global);
  });

  it('underlines each finding: range, rule code with its explanation link, mapped severity, source', async () => {
    const { document } = await show(file('notes/ward-round.txt'));
    const ds = await waitFor(
      () => careLint(document.uri).length === 3 && careLint(document.uri),
      'three CareLint diagnostics',
    );
    equal(ds.map(code), ['refused', 'manipulative', 'committed-suicide'], 'rule codes');
    equal(
      ranges(ds),
      [
        [2, 11, 2, 18],
        [2, 73, 2, 85],
        [3, 11, 3, 28],
      ],
      'ranges',
    );
    equal(
      ds.map((d) => document.getText(d.range)),
      ['refused', 'manipulative', 'committed suicide'],
      'underlined text',
    );
    // committed-suicide is a warning by default; the fixture's .carelintrc.json raises it to error.
    equal(
      ds.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error],
      'severities',
    );
    for (const d of ds) {
      const target = typeof d.code === 'object' ? d.code.target : undefined;
      equal(target?.toString(), `carelint-rule:/${code(d)}`, 'code link');
      ok(d.message.length > 10, 'the engine message');
    }
  });

  it('reads Markdown as prose: fenced code is not checked', async () => {
    const { document } = await show(file('notes/discharge.md'));
    const ds = await waitFor(
      () => careLint(document.uri).length >= 2 && careLint(document.uri),
      'Markdown diagnostics',
    );
    equal(ds.map(code), ['addict', 'non-compliant'], 'only the prose is flagged');
    equal(
      ranges(ds),
      [
        [2, 7, 2, 16],
        [2, 25, 2, 42],
      ],
      'ranges (the article is part of the finding: "an addict" → "a person …")',
    );
  });

  it('the code link opens the rule explanation inside VS Code, as plain text', async () => {
    const explained = await vscode.workspace.openTextDocument(vscode.Uri.parse('carelint-rule:/refused'));
    ok(explained.getText().includes('CareLint rule: refused'), 'the explanation names the rule');
    ok(explained.getText().includes('Why:') && explained.getText().includes('Sources:'), 'rationale and sources');
    await vscode.commands.executeCommand('carelint.explainRule', 'committed-suicide');
    const editor = await waitFor(
      () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.scheme === 'carelint-rule' && e.document.uri.path === '/committed-suicide',
        ),
      'the explanation editor',
    );
    ok(editor.document.getText().includes('died by suicide'), 'the rewrites are listed');
  });

  it('offers one quick fix per rewrite (the best preferred), Ignore here and Allow in this workspace', async () => {
    const { document } = await show(file('notes/ward-round.txt'));
    const refused = await waitFor(
      () => careLint(document.uri).find((d) => code(d) === 'refused'),
      'the refused diagnostic',
    );
    // The file was open in an earlier test, and the config reset after each test re-checks it: VS Code may still be
    // re-opening it when we ask, and then asks again itself (it re-requests code actions on every cursor move).
    const actions = await waitFor(async () => {
      const list = await codeActions(document.uri, refused.range);
      return list.length > 0 && list;
    }, 'quick fixes for "refused"');
    const titles = actions.map((a) => a.title);
    equal(
      titles.slice(0, 4),
      [
        'Replace "refused" with "declined"',
        'Rewrite "refused" as "[describe what was offered and the reasons the person gave]" (fill in the bracketed part)',
        'Ignore "refused" here (refused)',
        'Allow "refused" in this workspace…',
      ],
      'quick fix titles',
    );
    equal(
      actions.slice(0, 4).map((a) => a.kind?.value),
      ['quickfix', 'quickfix', 'quickfix', 'quickfix'],
      'kinds',
    );
    equal(
      actions.slice(0, 4).map((a) => Boolean(a.isPreferred)),
      [true, false, false, false],
      'preferred',
    );
    equal(actions[3].command?.command, 'carelint.allowInWorkspace', 'allow runs the command that asks for a reason');
  });

  it('applies a quick fix as a WorkspaceEdit; the underline goes with the wording', async () => {
    const editor = await untitled('Mr Example refused the ward round.\n');
    const uri = editor.document.uri;
    const d = await waitFor(() => careLint(uri)[0], 'a diagnostic in the untitled document');
    const preferred = (await codeActions(uri, d.range)).find((a) => a.isPreferred);
    ok(preferred?.edit, 'a preferred fix with an edit');
    ok(await vscode.workspace.applyEdit(preferred.edit), 'the edit applies');
    equal(editor.document.getText(), 'Mr Example declined the ward round.\n', 'fixed text');
    await waitFor(() => careLint(uri).length === 0, 'no diagnostics after the fix');
    await vscode.commands.executeCommand('undo');
    equal(editor.document.getText(), 'Mr Example refused the ward round.\n', 'one undo reverts the fix');
    await waitFor(() => careLint(uri).length === 1, 'the diagnostic is back after undo');
  });

  it('a slot rewrite goes in as a snippet: the bracketed part is inserted for the writer to type over', async () => {
    const editor = await untitled('Mr Example refused the ward round.\n');
    const d = await waitFor(() => careLint(editor.document.uri)[0], 'a diagnostic');
    const slot = (await codeActions(editor.document.uri, d.range)).find((a) => a.title.startsWith('Rewrite'));
    ok(slot?.edit && (await vscode.workspace.applyEdit(slot.edit)), 'the snippet edit applies');
    equal(
      editor.document.getText(),
      'Mr Example [describe what was offered and the reasons the person gave] the ward round.\n',
      'text with the slot',
    );
    equal(
      editor.document.getText(editor.selection),
      '[describe what was offered and the reasons the person gave]',
      'the slot is selected',
    );
  });

  it('fixes every finding with source.fixAll.carelint (what editor.codeActionsOnSave runs)', async () => {
    const text = 'She refused lunch.\n\nHer uncle committed suicide.\nHe claims he slept well.\n';
    const editor = await untitled(text);
    const uri = editor.document.uri;
    await waitFor(() => careLint(uri).length === 3, 'three diagnostics');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActions(uri, whole, 'source.fixAll.carelint');
    equal(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all CareLint rewrites in this file', 'source.fixAll.carelint']],
      'the fix-all action',
    );
    ok(actions[0].edit && (await vscode.workspace.applyEdit(actions[0].edit)), 'fix-all applies');
    equal(
      editor.document.getText(),
      'She declined lunch.\n\nHer uncle died by suicide.\nHe reports he slept well.\n',
      'all fixed',
    );
    await waitFor(() => careLint(uri).length === 0, 'no diagnostics left');
  });

  it('"Ignore here" inserts carelint-disable-next-line in the file\'s comment syntax (Handlebars)', async () => {
    const { document } = await show(file('notes/template.hbs'));
    equal(document.languageId, 'handlebars', 'language');
    const seeking = await waitFor(
      () => careLint(document.uri).find((d) => document.getText(d.range) === 'attention seeking'),
      'the attention-seeking diagnostic',
    );
    await waitFor(
      () => careLint(document.uri).some((d) => code(d) === 'refused'),
      'refused after a placeholder is flagged too',
    );
    const ignore = (await codeActions(document.uri, seeking.range)).find((a) => a.title.startsWith('Ignore'));
    ok(ignore?.edit && (await vscode.workspace.applyEdit(ignore.edit)), 'the ignore edit applies');
    equal(document.lineAt(0).text, `{{!-- carelint-disable-next-line ${code(seeking)} --}}`, 'the directive line');
    await waitFor(() => !careLint(document.uri).some((d) => code(d) === code(seeking)), 'the ignored finding is gone');
    ok(
      careLint(document.uri).some((d) => code(d) === 'refused'),
      'other findings stay',
    );
    await vscode.commands.executeCommand('undo');
  });

  it('hover: rationale and sources as untrusted Markdown; rule text with HTML and links stays text', async () => {
    const editor = await untitled('He was sectioned off the ward yesterday.\n');
    const d = await waitFor(() => careLint(editor.document.uri)[0], 'the custom rule from .carelintrc.json');
    equal(code(d), 'team-sectioned-off', 'custom rule');
    equal(d.severity, vscode.DiagnosticSeverity.Information, 'information severity');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      d.range.start.translate(0, 2),
    );
    const mds = hovers
      .flatMap((h) => h.contents)
      .filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && c.value.includes('CareLint'));
    ok(mds.length === 1, 'one CareLint hover');
    const md = mds[0];
    ok(!md.isTrusted, 'not trusted');
    ok(!md.supportHtml, 'no HTML');
    ok(md.value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), `the img tag is escaped: ${md.value}`);
    ok(!/<img|<script|\]\(http/.test(md.value.replace(/\\./g, '')), 'no live tag or link');
    ok(md.value.includes('example\\.com\\/team\\-guide'), 'the source is shown as text');
  });

  it('follows typing incrementally: findings match the engine on the new text', async () => {
    const editor = await untitled('Care plan:\n\nShe was calm today.\n');
    await editor.edit((e) => e.insert(new vscode.Position(2, 18), ' but refused her tablets'));
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), '\nHe is an addict.\n'));
    const expected = expectedFor(editor.document);
    ok(expected.length === 2, 'the engine finds two');
    const ds = await waitFor(
      () => careLint(editor.document.uri).length === 2 && careLint(editor.document.uri),
      'two diagnostics after typing',
    );
    equal(
      ds.map((d) => [code(d), ranges([d])[0], d.severity]),
      expected,
      'diagnostics equal the engine findings',
    );
    await editor.edit((e) => e.delete(ds[0].range));
    await waitFor(() => careLint(editor.document.uri).length === 1, 'one diagnostic after deleting a word');
  });

  it('settings: turning a category off re-lints open documents', async () => {
    const { document } = await show(file('notes/ward-round.txt'));
    await waitFor(() => careLint(document.uri).length === 3, 'all findings');
    await vscode.workspace
      .getConfiguration('carelint')
      .update('categories', { 'stigmatizing-language': false }, vscode.ConfigurationTarget.Global);
    await waitFor(
      () => careLint(document.uri).map(code).join() === 'manipulative',
      'only the discriminatory-attitude finding',
    );
  });

  it('.carelintrc.json: a change silences a rule; a mistake is reported at its line and column', async () => {
    const { document } = await show(file('notes/ward-round.txt'));
    await waitFor(() => careLint(document.uri).some((d) => code(d) === 'refused'), 'refused flagged');
    await writeConfig('{ "rules": { "refused": false } }\n');
    await waitFor(
      () => careLint(document.uri).length === 2 && !careLint(document.uri).some((d) => code(d) === 'refused'),
      'refused silenced',
    );
    await writeConfig('{\n  "rules": { "refussed": false }\n}\n');
    const problem = await waitFor(
      () =>
        vscode.languages
          .getDiagnostics(file('.carelintrc.json'))
          .find((d) => d.message.includes("unknown rule id 'refussed'")),
      'the config problem',
    );
    equal([problem.range.start.line, problem.range.start.character], [1, 13], 'problem position');
    ok(problem.message.includes("Did you mean 'refused'?"), 'what to do');
    await waitFor(() => careLint(document.uri).length === 3, 'built-in rules keep working');
  });

  it('"Check workspace" lints files that are not open into the Problems view', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>(
      'carelint.checkWorkspace',
    );
    ok(summary && summary.files >= 4 && !summary.cancelled, `files checked: ${JSON.stringify(summary)}`);
    const ds = careLint(file('notes/unopened.txt'));
    equal(ds.map(code), ['drug-seeking'], 'the unopened file has its finding');
    equal(ranges(ds), [[2, 17, 2, 28]], 'range');
  });

  it('closing a document clears its findings', async () => {
    const editor = await untitled('She refused the call.\n');
    const uri = editor.document.uri;
    await waitFor(() => careLint(uri).length === 1, 'a diagnostic');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => careLint(uri).length === 0, 'no diagnostics after closing');
  });
});
