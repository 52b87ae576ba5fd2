// The demo's edit tracking: one TextChange per pause in typing feeds the engine's LintSession, and underlines are
// shifted across edits until the re-lint lands.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, LintSession } from '../../shared-rules/src/index';
import { shiftFindings, textChange } from '../../addin/src/demo/diff';

describe('demo edit tracking', () => {
  it('textChange turns the old text into the new one, and a session fed with it matches a full lint', () => {
    const words = fc.constantFrom(
      'She ',
      'was ',
      'noncompliant ',
      'with ',
      'manipulative',
      '.',
      '\n',
      'an ',
      'addict ',
      'x',
    );
    const text = fc.array(words, { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const change = textChange(before, after);
        if (before === after) return change === null;
        assert.ok(change);
        assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), after);
        const session = new LintSession(before);
        session.update(change);
        assert.deepEqual(session.findings(), lint(after));
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('with a hint (the selection where the edit began), right or wrong, still finds an edit that gives the new text', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', 'noncompliant ');
    const text = fc.array(chars, { maxLength: 700 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (before, after, a, b) => {
        const near = { start: Math.min(a, b) % (before.length + 1), end: Math.max(a, b) % (before.length + 1) };
        const change = textChange(before, after, {
          start: Math.min(near.start, near.end),
          end: Math.max(near.start, near.end),
        });
        if (before === after) return change === null;
        assert.ok(change && change.start <= change.end);
        assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), after);
        return true;
      }),
      { numRuns: 500 },
    );
    // edits where the hint is right: the result is the edit itself or an equivalent smaller one
    const long = fc.array(chars, { minLength: 300, maxLength: 1500 }).map((w) => w.join(''));
    fc.assert(
      fc.property(
        long,
        fc.nat(),
        fc.nat({ max: 400 }),
        fc.array(chars, { maxLength: 5 }).map((w) => w.join('')),
        (before, at, removed, inserted) => {
          const start = at % (before.length + 1);
          const end = Math.min(before.length, start + removed);
          const after = before.slice(0, start) + inserted + before.slice(end);
          const change = textChange(before, after, { start, end });
          if (before === after) return change === null;
          assert.ok(change && change.start >= Math.max(0, start - 1000) && change.end <= end + 1000);
          assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), after);
          assert.ok(
            change.end - change.start <= end - start && change.text.length <= inserted.length,
            'no larger than the edit made',
          );
          return true;
        },
      ),
      { numRuns: 500 },
    );
    // a typical keystroke in the middle of a long note: the hint gives the same, smallest edit
    const note = 'x'.repeat(5000) + 'She was here.' + 'y'.repeat(5000);
    const typed = note.slice(0, 5004) + 'a' + note.slice(5004);
    assert.deepEqual(textChange(note, typed, { start: 5004, end: 5004 }), textChange(note, typed));
    assert.deepEqual(textChange(note, typed, { start: 5004, end: 5004 }), { start: 5004, end: 5004, text: 'a' });
  });

  it('keeps findings outside an edit on their words and drops the ones the edit touches', () => {
    const before = 'He was noncompliant with tablets. His uncle committed suicide.';
    const earlier = 'Today h' + before.slice(1);
    const shifted = shiftFindings(lint(before), textChange(before, earlier)!);
    assert.deepEqual(
      shifted.map((f) => earlier.slice(f.start, f.end)),
      ['noncompliant with', 'committed suicide'],
    );
    const touching = shiftFindings(lint(before), textChange(before, before.replace('noncompliant', 'noncompliance'))!);
    assert.deepEqual(
      touching.map((f) => f.text),
      ['committed suicide'],
    );
  });
});
