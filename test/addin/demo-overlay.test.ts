// The demo's underline layer redraws only the lines an edit or a re-lint changed: after any run of edits and
// re-lints it must show exactly what a layer drawn once, from scratch, shows for the same text and findings.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { type Finding, lint } from '../../shared-rules/src/index';
import { shiftFindings, textChange } from '../../addin/src/demo/diff';
import { MarkLayer } from '../../addin/src/demo/overlay';

function newLayer(): { layer: MarkLayer; root: HTMLElement; window: Window } {
  const window = new Window();
  const root = window.document.createElement('div') as unknown as HTMLElement;
  window.document.body.append(root as never);
  return { layer: new MarkLayer(root), root, window };
}

/** What the layer shows: each line's text, and each underline's offset in the note, words and category. */
function drawn(layer: MarkLayer, root: HTMLElement): { lines: string[]; marks: string[] } {
  const lines = [...root.querySelectorAll('.cl-line')];
  return {
    lines: lines.map((l) => l.textContent ?? ''),
    marks: lines.flatMap((l) =>
      [...l.querySelectorAll('mark')].map(
        (m) => `${layer.offsetOf(m)}:${m.textContent}:${(m as HTMLElement).dataset.category}`,
      ),
    ),
  };
}

const findingsOf = (text: string): Finding[] => lint(text, { format: 'plaintext' });

describe('demo underline layer', function () {
  this.timeout(120_000);
  it('after edits (underlines shifted or re-linted) shows what a layer drawn from scratch shows', () => {
    const words = fc.constantFrom(
      'She ',
      'was ',
      'noncompliant ',
      'with ',
      'meds',
      'manipulative',
      ' and attention seeking',
      '.',
      '\n',
      '\n\n',
      'a known ',
      'alcoholic ',
      'x',
    );
    const text = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(text, fc.boolean()), { minLength: 1, maxLength: 4 }), (first, edits) => {
        const { layer, root, window } = newLayer();
        let shown = findingsOf(first);
        let current = first;
        layer.render(current, shown);
        for (const [next, relint] of edits) {
          const change = textChange(current, next);
          // while typing the underlines are moved across the edit; a re-lint then replaces them
          shown = relint ? findingsOf(next) : change ? shiftFindings(shown, change) : shown;
          current = next;
          layer.render(current, shown);
        }
        const fresh = newLayer();
        fresh.layer.render(current, shown);
        assert.deepEqual(drawn(layer, root), drawn(fresh.layer, fresh.root));
        assert.equal(
          drawn(layer, root).lines.join(''),
          current === '' || current.endsWith('\n') ? `${current}\u200b` : current,
        );
        window.close();
        fresh.window.close();
      }),
      { numRuns: 100 },
    );
  });

  it('a keystroke in a long note rebuilds the line it is in, and keeps every other line element', async () => {
    const { layer, root, window } = newLayer();
    const note = Array.from({ length: 400 }, (_, i) => `Entry ${i}: he was noncompliant with the plan.`).join('\n');
    const shown = findingsOf(note);
    layer.render(note, shown);
    // a long note is drawn over several tasks
    while (layer.drawing) await new Promise((resolve) => setTimeout(resolve, 0));
    const before = [...root.querySelectorAll('.cl-line')];
    const at = note.indexOf('\n', note.length >> 1) + 1;
    const next = `${note.slice(0, at)}x${note.slice(at)}`;
    layer.render(next, shiftFindings(shown, { start: at, end: at, text: 'x' }));
    const after = [...root.querySelectorAll('.cl-line')];
    assert.equal(before.length, 400);
    assert.equal(after.length, before.length);
    const replaced = after.filter((el, i) => el !== before[i]);
    assert.equal(replaced.length, 1);
    assert.equal(replaced[0].textContent, next.slice(at, next.indexOf('\n', at) + 1));
    window.close();
  });
});
