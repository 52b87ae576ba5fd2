// Task pane actions on the document: Select, a rewrite, Ignore, Replace all, tracked changes, and the guard that
// re-lints instead of replacing inside a paragraph that changed since it was linted.
import assert from 'node:assert/strict';
import { occurrenceIndex, occurrences, wordSearchText } from '../../addin/src/word/ranges';
import { lint } from '../../shared-rules/src/index';
import { engineSummary, startChecker, summary } from './support/word-harness';

const NOTE = [
  'He refused breakfast, then refused lunch.',
  'The garden was quiet.',
  'Later he refused a walk; staff say he Refused to talk.',
];

const byText = (items: ReturnType<typeof lint>, text: string) => items.filter((f) => f.text === text);

describe('Word: Select', () => {
  for (const version of [1.1, 1.8]) {
    it(`selects the exact occurrence of a repeated word (WordApi ${version})`, async () => {
      const h = await startChecker(NOTE, version);
      const second = h.checker.items().filter((i) => i.text === NOTE[0])[1];
      assert.equal(second.finding.start, NOTE[0].lastIndexOf('refused'));
      await h.checker.select(second);
      assert.deepEqual(
        h.word.selection && { start: h.word.selection.start, end: h.word.selection.end, text: h.word.selection.text },
        { start: second.finding.start, end: second.finding.end, text: 'refused' },
      );
      assert.deepEqual(h.word.texts(), NOTE, 'selecting changes nothing');
    });
  }
});

describe('Word: rewrites', () => {
  it("replaces only the finding's words, in the right occurrence", async () => {
    const h = await startChecker(NOTE, 1.1);
    const second = h.checker.items().filter((i) => i.text === NOTE[0])[1];
    await h.checker.rewrite(second, 'declined');
    assert.deepEqual(h.word.texts(), ['He refused breakfast, then declined lunch.', NOTE[1], NOTE[2]]);
    assert.deepEqual(
      h.word.edits.map((e) => [e.before, e.inserted]),
      [['refused', 'declined']],
    );
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()), 're-linted after the edit');
  });

  it('matches case exactly: "Refused" is its own occurrence', async () => {
    const h = await startChecker(NOTE, 1.6);
    const capital = h.checker.items().find((i) => i.finding.text === 'Refused')!;
    await h.checker.rewrite(capital, capital.finding.suggestions[0]);
    assert.equal(
      h.word.paragraphs[2].text,
      `Later he refused a walk; staff say he ${capital.finding.suggestions[0]} to talk.`,
    );
  });

  for (const version of [1.1, 1.6]) {
    it(`refuses to replace inside a paragraph that changed since it was linted, and re-lints it (WordApi ${version})`, async () => {
      const h = await startChecker(NOTE, version);
      const target = h.checker.items().filter((i) => i.text === NOTE[0])[1];
      // The writer edits the paragraph; the change event (or the next poll) has not arrived yet.
      const typed = 'He refused breakfast, then lunch too. He refused.';
      await h.word.type(0, typed, true);
      await h.checker.rewrite(target, 'declined');
      assert.equal(h.word.paragraphs[0].text, typed, "the writer's text is untouched");
      assert.equal(h.word.edits.length, 0);
      assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()), 'the list now describes the new text');
      assert.ok(h.view.statuses.some((s) => /changed since it was checked/.test(s.message)));
    });
  }

  it('refuses when the paragraph is gone, without touching anything else', async () => {
    const h = await startChecker(NOTE, 1.6);
    const target = h.checker.items().find((i) => i.text === NOTE[2])!;
    h.word.paragraphs.splice(2, 1); // deleted; its event not delivered yet
    await h.checker.rewrite(target, 'declined');
    assert.deepEqual(h.word.texts(), NOTE.slice(0, 2));
    assert.equal(h.word.edits.length, 0);
    assert.ok(!h.view.last.some((i) => i.text === NOTE[2]));
  });

  it('Ignore hides one finding until its paragraph changes', async () => {
    const h = await startChecker(NOTE, 1.8);
    const first = h.checker.items()[0];
    const before = h.word.annotationsOn(0).length;
    await h.checker.ignore(first);
    assert.equal(h.view.last.filter((i) => i.text === NOTE[0]).length, byText(lint(NOTE[0]), 'refused').length - 1);
    assert.equal(h.word.annotationsOn(0).length, before - 1, 'its underline is gone');
    await h.word.type(0, NOTE[0] + ' He refused tea.');
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()), 'back once the text changed');
  });
});

