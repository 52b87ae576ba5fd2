// Issue 14: the add-in against the fake Word as real Word behaves (support/fake-word.ts says which reference page or
// office-js issue each behaviour follows): marks and tracked deletions in paragraph.text, failing batches, refused
// annotations and event groups, missed and merged events, the two popup platforms, search limits, round trips.
import assert from 'node:assert/strict';
import { critiqueFor } from '../../addin/src/word/annotations';
import { CATCH_UP_MS, POLL_INTERVAL_MS, POLL_MAX_MS, REDRAW_MS } from '../../addin/src/word/events';
import { occurrences, wordSearchText } from '../../addin/src/word/ranges';
import { lint, lintPiece, type Finding } from '../../shared-rules/src/index';
import { engineSummary, settle, startChecker, summary } from './support/word-harness';

const NOTE = [
  'Mr Quill refused his evening medication and was noncompliant with the plan.',
  'Care will be withdrawn if he breaches the behavioural contract.',
  'The garden was quiet.',
  'Staff felt he was attention seeking on the ward.',
];

/** A long note: every fourth paragraph has findings. */
const longNote = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 4 === 0
      ? `Day ${i}: he refused his tablets and was noncompliant.`
      : `Day ${i}: the garden was quiet and he sat outside.`,
  );

describe('Word as it is: offsets come from the text Word shows (point 1)', () => {
  it('comment marks, a footnote reference and tracked-deleted text are not checked or counted (WordApi 1.7+)', async () => {
    const visible = 'Mr Quill declined his tablets and refused lunch.';
    const h = await startChecker([visible], 1.8, (w) => {
      w.addExtra(0, 0, '\x02', 'mark'); // footnote reference
      w.addExtra(0, 3, '\u0005', 'mark'); // comment mark after "Mr "
      w.addExtra(0, 9, 'refused ', 'deleted'); // the word a tracked rewrite replaced
    });
    assert.notEqual(
      h.word.rawText(h.word.paragraphs[0]),
      visible,
      'paragraph.text carries the marks and the deleted word',
    );
    assert.deepEqual(summary(h.checker.items()), engineSummary([visible]), 'checked as the writer sees it');
    assert.deepEqual(
      h.word.annotationsOn(0).map((a) => a.covers),
      lint(visible).map((f) => f.text),
      'each underline on its words',
    );
  });

  it('below WordApi 1.7 the marks are taken out of paragraph.text before checking', async () => {
    const visible = 'Mr Quill refused his tablets.';
    const h = await startChecker([visible], 1.6, (w) => w.addExtra(0, 3, '\u0005', 'mark'));
    assert.deepEqual(summary(h.checker.items()), engineSummary([visible]));
  });
});

describe('Word as it is: a failed edit (point 2)', () => {
  it("puts the writer's tracking mode back when Word refuses the edit (a locked content control)", async () => {
    const h = await startChecker(NOTE, 1.8);
    h.checker.trackChanges = true;
    h.word.paragraphs[0].locked = true;
    await h.checker.rewrite(h.checker.items()[0], 'declined');
    assert.equal(h.word.changeTrackingMode, 'Off', 'what the clinician types next is not tracked');
    assert.deepEqual(h.word.texts(), NOTE);
    assert.ok(
      h.view.statuses.some((s) => s.kind === 'error'),
      'the failure is reported',
    );
  });
});

