// A WordChecker wired to the fake Word and a recording view, for the Word adapter tests.
import { lintPiece, type LintedPiece } from '../../../shared-rules/src/index';
import type { SectionKind } from '../../../shared-rules/src/types';
import { detectCapabilities } from '../../../addin/src/word/capabilities';
import { WordChecker, type CheckerView } from '../../../addin/src/word/checker';
import type { Located } from '../../../addin/src/word/located';
import { FakeWord, ManualScheduler } from './fake-word';

export class RecordingView implements CheckerView {
  shown: Located[][] = [];
  revealed: Array<{ item: Located; how: string }> = [];
  statuses: Array<{ message: string; kind: string }> = [];
  underlinesOffMessages: string[] = [];
  underlinesOff(message: string): void {
    this.underlinesOffMessages.push(message);
  }
  show(items: Located[]): void {
    this.shown.push(items);
  }
  reveal(item: Located, how: 'click' | 'hover'): void {
    this.revealed.push({ item, how });
  }
  status(message: string, kind = 'info'): void {
    this.statuses.push({ message, kind });
  }
  get last(): Located[] {
    return this.shown[this.shown.length - 1] ?? [];
  }
}

export interface Harness {
  word: FakeWord;
  view: RecordingView;
  checker: WordChecker;
  scheduler: ManualScheduler;
  /** Texts the engine was asked to lint, in order. */
  linted: string[];
  mode: 'events' | 'polling';
}

export async function startChecker(
  texts: string[],
  version: number,
  setup?: (word: FakeWord) => void,
): Promise<Harness> {
  const word = new FakeWord(texts, version);
  setup?.(word);
  const view = new RecordingView();
  const scheduler = new ManualScheduler();
  const linted: string[] = [];
  const counting = (text: string, section: SectionKind | null): LintedPiece => {
    linted.push(text);
    return lintPiece(text, {}, section);
  };
  const checker = new WordChecker(
    {
      run: word.run,
      caps: detectCapabilities(word.isSetSupported),
      scheduler,
      visibility: word.visibility,
      onSelectionChanged: word.onSelectionChanged,
    },
    view,
    counting,
  );
  const mode = await checker.start();
  return { word, view, checker, scheduler, linted, mode };
}

/** Let time pass until Word has delivered every queued event and the checker has handled them all. */
export async function settle(h: Pick<Harness, 'word' | 'checker'>): Promise<void> {
  do {
    await h.word.flushEvents();
    await h.checker.whenIdle();
  } while (h.word.hasPendingEvents());
}

/** What the list shows, as [paragraph text, flagged words, rule] (expected values come from the engine itself). */
export function summary(items: Located[]): Array<[string, string, string]> {
  return items.map((i) => [i.text, i.finding.text, i.finding.ruleId]);
}

/** What the engine says about these paragraphs, in the same shape (each starting in the section the one above ended in). */
export function engineSummary(texts: string[]): Array<[string, string, string]> {
  let section: SectionKind | null = null;
  return texts.flatMap((t) => {
    const piece = lintPiece(t, {}, section);
    section = piece.section;
    return piece.findings.map((f): [string, string, string] => [t, f.text, f.ruleId]);
  });
}
