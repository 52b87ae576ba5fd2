// A keystroke re-lints the paragraph it lands in and no other: the paragraphs beside it are re-sliced (an edit
// may join or split paragraphs) but keep their results when they come back unchanged. Either way a session must
// equal lint(), including findings it materialised before the edit and shifts after it.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtinRules, lint, LintSession, resetWork, work, type TextFormat } from '../shared-rules/src/index';
import { applyEdit } from './support/edits';

const RUNS = Number(process.env.CARELINT_FUZZ_RUNS ?? 300);

describe('incremental sessions', () => {
  const flagged = 'He refused his medication and the police were called.';
  const calm = 'She slept well and ate breakfast with the other residents.';
  const paragraphs = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? flagged : `${calm} (${i})`));
  const doc = `History:\n${paragraphs.join('\n\n')}\n`;

  for (const format of ['plaintext', 'markdown'] as TextFormat[]) {
    it(`${format}: a keystroke inside a paragraph re-lints that paragraph only`, () => {
      const session = new LintSession(doc, { format });
      session.findings();
      let text = doc;
      const at = text.indexOf('slept', text.length / 2);
      const paragraph = text.lastIndexOf('\n\n', at);
      const own = text.indexOf('\n\n', at) - paragraph;
      for (const change of [
        { start: at, end: at, text: 'x' },
        { start: at, end: at + 1, text: '' },
      ]) {
        resetWork();
        session.update(change);
        text = text.slice(0, change.start) + change.text + text.slice(change.end);
        assert.ok(work.sessionLintedChars <= own + 1, `re-linted ${work.sessionLintedChars} characters`);
        assert.deepEqual(session.findings(), lint(text, { format }));
      }
    });
  }

  it('typing a blank line into a paragraph splits it, and deleting it joins them again, re-linting only those', () => {
    const session = new LintSession(doc);
    const at = doc.indexOf('police', doc.length / 2);
    resetWork();
    session.update({ start: at, end: at, text: '\n\n' });
    assert.ok(work.sessionLintedChars <= flagged.length + 4, `split re-linted ${work.sessionLintedChars}`);
    const split = doc.slice(0, at) + '\n\n' + doc.slice(at);
    assert.deepEqual(session.findings(), lint(split));
    session.update({ start: at, end: at + 2, text: '' });
    assert.deepEqual(session.findings(), lint(doc));
  });

  it('equals lint() after one-character edits to a document of paragraphs, findings read after some of them', function () {
    this.timeout(Math.max(120_000, RUNS * 400));
    const sentences = builtinRules()
      .flatMap((r) => [...r.examples.match.map((m) => (typeof m === 'string' ? m : m.text)), ...r.examples.noMatch])
      .slice(0, 400);
    const paragraph = fc
      .array(fc.oneof(fc.constantFrom(...sentences), fc.constantFrom('History:\n', 'Plan:\n', '# Risk\n')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((p) => p.join(' '));
    const docArb = fc.array(paragraph, { minLength: 2, maxLength: 10 }).map((ps) => ps.join('\n\n'));
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 1 }),
      insert: fc.constantFrom('', 'x', ' ', '\n', ':', 'carelint-disable-next-line\n'),
      read: fc.boolean(),
    });
    const format = fc.constantFrom<TextFormat>('plaintext', 'markdown');
    fc.assert(
      fc.property(docArb, fc.array(edit, { minLength: 1, maxLength: 12 }), format, (initial, edits, fmt) => {
        let text = initial;
        const session = new LintSession(text, { format: fmt });
        session.findings();
        for (const e of edits) {
          const edited = applyEdit(text, e);
          text = edited.text;
          session.update(edited.change);
          if (e.read) assert.deepEqual(session.findings(), lint(text, { format: fmt }));
        }
        assert.equal(session.text, text);
        assert.deepEqual(session.findings(), lint(text, { format: fmt }));
      }),
      { numRuns: RUNS },
    );
  });
});