describe('Word as it is: perpetual licence and round trips (point 3)', () => {
  it('the first refusal switches underlines off for the session and says so, with no per-paragraph round trips', async () => {
    const texts = longNote(600);
    const h = await startChecker(texts, 1.8, (w) => {
      w.perpetual = true;
    });
    assert.ok(h.word.syncs <= 5, `start took ${h.word.syncs} round trips`);
    assert.equal(h.checker.underlining, false);
    assert.equal(h.view.underlinesOffMessages.length, 1);
    assert.match(h.view.underlinesOffMessages[0], /perpetual-licence/);
    assert.deepEqual(summary(h.view.last), engineSummary(texts), 'every finding is still listed');
    h.word.syncs = 0;
    await h.word.type(1, 'Day 1: he refused.');
    await settle(h);
    assert.equal(h.word.syncs, 1, 'an edit is one read: no annotation is tried again');
    assert.equal(h.view.underlinesOffMessages.length, 1);
  });

  it('a paragraph gone meanwhile costs a fixed number of batches, not one per paragraph', async () => {
    const h = await startChecker(longNote(600), 1.8);
    h.word.paragraphs.splice(5, 1); // deleted; its event not delivered yet
    h.word.syncs = 0;
    await h.checker.setLinter((t, s) => lintPiece(t, {}, s));
    assert.ok(h.word.syncs <= 4, `re-checking everything took ${h.word.syncs} round trips`);
    assert.equal(
      h.word.annotations.length,
      h.word.texts().reduce((n, t) => n + lint(t).length, 0),
    );
  });

  it('round trips: start on 600 paragraphs ≤ 4, one paragraph edit ≤ 2, one replace ≤ 3', async () => {
    const h = await startChecker(longNote(600), 1.8);
    assert.ok(h.word.syncs <= 4, `start: ${h.word.syncs}`);
    h.scheduler.fire(REDRAW_MS); // the pane has been open a moment: the one-off redraw is done before anything else
    await h.checker.whenIdle();
    h.word.syncs = 0;
    await h.word.type(8, 'Day 8: he declined his tablets and was noncompliant.');
    await h.checker.whenIdle();
    assert.ok(h.word.syncs <= 2, `edit: ${h.word.syncs}`);
    h.word.syncs = 0;
    await h.checker.rewrite(h.checker.items()[0], 'declined');
    assert.ok(h.word.syncs <= 3, `replace: ${h.word.syncs}`);
    assert.equal(h.word.paragraphs[0].text, 'Day 0: he declined his tablets and was noncompliant.');
  });
});

describe('Word as it is: popup Accept (point 5)', () => {
  it('offers at most three suggestions, ready rewrites only', () => {
    const [f] = lint('He refused.');
    const many: Finding = {
      ...f,
      suggestions: ['declined', '[describe what was offered]', 'said no to', 'did not take', 'turned down'],
      suggestionKinds: ['rewrite', 'prompt', 'rewrite', 'rewrite', 'rewrite'],
    };
    assert.deepEqual(critiqueFor(many, true).popupOptions?.suggestions, ['declined', 'said no to', 'did not take']);
  });

  it('on the web Word puts the suggestion in itself (here as a tracked change): nothing more is inserted', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.popupPlatform = 'web';
      w.changeTrackingMode = 'TrackAll';
    });
    const critique = h.word.annotationsOn(0)[0];
    await h.word.acceptSuggestion(critique.id, 'declined');
    await settle(h);
    assert.equal(h.word.paragraphs[0].text, NOTE[0].replace('refused', 'declined'), 'exactly one copy');
    assert.equal(h.word.edits.length, 0, 'the add-in made no edit of its own');
    assert.equal(h.view.statuses.at(-1)?.message, 'Replaced “refused” with “declined”.');
  });

  it("on the desktop Word does not edit: the add-in applies it once at the critique's words, even after an edit elsewhere", async () => {
    const h = await startChecker(NOTE, 1.8);
    const critique = h.word.annotationsOn(3)[0];
    assert.ok(critique.popupOptions?.suggestions.includes('help-seeking'));
    await h.word.type(3, `Today: ${NOTE[3]}`, true); // typed before the popup; its event not delivered yet
    await h.word.acceptSuggestion(critique.id, 'help-seeking');
    await settle(h);
    assert.equal(h.word.paragraphs[3].text, 'Today: Staff felt he was help-seeking on the ward.');
    assert.deepEqual(
      h.word.edits.map((e) => [e.before, e.inserted]),
      [['attention seeking', 'help-seeking']],
    );
  });
});

describe('Word as it is: underlines after a ribbon open (point 6)', () => {
  it('draws the critiques again once the pane has been visible a moment', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.drawCritiques = false;
    });
    assert.ok(h.word.annotations.length > 0 && h.word.annotations.every((a) => !a.drawn), 'inserted but not drawn');
    h.word.drawCritiques = true;
    h.scheduler.fire(REDRAW_MS);
    await h.checker.whenIdle();
    assert.equal(
      h.word.annotations.length,
      h.word.texts().reduce((n, t) => n + lint(t).length, 0),
    );
    assert.ok(h.word.annotations.every((a) => a.drawn));
  });

  it('or on the first action in the pane', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.drawCritiques = false;
    });
    h.word.drawCritiques = true;
    await h.checker.select(h.checker.items()[2]);
    assert.ok(h.word.annotations.length > 0 && h.word.annotations.every((a) => a.drawn));
    assert.equal(h.word.selection?.text, h.checker.items()[2].finding.text);
  });
});

