// Round trips (context.sync calls) the Word add-in makes against the fake Word of the tests (which models Word's
// batches, events and refusals: test/addin/support/fake-word.ts). Bundled and run by bench/word.mjs. The same steps
// are counted on a short and a long document: a count that grows with the document would be a per-paragraph loop.
import { CATCH_UP_MS, POLL_INTERVAL_MS, REDRAW_MS } from '../../addin/src/word/events';
import { detectCapabilities } from '../../addin/src/word/capabilities';
import { WordChecker } from '../../addin/src/word/checker';
import { lintPiece } from '../../shared-rules/src/index';
import { FakeWord, ManualScheduler } from '../../test/addin/support/fake-word';

const quietView = { show() {}, reveal() {}, status() {}, underlinesOff() {} };

/** A note where every fourth paragraph has findings. */
export const note = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 4 === 0
      ? `Day ${i}: he refused his tablets and was noncompliant with the plan.`
      : `Day ${i}: the garden was quiet and he sat outside with his sister.`,
  );

async function settle(word: FakeWord, checker: WordChecker): Promise<void> {
  do {
    await word.flushEvents();
    await checker.whenIdle();
  } while (word.hasPendingEvents());
}

async function open(paragraphs: number, version: number, setup?: (w: FakeWord) => void) {
  const word = new FakeWord(note(paragraphs), version);
  setup?.(word);
  const scheduler = new ManualScheduler();
  const checker = new WordChecker(
    {
      run: word.run,
      caps: detectCapabilities(word.isSetSupported),
      scheduler,
      visibility: word.visibility,
      onSelectionChanged: word.onSelectionChanged,
    },
    quietView,
    (t, s) => lintPiece(t, {}, s),
  );
  await checker.start();
  const start = word.syncs;
  scheduler.fire(REDRAW_MS); // the one-off redraw once the pane has been visible a moment
  await checker.whenIdle();
  return { word, checker, scheduler, start, redraw: word.syncs - start };
}

/** Round trips of one step, counted from a settled pane. */
async function count(word: FakeWord, step: () => Promise<void>): Promise<number> {
  word.syncs = 0;
  await step();
  return word.syncs;
}

export async function scenarios(paragraphs: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const a = await open(paragraphs, 1.8);
  out['start (WordApi 1.8: read, critiques, event groups)'] = a.start;
  out['one-off redraw after the pane is visible'] = a.redraw;
  out['one paragraph edit (change event)'] = await count(a.word, async () => {
    await a.word.type(4, 'Day 4: he declined his tablets and refused lunch.');
    await a.checker.whenIdle();
  });
  out['one replace from the pane'] = await count(a.word, () => a.checker.rewrite(a.checker.items()[0], 'declined'));
  out["… then Word's change event for that edit"] = await count(a.word, () => settle(a.word, a.checker));
  a.checker.trackChanges = true;
  out['one replace as a tracked change (mode restored in its own batch)'] = await count(a.word, () =>
    a.checker.rewrite(a.checker.items()[0], 'not following'),
  );
  a.checker.trackChanges = false;
  await settle(a.word, a.checker);
  const refused = a.checker.items().find((i) => i.finding.ruleId === 'refused')!;
  out['Replace all of one rule (every paragraph with it)'] = await count(a.word, () => a.checker.replaceAll(refused));
  await settle(a.word, a.checker);
  out['popup Accept on the desktop (Word does not edit)'] = await count(a.word, async () => {
    const critique = a.word.annotations.find((x) => x.critique.popupOptions?.suggestions.length)!;
    await a.word.acceptSuggestion(critique.id, critique.critique.popupOptions!.suggestions[0]);
    await a.checker.whenIdle();
  });
  await settle(a.word, a.checker);
  out['catch-up re-check, nothing changed'] = await count(a.word, async () => {
    a.scheduler.fire(CATCH_UP_MS);
    await a.checker.whenIdle();
  });
  out['cursor moved into a paragraph (DocumentSelectionChanged)'] = await count(a.word, async () => {
    await a.word.moveCursor(9);
    await a.checker.whenIdle();
  });
  await a.checker.stop();

  const p = await open(paragraphs, 1.8, (w) => {
    w.perpetual = true;
  });
  out['start, perpetual-licence Word (annotations refused)'] = p.start;
  out['one paragraph edit, perpetual-licence Word'] = await count(p.word, async () => {
    await p.word.type(4, 'Day 4: he refused.');
    await p.checker.whenIdle();
  });

  const e = await open(paragraphs, 1.6);
  out['start (WordApi 1.6: no critiques)'] = e.start;
  const o = await open(paragraphs, 1.1);
  out['start (WordApi 1.1, polling)'] = o.start;
  out['one poll, nothing changed'] = await count(o.word, async () => {
    o.scheduler.fire(POLL_INTERVAL_MS);
    await o.checker.whenIdle();
  });
  return out;
}
