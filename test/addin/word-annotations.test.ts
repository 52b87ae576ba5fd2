// Inline critiques (WordApi 1.7) and popup rewrites (WordApi 1.8).
import assert from 'node:assert/strict';
import { CATEGORY_COLORS, POPUP_RESOURCE_IDS } from '../../addin/src/word/annotations';
import { isSlotRewrite } from '../../shared-rules/src/findings/fix';
import { lint } from '../../shared-rules/src/index';
import { CATEGORIES } from '../../shared-rules/src/types';
import { startChecker } from './support/word-harness';

const NOTE = [
  'Mr Quill refused his evening medication and was noncompliant with the plan.',
  'Care will be withdrawn if he breaches the behavioural contract.',
  'The garden was quiet.',
  'Staff felt he was attention seeking on the ward.',
  'Mr Quill refused his tablets; a police constable will join his CPA review.',
];

describe('Word: inline critiques', () => {
  it('gives each category its own colour', () => {
    assert.equal(new Set(CATEGORIES.map((c) => CATEGORY_COLORS[c])).size, CATEGORIES.length);
    assert.equal(CATEGORY_COLORS['punitive-approach'], 'Red');
    assert.equal(CATEGORY_COLORS['police-involvement'], 'Blue');
  });

  it('underlines every finding at its paragraph offsets in its category colour (WordApi 1.7)', async () => {
    const h = await startChecker(NOTE, 1.7);
    NOTE.forEach((text, i) => {
      const expected = lint(text).map((f) => ({
        start: f.start,
        length: f.end - f.start,
        colorScheme: CATEGORY_COLORS[f.category],
        covers: f.text,
      }));
      const actual = h.word
        .annotationsOn(i)
        .map(({ start, length, colorScheme, covers }) => ({ start, length, colorScheme, covers }));
      assert.deepEqual(actual, expected, text);
    });
    assert.ok(h.word.annotations.length >= 6);
    assert.ok(
      h.word.annotations.every((a) => !a.critique.popupOptions),
      'no popup options below WordApi 1.8',
    );
  });

  it('puts the ready rewrites (not the fill-in-the-blanks ones) and the category title in the popup (WordApi 1.8)', async () => {
    const h = await startChecker(NOTE, 1.8);
    NOTE.forEach((text, i) => {
      const findings = lint(text);
      const popups = h.word.annotationsOn(i).map((a) => a.popupOptions);
      assert.deepEqual(
        popups.map((p) => p?.suggestions),
        findings.map((f) => f.suggestions.filter((s) => !isSlotRewrite(s))),
      );
      assert.deepEqual(
        popups.map((p) => p?.titleResourceId),
        findings.map((f) => POPUP_RESOURCE_IDS.title[f.category]),
      );
    });
    const refused = h.word.annotationsOn(0)[0];
    assert.equal(refused.covers, 'refused');
    assert.deepEqual(refused.popupOptions?.suggestions, ['declined']);
    assert.equal(refused.popupOptions?.subtitleResourceId, POPUP_RESOURCE_IDS.subtitle);
  });

  it("replaces a paragraph's critiques when it changes, leaving the others alone", async () => {
    const h = await startChecker(NOTE, 1.8);
    const untouched = h.word.annotationsOn(1).map((a) => a.id);
    await h.word.type(0, 'Mr Quill declined his evening medication; he claims it makes him drowsy.');
    await h.checker.whenIdle();
    const now = h.word.annotationsOn(0);
    assert.deepEqual(
      now.map((a) => a.covers),
      lint(h.word.paragraphs[0].text).map((f) => f.text),
    );
    assert.ok(now.length > 0);
    assert.deepEqual(
      h.word.annotationsOn(1).map((a) => a.id),
      untouched,
    );
    assert.equal(
      h.word.annotations.length,
      h.word.texts().reduce((n, t) => n + lint(t).length, 0),
      'no stale or duplicate critiques',
    );
  });

  it('uses no annotation API below WordApi 1.7 (the task pane list is the interface)', async () => {
    const h = await startChecker(NOTE, 1.6);
    assert.equal(h.word.annotations.length, 0);
    assert.ok(h.view.last.length >= 6);
  });
});

describe('Word: annotation events', () => {
  it('a click or hover on an underline brings its finding into view in the task pane', async () => {
    const h = await startChecker(NOTE, 1.7);
    const [, contract] = [h.word.annotationsOn(0)[0], h.word.annotationsOn(1)[0]];
    await h.word.clickAnnotation(contract.id);
    await h.word.hoverAnnotation(h.word.annotationsOn(3)[0].id);
    assert.deepEqual(
      h.view.revealed.map((r) => [r.how, r.item.finding.text, r.item.finding.category]),
      [
        // the finding covers the whole threat (a frame), not only the words that name the contract
        ['click', 'Care will be withdrawn if he breaches the behavioural contract', 'punitive-approach'],
        ['hover', 'attention seeking', 'discriminatory-attitude'],
      ],
    );
    assert.ok(
      h.view.revealed[0].item.finding.rationale.length > 0 && h.view.revealed[0].item.finding.sources.length > 0,
    );
  });

  it('accepting a popup suggestion applies exactly that rewrite to exactly those words', async () => {
    const h = await startChecker(NOTE, 1.8);
    const critique = h.word.annotationsOn(3)[0];
    const choice = critique.popupOptions!.suggestions[1] ?? critique.popupOptions!.suggestions[0];
    await h.word.acceptSuggestion(critique.id, choice);
    await h.checker.whenIdle();
    assert.equal(h.word.paragraphs[3].text, `Staff felt he was ${choice} on the ward.`);
    assert.deepEqual(
      h.word.edits.map((e) => [e.before, e.inserted]),
      [['attention seeking', choice]],
    );
    assert.deepEqual(
      h.word.texts().filter((_, i) => i !== 3),
      NOTE.filter((_, i) => i !== 3),
      'other paragraphs untouched',
    );
    assert.ok(!h.word.annotationsOn(3).some((a) => a.covers === 'attention seeking'));
  });

  it('a practice finding (a sanction) has no popup rewrite to accept', async () => {
    const h = await startChecker(NOTE, 1.8);
    const sanction = h.word
      .annotationsOn(1)
      .find((a) => a.covers.includes('withdrawn') || a.covers.includes('behavioural contract'))!;
    assert.deepEqual(sanction.popupOptions?.suggestions ?? [], []);
  });

  it('when Word has already put the suggestion in, it is not applied a second time', async () => {
    const h = await startChecker(NOTE, 1.8);
    h.word.popupPlatform = 'web';
    const critique = h.word.annotationsOn(0)[0];
    await h.word.acceptSuggestion(critique.id, 'declined');
    await h.checker.whenIdle();
    assert.equal(h.word.paragraphs[0].text, NOTE[0].replace('refused', 'declined'));
    assert.equal(h.word.edits.length, 0, 'the add-in made no edit of its own');
    assert.equal(h.view.statuses.at(-1)?.message, 'Replaced “refused” with “declined”.');
    assert.ok(!h.view.last.some((i) => i.key === h.word.paragraphs[0].id && i.finding.text === 'refused'));
  });

  it('rejecting a popup hides that finding and its underline', async () => {
    const h = await startChecker(NOTE, 1.8);
    const critique = h.word.annotationsOn(3)[0];
    await h.word.rejectSuggestion(critique.id);
    await h.checker.whenIdle();
    assert.ok(!h.word.annotations.some((a) => a.id === critique.id));
    assert.ok(!h.view.last.some((i) => i.finding.text === 'attention seeking'));
    assert.equal(h.word.paragraphs[3].text, NOTE[3]);
  });
});