describe('Word as it is: finding the words (point 7)', () => {
  const NBSP = ['Staff felt he was attention\u00a0seeking on the ward.'];

  for (const version of [1.6, 1.8]) {
    it(`selects words that contain a non-breaking space (WordApi ${version}: ${version >= 1.7 ? "the critique's range" : 'search with ^s'})`, async () => {
      const h = await startChecker(NBSP, version);
      const item = h.checker.items()[0];
      assert.equal(item.finding.text, 'attention\u00a0seeking');
      await h.checker.select(item);
      assert.equal(h.word.selection?.text, 'attention\u00a0seeking');
      assert.ok(!h.view.statuses.some((s) => /paragraph changed/.test(s.message)));
    });
  }

  it('tells "Word cannot find it" apart from "the paragraph changed", and does not re-check forever', async () => {
    const visible = 'Staff felt he was attention seeking on the ward.';
    const h = await startChecker([visible], 1.6, (w) => w.addExtra(0, visible.indexOf('seeking'), '\u0005', 'mark'));
    const item = h.checker.items()[0];
    h.linted.length = 0;
    await h.checker.select(item);
    assert.equal(h.word.selection, null);
    assert.match(h.view.statuses.at(-1)!.message, /could not find “attention seeking”/);
    assert.ok(!h.view.statuses.some((s) => /paragraph changed/.test(s.message)));
    assert.deepEqual(h.linted, [], 'nothing to check again: the paragraph did not change');
  });

  it("escapes for Word's search and counts the 255-character limit after escaping; quotes count alike", () => {
    assert.equal(wordSearchText('a\tb\u00a0c\vd^e'), 'a^tb^sc^ld^^e');
    assert.equal(wordSearchText('^'.repeat(128)), null, '256 characters once escaped');
    assert.equal(wordSearchText('x'.repeat(255)), 'x'.repeat(255));
    assert.deepEqual(occurrences("he said don’t, then don't", "don't"), [8, 20]);
  });
});

describe('Word as it is: event groups (point 8)', () => {
  it('a refused popup event leaves the paragraph and click events working, without polling', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.refuseEvents = new Set(['AnnotationPopupAction']);
    });
    assert.equal(h.mode, 'events');
    for (const e of ['ParagraphChanged', 'ParagraphAdded', 'ParagraphDeleted'])
      assert.equal(h.word.handlerCount(e), 1, e);
    assert.equal(h.word.handlerCount('AnnotationPopupAction'), 0);
    assert.ok(!h.scheduler.delays().includes(POLL_INTERVAL_MS), 'no polling alongside the events');
    h.linted.length = 0;
    await h.word.type(2, 'The garden was quiet; he refused to come in.');
    await settle(h);
    assert.deepEqual(h.linted, ['The garden was quiet; he refused to come in.'], 'each change processed once');
  });

  it('a refused paragraph group polls instead, keeps the annotation events, and stop() removes every live handler', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.refuseEvents = new Set(['ParagraphDeleted']);
    });
    assert.equal(h.mode, 'polling');
    for (const e of ['ParagraphChanged', 'ParagraphAdded', 'ParagraphDeleted'])
      assert.equal(h.word.handlerCount(e), 0, `${e} not left live`);
    assert.equal(h.word.handlerCount('AnnotationClicked'), 1);
    await h.checker.stop();
    for (const e of ['AnnotationClicked', 'AnnotationHovered', 'AnnotationPopupAction'])
      assert.equal(h.word.handlerCount(e), 0, e);
  });
});

