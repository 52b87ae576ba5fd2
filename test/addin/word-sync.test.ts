// The Word adapter keeps its paragraph cache in step with the document: the first lint, WordApi 1.6 paragraph
// events, and polling where Word has no events.
import assert from 'node:assert/strict';
import { CATCH_UP_MS, POLL_INTERVAL_MS } from '../../addin/src/word/events';
import { ParagraphCache } from '../../addin/src/word/paragraph-cache';
import { lint, lintPiece } from '../../shared-rules/src/index';
import type { SectionKind } from '../../shared-rules/src/types';
import { engineSummary, startChecker, summary } from './support/word-harness';

const NOTE = [
  'Ward round, Tuesday.',
  'Mr Quill refused his evening medication and was noncompliant with the plan.',
  'The garden was quiet and he sat outside with his sister.',
  'Staff felt he was attention seeking on the ward.',
];

describe('Word: first lint', () => {
  for (const version of [1.1, 1.6, 1.8]) {
    it(`lints every paragraph on open (WordApi ${version})`, async () => {
      const h = await startChecker(NOTE, version);
      assert.deepEqual(h.linted, NOTE, 'each paragraph linted once, in order');
      assert.deepEqual(summary(h.checker.items()), engineSummary(NOTE));
      assert.deepEqual(summary(h.view.last), engineSummary(NOTE));
      const words = h.view.last.map((i) => i.finding.text);
      assert.ok(words.includes('refused') && words.includes('attention seeking'), words.join(', '));
    });
  }

  it('keys paragraphs by uniqueLocalId where Word has it, by position where not', async () => {
    const withIds = await startChecker(NOTE, 1.6);
    assert.deepEqual(
      [...new Set(withIds.checker.items().map((i) => i.key))],
      [withIds.word.paragraphs[1].id, withIds.word.paragraphs[3].id],
    );
    const old = await startChecker(NOTE, 1.1);
    assert.deepEqual([...new Set(old.checker.items().map((i) => i.key))], ['#1', '#3']);
  });
});

describe('Word: paragraph events (WordApi 1.6)', () => {
  it('registers the three paragraph events instead of polling', async () => {
    const h = await startChecker(NOTE, 1.6);
    assert.equal(h.mode, 'events');
    for (const e of ['ParagraphChanged', 'ParagraphAdded', 'ParagraphDeleted'])
      assert.equal(h.word.handlerCount(e), 1, e);
    assert.deepEqual(
      h.scheduler.delays().filter((ms) => ms === POLL_INTERVAL_MS),
      [],
      'no polling timer',
    );
    assert.ok(h.scheduler.delays().includes(CATCH_UP_MS), 'only the low-frequency catch-up');
  });

  it('re-lints only the paragraph that changed', async () => {
    const h = await startChecker(NOTE, 1.6);
    h.linted.length = 0;
    const edited = 'The garden was quiet; he committed suicide attempts were discussed with his sister.';
    await h.word.type(2, edited);
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, [edited]);
    const texts = h.word.texts();
    assert.deepEqual(summary(h.view.last), engineSummary(texts));
    assert.ok(h.view.last.some((i) => i.text === edited && i.finding.text === 'committed suicide'));
  });

  it('does not lint again when a changed event brings the same text (cache by id and text)', async () => {
    const h = await startChecker(NOTE, 1.6);
    h.linted.length = 0;
    await h.word.type(1, NOTE[1]);
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, []);
  });

  it('adds a new paragraph in document order and forgets a deleted one', async () => {
    const h = await startChecker(NOTE, 1.6);
    h.linted.length = 0;
    await h.word.addParagraph(1, 'His brother committed suicide in 2019.');
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, ['His brother committed suicide in 2019.'], 'only the new paragraph is linted');
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.equal(h.view.last[0].finding.text, 'committed suicide', 'listed before the later paragraphs');

    await h.word.deleteParagraph(2); // the "refused … noncompliant" paragraph
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.ok(!h.view.last.some((i) => i.finding.text === 'refused'));
  });

  it('a heading typed above re-checks the paragraphs in its section: a sanction in a history goes quiet', async () => {
    const texts = [
      'Ward round, Tuesday.',
      'He was given a community protection notice for calling 999.',
      'The garden was quiet.',
    ];
    const h = await startChecker(texts, 1.6);
    assert.ok(h.view.last.some((i) => i.finding.ruleId === 'community-protection-notice'));
    h.linted.length = 0;
    await h.word.type(0, 'History:');
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, ['History:', texts[1], texts[2]]);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.ok(!h.view.last.some((i) => i.finding.ruleId === 'community-protection-notice'), 'quiet under History:');
    assert.equal(h.word.annotations.length, 0, 'and its critique is gone from the document');
    await h.word.deleteParagraph(0);
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.ok(
      h.view.last.some((i) => i.finding.ruleId === 'community-protection-notice'),
      'flagged again once the heading is gone',
    );
  });

  it('a burst of events for one paragraph reads it once per queued batch and ends on the last text', async () => {
    const h = await startChecker(NOTE, 1.6);
    const steps = ['He ref', 'He refus', 'He refused', 'He refused food.'];
    await Promise.all(steps.map((t) => h.word.type(0, t)));
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.equal(h.view.last[0].text, 'He refused food.');
  });

  it('falls back to polling when Word refuses the event registration, and says so', async () => {
    const h = await startChecker(NOTE, 1.6, (w) => {
      w.refuseEvents = true;
    });
    assert.equal(h.mode, 'polling');
    assert.ok(h.scheduler.delays().includes(POLL_INTERVAL_MS));
    assert.ok(h.view.statuses.some((s) => s.kind === 'error' && /did not accept the change events/.test(s.message)));
  });
});