describe('Word: Replace all of this rule', () => {
  it("applies each finding's own first rewrite across paragraphs, case kept, other rules untouched", async () => {
    const note = [...NOTE, 'She claims the refused dose was too strong.'];
    const h = await startChecker(note, 1.7);
    const claims = h.checker.items().find((i) => i.finding.text === 'claims')!;
    await h.checker.replaceAll(h.checker.items()[0]);
    const expected = note.map((t) => {
      const fs = lint(t)
        .filter((f) => f.ruleId === 'refused')
        .sort((a, b) => b.start - a.start);
      return fs.reduce((s, f) => s.slice(0, f.start) + f.suggestions[0] + s.slice(f.end), t);
    });
    assert.deepEqual(h.word.texts(), expected);
    assert.ok(h.word.texts()[2].includes('Declined'), 'the capitalised occurrence got the capitalised rewrite');
    assert.ok(h.word.texts()[3].includes('claims'), "another rule's finding stays");
    assert.ok(h.view.last.some((i) => i.finding.ruleId === claims.finding.ruleId));
    assert.ok(!h.view.last.some((i) => i.finding.ruleId === 'refused'));
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.equal(
      h.word.annotations.length,
      h.word.texts().reduce((n, t) => n + lint(t).length, 0),
    );
  });

  it('skips a paragraph that changed since it was linted and re-lints it instead', async () => {
    const h = await startChecker(NOTE, 1.6);
    const typed = 'Later he refused a walk.';
    await h.word.type(2, typed, true);
    await h.checker.replaceAll(h.checker.items()[0]);
    assert.equal(h.word.paragraphs[0].text, 'He declined breakfast, then declined lunch.');
    assert.equal(h.word.paragraphs[2].text, typed);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.ok(h.view.statuses.some((s) => /changed since they were checked/.test(s.message)));
  });
});

describe('Word: rewrites as tracked changes', () => {
  it("tracks the add-in's edit when the option is on, and puts the writer's setting back", async () => {
    const h = await startChecker(NOTE, 1.4);
    h.checker.trackChanges = true;
    await h.checker.rewrite(h.checker.items()[0], 'declined');
    assert.deepEqual(
      h.word.edits.map((e) => e.tracked),
      [true],
    );
    assert.equal(h.word.changeTrackingMode, 'Off');
    assert.ok(h.view.statuses.some((s) => /tracked change/.test(s.message)));
  });

  it('leaves tracking alone when the option is off, or when Word cannot do it', async () => {
    const off = await startChecker(NOTE, 1.8);
    await off.checker.rewrite(off.checker.items()[0], 'declined');
    const old = await startChecker(NOTE, 1.3);
    old.checker.trackChanges = true;
    await old.checker.rewrite(old.checker.items()[0], 'declined');
    assert.deepEqual(
      [...off.word.edits, ...old.word.edits].map((e) => e.tracked),
      [false, false],
    );
    assert.equal(old.word.paragraphs[0].text, 'He declined breakfast, then refused lunch.');
  });

  it("keeps the writer's own tracking mode when it is already on", async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.changeTrackingMode = 'TrackMineOnly';
    });
    h.checker.trackChanges = true;
    await h.checker.rewrite(h.checker.items()[0], 'declined');
    assert.equal(h.word.changeTrackingMode, 'TrackMineOnly');
    assert.deepEqual(
      h.word.edits.map((e) => e.tracked),
      [true],
    );
  });
});

describe('Word: offsets to ranges', () => {
  it('counts occurrences the way Word searches (left to right, not overlapping)', () => {
    assert.deepEqual(occurrences('aaaa', 'aa'), [0, 2]);
    assert.equal(occurrenceIndex('x refused y refused', { start: 12, end: 19, text: 'refused' }), 1);
    assert.equal(
      occurrenceIndex('x refused y refused', { start: 11, end: 18, text: 'refused' }),
      -1,
      'offsets that do not hold the text',
    );
    assert.equal(
      occurrenceIndex('😀 refused', { start: 3, end: 10, text: 'refused' }),
      0,
      'UTF-16 offsets past an astral character',
    );
  });

  it("escapes Word's ^ codes and refuses over-long search text", () => {
    assert.equal(wordSearchText('a^p'), 'a^^p');
    assert.equal(wordSearchText('x'.repeat(256)), null);
  });
});