describe('Word as it is: missed events, polling pace, selection (point 9)', () => {
  it('a low-frequency catch-up re-check finds an edit whose event was missed', async () => {
    const h = await startChecker(NOTE, 1.8, (w) => {
      w.missEvents = true;
    });
    await h.word.type(2, 'The garden was quiet; he refused to come in.');
    await settle(h);
    assert.deepEqual(summary(h.view.last), engineSummary(NOTE), 'the event never came');
    h.scheduler.fire(CATCH_UP_MS);
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
  });

  it('polling backs off while nothing changes, comes back on a change, and pauses while the pane is hidden', async () => {
    const h = await startChecker(NOTE, 1.1);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      waits.push(...h.scheduler.delays());
      h.scheduler.fire();
      await h.checker.whenIdle();
    }
    assert.deepEqual(
      waits,
      [1500, 3000, 6000, 12000, 12000].map((ms) => Math.min(ms, POLL_MAX_MS)),
    );
    await h.word.type(2, 'The garden was quiet; he refused to come in.', true);
    h.scheduler.fire();
    await h.checker.whenIdle();
    assert.deepEqual(h.scheduler.delays(), [POLL_INTERVAL_MS], 'a change brings the quick pace back');
    await h.word.setPaneVisible(false);
    assert.deepEqual(h.scheduler.delays(), [], 'nothing is read while the pane is hidden');
    await h.word.setPaneVisible(true);
    assert.deepEqual(h.scheduler.delays(), [POLL_INTERVAL_MS]);
  });

  it('on DocumentSelectionChanged only the paragraph at the cursor is read again', async () => {
    const texts = longNote(50);
    const h = await startChecker(texts, 1.8, (w) => {
      w.missEvents = true;
    });
    await h.word.type(3, 'Day 3: he refused to come in.');
    h.linted.length = 0;
    h.word.syncs = 0;
    await h.word.moveCursor(3);
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, ['Day 3: he refused to come in.']);
    assert.ok(h.word.syncs <= 2, `${h.word.syncs} round trips`);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    h.word.syncs = 0;
    await Promise.all([h.word.moveCursor(3, 1), h.word.moveCursor(3, 2), h.word.moveCursor(3, 3)]);
    await h.checker.whenIdle();
    assert.equal(h.word.syncs, 1, 'moves arriving together share one read');
  });
});

describe("Word as it is: split paragraphs and the add-in's own edits", () => {
  it('a split gives the old id to the second half (office-js#5784): both halves end up checked', async () => {
    const h = await startChecker(['He refused his tablets. Staff felt he was attention seeking.'], 1.8);
    await h.word.splitParagraph(0, 'He refused his tablets. '.length);
    await settle(h);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.equal(
      h.word.annotations.length,
      h.word.texts().reduce((n, t) => n + lint(t).length, 0),
    );
  });

  it("the change event for the add-in's own rewrite is handled without another edit", async () => {
    const h = await startChecker(NOTE, 1.8);
    await h.checker.rewrite(h.checker.items()[0], 'declined');
    assert.ok(h.word.hasPendingEvents(), "Word reports the add-in's own edit");
    await settle(h);
    assert.equal(h.word.edits.length, 1);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
  });
});

describe('Word: suggestion kinds (prompts and guidance are never applied by Replace all)', () => {
  const texts = [
    'He was noncompliant with the plan; later he was noncompliant again.',
    'She is a time waster who attends most nights.',
    'A police constable will sit in on his fortnightly CPA review.',
  ];

  it('Replace all inserts only the automatic rewrite, never a prompt; a prompt-only finding is left to the writer', async () => {
    const h = await startChecker(texts, 1.8);
    const nonCompliant = h.checker.items().find((i) => i.finding.ruleId === 'non-compliant')!;
    await h.checker.replaceAll(nonCompliant);
    assert.equal(
      h.word.paragraphs[0].text,
      'He was not following the plan; later he was noncompliant again.',
      'the other rule there offers only prompts',
    );
    const timeWaster = h.checker.items().find((i) => i.text === texts[1])!;
    assert.ok(
      timeWaster.finding.suggestions.length > 0 && timeWaster.finding.suggestionKinds.every((k) => k === 'prompt'),
      'a prompt-only finding',
    );
    await h.checker.replaceAll(timeWaster);
    assert.equal(h.word.paragraphs[1].text, texts[1], 'a prompt is never put in by Replace all');
    assert.match(h.view.statuses.at(-1)!.message, /need your own words/);
  });

  it('guidance never reaches Word: not in a popup, not inserted by Replace all', async () => {
    const h = await startChecker(texts, 1.8);
    const police = h.checker.items().find((i) => i.text === texts[2])!;
    assert.ok(police.finding.guidance.length > 0, 'a practice finding with guidance');
    await h.checker.replaceAll(police);
    assert.equal(h.word.paragraphs[2].text, texts[2]);
    const popups = h.word.annotations.flatMap((a) => a.critique.popupOptions?.suggestions ?? []);
    const notInsertable = h.checker
      .items()
      .flatMap((i) => [
        ...i.finding.guidance,
        ...i.finding.suggestions.filter((_, k) => i.finding.suggestionKinds[k] === 'prompt'),
      ]);
    assert.ok(notInsertable.length > 0);
    assert.deepEqual(
      popups.filter((s) => notInsertable.includes(s)),
      [],
    );
  });
});