describe('Word: polling fallback (no WordApi 1.6)', () => {
  it('polls the paragraph texts every 1 to 2 seconds', async () => {
    const h = await startChecker(NOTE, 1.5);
    assert.equal(h.mode, 'polling');
    assert.deepEqual(h.scheduler.delays(), [POLL_INTERVAL_MS]);
    assert.ok(POLL_INTERVAL_MS >= 1000 && POLL_INTERVAL_MS <= 2000);
    assert.equal(h.word.handlerCount('ParagraphChanged'), 0);
  });

  it('picks up an edit on the next poll and re-lints only what changed', async () => {
    const h = await startChecker(NOTE, 1.1);
    h.linted.length = 0;
    await h.word.type(2, 'The garden was quiet; the behavioural contract was read to him.');
    await h.checker.whenIdle();
    assert.deepEqual(summary(h.view.last), engineSummary(NOTE), 'nothing seen before the poll');
    h.scheduler.fire();
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, ['The garden was quiet; the behavioural contract was read to him.']);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.ok(h.view.last.some((i) => i.finding.category === 'punitive-approach'));
  });

  it('a paragraph inserted above shifts the positions without re-linting the moved text', async () => {
    const h = await startChecker(NOTE, 1.1);
    h.linted.length = 0;
    h.word.paragraphs.unshift({ id: 'new', text: 'Seen at home.', extras: [] });
    h.scheduler.fire();
    await h.checker.whenIdle();
    assert.deepEqual(h.linted, ['Seen at home.']);
    assert.deepEqual(summary(h.view.last), engineSummary(h.word.texts()));
    assert.deepEqual([...new Set(h.view.last.map((i) => i.key))], ['#2', '#4']);
  });

  it('stops polling when the pane stops', async () => {
    const h = await startChecker(NOTE, 1.1);
    await h.checker.stop();
    assert.deepEqual(h.scheduler.delays(), []);
  });
});

describe('ParagraphCache', () => {
  const piece = (calls: string[]) => (t: string, section: SectionKind | null) => {
    calls.push(t);
    return lintPiece(t, {}, section);
  };

  it('reports changed and removed paragraphs and keeps findings for unchanged text', () => {
    const calls: string[] = [];
    const cache = new ParagraphCache(piece(calls));
    cache.replaceAll([
      { key: 'a', text: 'He refused.' },
      { key: 'b', text: 'Calm.' },
    ]);
    const first = cache.get('a')!.findings;
    const { changed, removed } = cache.replaceAll([
      { key: 'a', text: 'He refused.' },
      { key: 'c', text: 'She claims it hurts.' },
    ]);
    assert.deepEqual(
      changed.map((e) => e.key),
      ['c'],
    );
    assert.deepEqual(removed, ['b']);
    assert.equal(cache.get('a')!.findings, first);
    assert.deepEqual(calls, ['He refused.', 'Calm.', 'She claims it hurts.']);
    assert.deepEqual(cache.update({ key: 'a', text: 'He refused.' }), []);
    assert.deepEqual(
      cache.update({ key: 'a', text: 'He declined.' }).map((e) => [e.key, e.findings.length]),
      [['a', 0]],
    );
  });

  it('a heading paragraph sets the section of the paragraphs below it, as in lint() of the whole text', () => {
    const texts = [
      'History:',
      'He was given a community protection notice.',
      'A police officer will attend his CPA review.',
      'Plan:',
      'A police officer will attend his CPA review.',
    ];
    const calls: string[] = [];
    const cache = new ParagraphCache(piece(calls));
    cache.replaceAll(texts.map((text, i) => ({ key: `p${i}`, text })));
    const whole = lint(texts.join('\n\n'));
    assert.deepEqual(
      cache.all().flatMap((e) => e.findings.map((f) => [f.ruleId, f.severity])),
      whole.map((f) => [f.ruleId, f.severity]),
    );
    assert.deepEqual(
      cache.all().map((e) => e.section),
      [null, 'history', 'history', 'history', 'plan'],
    );
    assert.deepEqual(
      whole.map((f) => [f.ruleId, f.severity]),
      [
        ['police-in-care-plan', 'information'],
        ['police-in-care-plan', 'error'],
      ],
      'the sanction is quiet in a history',
    );
  });

  it('editing or deleting a heading re-lints the paragraphs below it, and only as far as their section changes', () => {
    const texts = [
      'History:',
      'He was given a community protection notice.',
      'Calm today.',
      'Plan:',
      'A police officer will attend his CPA review.',
    ];
    const calls: string[] = [];
    const cache = new ParagraphCache(piece(calls));
    cache.replaceAll(texts.map((text, i) => ({ key: `p${i}`, text })));
    calls.length = 0;
    const changed = cache.update({ key: 'p0', text: 'Plan:' });
    assert.deepEqual(
      changed.map((e) => e.key),
      ['p0', 'p1', 'p2', 'p3'],
      'down to the next heading, not past it',
    );
    assert.deepEqual(calls, ['Plan:', texts[1], texts[2], 'Plan:']);
    assert.deepEqual(
      cache.get('p1')!.findings.map((f) => [f.ruleId, f.severity]),
      [['community-protection-notice', 'error']],
    );
    const { removed, changed: below } = cache.remove(['p0']);
    assert.deepEqual(removed, ['p0']);
    assert.deepEqual(
      below.map((e) => [e.key, e.section]),
      [
        ['p1', null],
        ['p2', null],
        ['p3', null],
      ],
    );
    assert.deepEqual(
      cache.all().flatMap((e) => e.findings.map((f) => f.ruleId)),
      lint(
        cache
          .all()
          .map((e) => e.text)
          .join('\n\n'),
      ).map((f) => f.ruleId),
    );
  });
});
