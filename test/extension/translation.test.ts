// Unit tests of the VS Code translation layer: findings → diagnostics, hover Markdown, formats, settings.
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { lint } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/types';
import { explainUri, positionsIn, toDiagnostic, toDiagnostics } from '../../extension/src/diagnostics';
import { formatFor, isCheckedScheme } from '../../editor-common/format';
import { hoverMarkdown } from '../../extension/src/hover';
import { markdownText } from '../../editor-common/markdown-text';
import { mergeOptions, readSettings } from '../../extension/src/settings';
import * as vscode from './unit/fake-vscode';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'refused',
  category: 'stigmatizing-language',
  severity: 'warning',
  start: 4,
  end: 11,
  text: 'refused',
  message: 'm',
  rationale: 'r',
  sources: [],
  suggestions: ['declined'],
  suggestionKinds: ['rewrite'],
  guidance: [],
  ...over,
});

describe('extension: findings → diagnostics', () => {
  beforeEach(() => vscode.reset());

  it('maps range, message, severity, source and a rule code that links to the explanation', () => {
    const doc = new vscode.FakeDocument(vscode.Uri.file('/w/a.txt'), 'plaintext', 'Line one.\nShe refused it.\n');
    const [f] = lint(doc.getText());
    const d = toDiagnostic(f, (o) => doc.positionAt(o) as never) as unknown as vscode.Diagnostic;
    assert.deepEqual(
      [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
      [1, 4, 1, 11],
    );
    // The severity in the domain's words, as the hover and the other hosts name it, then the engine's message.
    assert.equal(d.message, `Review: ${f.message}`);
    assert.equal(d.source, 'CareLint');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'refused');
    assert.equal(code.target.scheme, 'carelint-rule');
    assert.equal(code.target.path, '/refused');
  });

  it('maps every engine severity to the VS Code one', () => {
    const pos = positionsIn('x'.repeat(20));
    const sev = (severity: Finding['severity']) =>
      (toDiagnostic(finding({ severity }), pos) as unknown as vscode.Diagnostic).severity;
    assert.deepEqual(
      [sev('error'), sev('warning'), sev('information')],
      [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information],
    );
    const message = (severity: Finding['severity']) =>
      (toDiagnostic(finding({ severity }), pos) as unknown as vscode.Diagnostic).message;
    assert.deepEqual(
      [message('error'), message('warning'), message('information')],
      ['Change needed: m', 'Review: m', 'Consider: m'],
    );
  });

  it('positionsIn agrees with the editor on \\n, \\r\\n and lone \\r line ends', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const doc = new vscode.FakeDocument(vscode.Uri.file('/w/b.txt'), 'plaintext', text);
    const at = positionsIn(text);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // inside a \r\n: not a position an engine offset can have
      assert.deepEqual(at(o), doc.positionAt(o), `offset ${o}`);
    }
  });

  it('one diagnostic per finding, in order', () => {
    const text = 'He refused food.\n\nShe committed suicide.';
    const ds = toDiagnostics(lint(text), positionsIn(text)) as unknown as vscode.Diagnostic[];
    assert.deepEqual(
      ds.map((d) => (d.code as { value: string }).value),
      ['refused', 'committed-suicide'],
    );
    assert.equal(explainUri('x-y').toString(), 'carelint-rule:/x-y');
  });
});

