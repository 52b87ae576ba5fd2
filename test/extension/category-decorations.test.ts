// Category colours in VS Code: each finding underlined in its category's colour and line style (the palette the demo
// and Word pane use), beside the severity squiggle, following edits, and removed by carelint.categoryColors: false.
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { CATEGORY_ORDER, lint, type Category } from '../../shared-rules/src/index';
import { CATEGORY_PALETTE } from '../../editor-common/category-palette';
import { CategoryDecorations } from '../../extension/src/category-decorations';
import { codes, path, start, waitFor, withWorkspace } from './support';
import * as vscode from './unit/fake-vscode';

/** One finding of each category (checked below, so a rule change cannot quietly shrink the test). */
const NOTE =
  'A police officer will attend every review.\nShe refused lunch and was manipulative.\nA behavioural contract will be signed.\n';

type Drawn = Partial<Record<Category, string[]>>;

/** What an editor shows, per category, as "text@line:col". */
function drawn(editor: vscode.FakeEditor): Drawn {
  const out: Drawn = {};
  for (const [type, ranges] of editor.decorations) {
    const category = CATEGORY_ORDER.find((c) => type.options.overviewRulerColor === CATEGORY_PALETTE[c].color);
    assert.ok(category, `a decoration type in no category's colour: ${JSON.stringify(type.options)}`);
    const doc = editor.document;
    const shown = ranges.map(
      (r) => `${doc.getText().slice(doc.offsetAt(r.start), doc.offsetAt(r.end))}@${r.start.line}:${r.start.character}`,
    );
    if (shown.length) out[category] = shown;
  }
  return out;
}

/** What the engine says should be drawn for the document's current text. */
function expected(doc: vscode.FakeDocument): Drawn {
  const out: Drawn = {};
  for (const f of lint(doc.getText())) {
    const p = doc.positionAt(f.start);
    (out[f.category] ??= []).push(`${f.text}@${p.line}:${p.character}`);
  }
  return out;
}

/** Equal whatever the order the categories were drawn in. */
const canonical = (d: Drawn) => JSON.stringify(CATEGORY_ORDER.map((c) => d[c] ?? []));
const same = (a: Drawn, b: Drawn) => canonical(a) === canonical(b);

describe('extension: category colours (decorations beside the severity diagnostics)', () => {
  let run: ReturnType<typeof start>;
  let decorations: CategoryDecorations | undefined;
  afterEach(() => {
    decorations?.dispose();
    run?.stop();
  });

  it("one decoration type per category, drawn with the palette's colour, line style and tint", () => {
    withWorkspace();
    run = start();
    decorations = new CategoryDecorations(run.linter);
    assert.equal(vscode.state.decorationTypes.length, 4);
    for (const [i, category] of CATEGORY_ORDER.entries()) {
      const { options } = vscode.state.decorationTypes[i];
      const look = CATEGORY_PALETTE[category];
      assert.equal(options.overviewRulerColor, look.color, category);
      assert.match(options.textDecoration, new RegExp(`^underline ${look.line} ${look.color}\\b`), category);
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(look.color.slice(at, at + 2), 16));
      assert.equal(options.backgroundColor, `rgba(${r}, ${g}, ${b}, ${look.tintAlpha})`, category);
    }
    assert.match(vscode.state.decorationTypes[1].options.textDecoration, / 3px$/, 'punitive: the thick line');
  });

  it('underlines each finding of a shown document in its category, and follows edits', async () => {
    withWorkspace();
    run = start();
    decorations = new CategoryDecorations(run.linter);
    const doc = vscode.openDocument(path('note.txt'), 'plaintext', NOTE);
    await waitFor(() => codes(run.live, doc)?.length, 'diagnostics');
    const [editor] = vscode.showEditors(doc);
    assert.deepEqual(Object.keys(expected(doc)).sort(), [...CATEGORY_ORDER].sort(), 'the note has all four');
    assert.deepEqual(drawn(editor), expected(doc));
    // The severity diagnostics stay: one per finding.
    assert.equal(codes(run.live, doc)?.length, lint(NOTE).length);

    const at = doc.getText().indexOf('refused');
    vscode.fireChange(doc, [{ offset: at, length: 'refused'.length, text: 'declined' }]);
    await waitFor(() => same(drawn(editor), expected(doc)), 'decorations after the edit');
    assert.equal(drawn(editor)['stigmatizing-language'], undefined, 'the rewritten word is no longer underlined');
    assert.deepEqual(drawn(editor)['discriminatory-attitude'], ['manipulative@1:27']);
  });

  it('carelint.categoryColors: false removes every underline; true draws them again', async () => {
    withWorkspace();
    run = start();
    const doc = vscode.openDocument(path('note.txt'), 'plaintext', NOTE);
    await waitFor(() => codes(run.live, doc)?.length, 'diagnostics');
    const [editor] = vscode.showEditors(doc);
    decorations = new CategoryDecorations(run.linter);
    assert.deepEqual(drawn(editor), expected(doc), 'drawn at start-up for editors already shown');

    vscode.changeSettings({ 'carelint.categoryColors': false });
    assert.deepEqual(drawn(editor), {});
    assert.equal(editor.decorations.size, 4, 'every category cleared, not just left alone');
    assert.equal(codes(run.live, doc)?.length, lint(NOTE).length, 'the diagnostics are not affected');
    // Edits while off draw nothing either.
    vscode.fireChange(doc, [{ offset: 0, length: 0, text: 'Sam refused tea.\n' }]);
    await waitFor(() => codes(run.live, doc)?.length === lint(doc.getText()).length, 'diagnostics after the edit');
    assert.deepEqual(drawn(editor), {});

    vscode.changeSettings({ 'carelint.categoryColors': true });
    assert.deepEqual(drawn(editor), expected(doc));
  });

  it('draws nothing in documents CareLint does not check', async () => {
    withWorkspace();
    run = start();
    decorations = new CategoryDecorations(run.linter);
    const code = vscode.openDocument(path('a.ts'), 'typescript', '// She refused lunch.\n');
    const [editor] = vscode.showEditors(code);
    assert.deepEqual(drawn(editor), {});
  });
});
