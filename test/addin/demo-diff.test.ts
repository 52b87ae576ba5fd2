// The demo's edit tracking: one TextChange per pause in typing feeds the engine's LintSession, and underlines are
// shifted across edits until the re-lint lands.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, LintSession } from '../../shared-rules/src/index';
import { shiftFindings, textChange } from '../../addin/src/demo/diff';

describe('demo edit tracking', () => {
  it('textChange turns the old text into the new one, and a session fed with it matches a full lint', () => {
    const words = fc.constantFrom('She ', 'was ', 'noncompliant ', 'with ', 'manipulative', '.', '\n', 'an ', 'addict ', 'x');
    const text = fc.array(words, { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(fc.property(text, text, (before, after) => {
      const change = textChange(before, after);
      if (before === after) return change === null;
      assert.ok(change);
      assert.equal(before.slice(0, change.start) + change.text + before.slice(change.end), after);
      const session = new LintSession(before);
      session.update(change);
      assert.deepEqual(session.findings(), lint(after));
      return true;
    }), { numRuns: 300 });
  });

  it('keeps findings outside an edit on their words and drops the ones the edit touches', () => {
    const before = 'He was noncompliant with tablets. His uncle committed suicide.';
    const earlier = 'Today h' + before.slice(1);
    const shifted = shiftFindings(lint(before), textChange(before, earlier)!);
    assert.deepEqual(shifted.map((f) => earlier.slice(f.start, f.end)), ['noncompliant with', 'committed suicide']);
    const touching = shiftFindings(lint(before), textChange(before, before.replace('noncompliant', 'noncompliance'))!);
    assert.deepEqual(touching.map((f) => f.text), ['committed suicide']);
  });
});