describe('extension: hover Markdown is untrusted and shows all text as text', () => {
  const evil =
    'Say <img src=x onerror=alert(1)> and [click](https://example.com/a) **now** `code` <script>x</script> &amp; www.example.com';

  it('escapes every Markdown and HTML character', () => {
    const out = markdownText(evil);
    // Removing the escapes gives the text back: nothing was dropped or rewritten.
    assert.equal(out.replace(/\\([!-/:-@[-`{-~])/g, '$1'), evil);
    // No punctuation is left unescaped, so no tag, link, emphasis, entity or autolink can form.
    assert.equal(out.replace(/\\[!-/:-@[-`{-~]/g, '').match(/[!-/:-@[-`{-~]/g), null);
  });

  it('keeps line breaks as breaks and removes the indentation that would start a code block', () => {
    assert.equal(markdownText('a\n    b'), 'a  \nb');
  });

  it('builds the hover from the finding: message, rule, rationale, rewrites, guidance and sources; not trusted, no HTML', () => {
    const md = hoverMarkdown(
      finding({
        message: evil,
        rationale: 'Why <b>',
        suggestions: ['declined', 'a [slot]'],
        suggestionKinds: ['rewrite', 'prompt'],
        guidance: ['Plan <i>care</i>'],
        sources: [{ id: 'S', title: 'NHS England letter', url: 'https://example.org/x' }],
      }),
    ) as unknown as vscode.MarkdownString;
    assert.equal(md.isTrusted, false);
    assert.equal(md.supportHtml, false);
    assert.ok(md.value.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'));
    assert.ok(md.value.includes('Why \\<b\\>'));
    assert.ok(md.value.includes('Instead: "declined"'), md.value);
    assert.ok(!md.value.includes('slot'), 'a prompt is a quick fix to choose, not advice in the hover');
    assert.ok(md.value.includes('Change the plan: Plan \\<i\\>care\\<\\/i\\>'), md.value);
    assert.ok(md.value.includes('NHS England letter \\(https\\:\\/\\/example\\.org\\/x\\)'));
    assert.ok(!/<img|<script|<b>|\]\(/.test(md.value.replace(/\\./g, '')));
  });
});

describe('extension: languages and formats', () => {
  it('reads each language in the engine format that fits', () => {
    assert.equal(formatFor('plaintext'), 'plaintext');
    assert.equal(formatFor('markdown'), 'markdown');
    assert.equal(formatFor('html'), 'html');
    assert.equal(formatFor('handlebars', '/t/letter.hbs'), 'html');
    assert.equal(formatFor('jinja', '/t/letter.html.j2'), 'html');
    assert.equal(formatFor('jinja', '/t/letter.md.j2'), 'markdown');
    assert.equal(formatFor('jinja', '/t/letter.txt.jinja'), 'plaintext');
    assert.equal(formatFor('jinja', '/t/letter.jinja'), 'html');
    assert.equal(formatFor('yaml'), 'plaintext');
  });

  it("skips documents that are not the user's writing", () => {
    assert.equal(isCheckedScheme('file'), true);
    assert.equal(isCheckedScheme('untitled'), true);
    assert.equal(isCheckedScheme('vscode-vfs'), true);
    assert.equal(isCheckedScheme('carelint-rule'), false);
    assert.equal(isCheckedScheme('output'), false);
  });
});

describe('extension: settings', () => {
  beforeEach(() => vscode.reset());

  it('reads the defaults and drops values of the wrong shape', () => {
    assert.deepEqual(readSettings(), {
      enable: true,
      languages: ['plaintext', 'markdown', 'html', 'handlebars', 'jinja'],
      categories: {},
      severity: {},
      locale: 'en-GB',
    });
    Object.assign(vscode.state.settings, {
      'carelint.enable': false,
      'carelint.languages': ['markdown', 3],
      'carelint.locale': 'fr',
      'carelint.categories': { 'police-involvement': false, 'not-a-category': false, 'punitive-approach': 'no' },
      'carelint.severity': { refused: 'information', claims: 'fatal' },
    });
    assert.deepEqual(readSettings(), {
      enable: false,
      languages: ['markdown'],
      categories: { 'police-involvement': false },
      severity: { refused: 'information' },
      locale: 'en-GB',
    });
  });

  it('the project file wins over settings for the same key; the rest of both applies', () => {
    const merged = mergeOptions(
      {
        enable: true,
        languages: [],
        categories: { 'police-involvement': false, 'punitive-approach': false },
        severity: { refused: 'error', claims: 'information' },
        locale: 'en-US',
      },
      { categories: { 'punitive-approach': true }, severity: { refused: 'warning' }, rules: { denies: true } },
    );
    assert.deepEqual(merged, {
      categories: { 'police-involvement': false, 'punitive-approach': true },
      severity: { refused: 'warning', claims: 'information' },
      rules: { denies: true },
      locale: 'en-US',
    });
  });

  it('merged settings change what the engine reports', () => {
    const text = 'She refused lunch and was manipulative.';
    const off = mergeOptions(
      {
        enable: true,
        languages: [],
        categories: { 'stigmatizing-language': false },
        severity: { manipulative: 'information' },
        locale: 'en-GB',
      },
      {},
    );
    const found = lint(text, off);
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity]),
      [['manipulative', 'information']],
    );
  });
});
