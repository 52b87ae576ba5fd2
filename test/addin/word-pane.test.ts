// The Word task pane in a DOM (happy-dom): the fallback list grouped by category with its actions, plain-text
// rendering of document text, settings with config errors, keyboard and high-contrast support, and the real
// entry point startWordPane against Office globals (office-addin-mock supplies Office.context).
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { OfficeMockObject } from 'office-addin-mock';
import { createWordPane, startWordPane, type WordPane } from '../../addin/src/word/pane';
import { WORD_PANE_CSS } from '../../addin/src/word/styles';
import { categoryLabel, CATEGORY_ORDER, lint } from '../../shared-rules/src/index';
import { FakeWord, ManualScheduler } from './support/fake-word';

const NOTE = [
  'Mr Quill refused his evening medication and was noncompliant with the plan.',
  'Care will be withdrawn if he breaches the behavioural contract.',
  'Staff felt he was attention seeking on the ward.',
  'A police constable will sit in on his fortnightly CPA review.',
  'He refused breakfast, then refused lunch.',
];

class MemoryStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

interface Mounted {
  window: Window;
  doc: Document;
  root: HTMLElement;
  word: FakeWord;
  pane: WordPane;
  store: MemoryStore;
}

async function mount(
  texts: string[],
  version: number,
  store = new MemoryStore(),
  setup?: (word: FakeWord) => void,
): Promise<Mounted> {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = '<main id="root"></main>';
  const root = doc.getElementById('root')!;
  const word = new FakeWord(texts, version);
  setup?.(word);
  const pane = await createWordPane(root, {
    run: word.run,
    isSetSupported: word.isSetSupported,
    scheduler: new ManualScheduler(),
    storage: store,
  });
  return { window, doc, root, word, pane, store };
}

const cards = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.cl-card')];
const button = (card: HTMLElement, label: string) =>
  [...card.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === label);
const cardFor = (root: HTMLElement, flagged: string, nth = 0) =>
  cards(root).filter((c) => c.querySelector('.cl-card__text')?.textContent === flagged)[nth];

describe('Word task pane (fallback list, no WordApi 1.7)', () => {
  let m: Mounted;
  afterEach(async () => {
    await m.pane.checker.stop();
    await m.window.happyDOM.close();
  });

  it('lists the findings grouped by category in the shared order, with counts', async () => {
    m = await mount(NOTE, 1.1);
    const expected = CATEGORY_ORDER.map(
      (c) => [c, NOTE.flatMap((t) => lint(t)).filter((f) => f.category === c).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${categoryLabel(c)} (${n})`);
    assert.equal(expected.length, 4, 'the fixture shows every category');
    assert.deepEqual(
      [...m.root.querySelectorAll('.clw-group h3')].map((h) => h.textContent),
      expected,
    );
    assert.equal(cards(m.root).length, NOTE.flatMap((t) => lint(t)).length);
    assert.match(m.root.querySelector('.clw-count')!.textContent!, /^\d+ findings$/);
    const refused = cardFor(m.root, 'refused');
    assert.ok(refused.querySelector('.cl-card__rationale')!.textContent!.length > 20, 'rationale shown');
    assert.ok(refused.querySelectorAll('.cl-card__source-list li').length > 0, 'sources shown');
    assert.deepEqual(
      ['Select', 'declined', 'Ignore', 'Replace all'].map((l) => Boolean(button(refused, l))),
      [true, true, true, true],
    );
  });

  it('Select selects the exact occurrence; a rewrite button replaces just those words', async () => {
    m = await mount(NOTE, 1.1);
    button(cardFor(m.root, 'refused', 2), 'Select')!.click();
    await m.pane.checker.whenIdle();
    assert.deepEqual(m.word.selection && [m.word.selection.paragraphId, m.word.selection.start], [
      m.word.paragraphs[4].id,
      NOTE[4].lastIndexOf('refused'),
    ]);

    button(cardFor(m.root, 'attention seeking'), 'help-seeking')!.click();
    await m.pane.checker.whenIdle();
    assert.equal(m.word.paragraphs[2].text, 'Staff felt he was help-seeking on the ward.');
    assert.equal(cardFor(m.root, 'attention seeking'), undefined, 'the list follows the document');
    assert.match(m.root.querySelector('.clw-status')!.textContent!, /Replaced “attention seeking” with “help-seeking”/);
  });

  it('Ignore removes one card; Replace all rewrites every finding of that rule', async () => {
    m = await mount(NOTE, 1.6);
    const before = cards(m.root).length;
    button(cardFor(m.root, 'attention seeking'), 'Ignore')!.click();
    await m.pane.checker.whenIdle();
    assert.equal(cards(m.root).length, before - 1);
    assert.equal(m.word.paragraphs[2].text, NOTE[2]);

    button(cardFor(m.root, 'refused'), 'Replace all')!.click();
    await m.pane.checker.whenIdle();
    assert.deepEqual(
      m.word.texts().map((t) => t.includes('refused')),
      [false, false, false, false, false],
    );
    assert.equal(m.word.paragraphs[4].text, 'He declined breakfast, then declined lunch.');
  });

  it('shows document text as text: an <img onerror> in a paragraph is not markup', async () => {
    const hostile = '<img src=x onerror=alert(1)> She refused the <b>blood test</b>.';
    m = await mount([hostile], 1.1);
    const card = cardFor(m.root, 'refused');
    assert.ok(card, 'the finding is listed');
    assert.equal(m.root.querySelectorAll('img, b').length, 0, 'no element was made from the paragraph');
    assert.equal(card.querySelector('.clw-context')!.textContent, `In: ${hostile}`);
  });

  it('shows problems in the rule options by line and column while the built-in rules keep working', async () => {
    const store = new MemoryStore();
    store.setItem(
      'carelint.word.settings',
      JSON.stringify({ trackChanges: false, config: '{\n  "categories": { "stigmatizing-language": "no" }\n}' }),
    );
    m = await mount(NOTE, 1.1, store);
    const problems = [...m.root.querySelectorAll('.clw-problems li')].map((li) => li.textContent);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /^CareLint settings:2:\d+: /);
    assert.equal(m.root.querySelector('.clw-problems')!.getAttribute('role'), 'alert');
    assert.ok(cardFor(m.root, 'refused'), 'built-in rules still run');

    // A valid option then applies at once, and the problem list clears.
    const textarea = m.root.querySelector<HTMLTextAreaElement>('#clw-config')!;
    textarea.value = '{ "categories": { "stigmatizing-language": false } }';
    [...m.root.querySelectorAll<HTMLButtonElement>('.clw-settings button')]
      .find((b) => b.textContent === 'Apply rule options')!
      .click();
    await m.pane.checker.whenIdle();
    assert.equal(m.root.querySelectorAll('.clw-problems li').length, 0);
    assert.equal(cardFor(m.root, 'refused'), undefined);
    assert.ok(cardFor(m.root, 'Care will be withdrawn if he breaches the behavioural contract'));
    assert.equal(
      JSON.parse(m.store.getItem('carelint.word.settings')!).config,
      textarea.value,
      'remembered on this device',
    );
  });

  it('the tracked-changes option reaches the checker, is remembered, and is disabled where Word cannot track', async () => {
    m = await mount(NOTE, 1.4);
    const box = m.root.querySelector<HTMLInputElement>('input[name="track-changes"]')!;
    assert.equal(box.disabled, false);
    box.checked = true;
    box.dispatchEvent(new m.window.Event('change') as unknown as Event);
    assert.equal(m.pane.checker.trackChanges, true);
    assert.equal(JSON.parse(m.store.getItem('carelint.word.settings')!).trackChanges, true);
    button(cardFor(m.root, 'refused'), 'declined')!.click();
    await m.pane.checker.whenIdle();
    assert.deepEqual(
      m.word.edits.map((e) => e.tracked),
      [true],
    );
    await m.pane.checker.stop();
    await m.window.happyDOM.close();

    m = await mount(NOTE, 1.3);
    assert.equal(m.root.querySelector<HTMLInputElement>('input[name="track-changes"]')!.disabled, true);
  });

  it('is keyboard and screen-reader friendly: named controls, a live status, focus kept across updates', async () => {
    m = await mount(NOTE, 1.1);
    for (const b of m.root.querySelectorAll('button'))
      assert.ok((b.getAttribute('aria-label') ?? b.textContent ?? '').trim().length > 0, b.outerHTML);
    for (const b of m.root.querySelectorAll('button')) assert.equal(b.getAttribute('type'), 'button');
    assert.ok(m.root.querySelector('input[name="track-changes"]')!.closest('label'), 'checkbox inside its label');
    assert.ok(m.root.querySelector('label[for="clw-config"]'), 'textarea labelled');
    assert.equal(m.root.querySelector('.clw-status')!.getAttribute('role'), 'status');
    for (const s of m.root.querySelectorAll('.clw-group'))
      assert.ok(m.root.querySelector(`#${s.getAttribute('aria-labelledby')}`), 'groups named by their heading');

    // Replace one finding with the keyboard on another card's button: after the re-render focus is on the same button.
    const other = button(cardFor(m.root, 'attention seeking'), 'Select')!;
    other.focus();
    await m.pane.checker.rewrite(m.pane.checker.items().find((i) => i.finding.text === 'refused')!, 'declined');
    const active = m.doc.activeElement as HTMLElement;
    assert.equal(active.textContent, 'Select');
    assert.equal(active.closest('.cl-card')!.querySelector('.cl-card__text')!.textContent, 'attention seeking');
  });

  it('has a visible focus ring and a forced-colors (high contrast) theme', () => {
    assert.match(WORD_PANE_CSS, /:focus-visible\s*{[^}]*outline/);
    assert.match(WORD_PANE_CSS, /@media \(forced-colors: active\)[\s\S]*Highlight/);
  });
});

describe('Word task pane with critiques (WordApi 1.8)', () => {
  let m: Mounted;
  afterEach(async () => {
    await m.pane.checker.stop();
    await m.window.happyDOM.close();
  });

  it('a clicked underline marks its card in the pane and announces the finding', async () => {
    m = await mount(NOTE, 1.8);
    assert.match(m.root.querySelector('.clw-mode')!.textContent!, /Underlines show in the document/);
    const critique = m.word.annotationsOn(3)[0];
    await m.word.clickAnnotation(critique.id);
    const active = m.root.querySelectorAll('.cl-card.is-active');
    assert.equal(active.length, 1);
    assert.equal(active[0].getAttribute('aria-current'), 'true');
    assert.equal(active[0].querySelector('.cl-card__text')!.textContent, critique.covers);
    assert.equal(active[0].getAttribute('data-category'), 'police-involvement');
    assert.ok(m.root.querySelector('.clw-status')!.textContent!.length > 0);
  });
});

describe('Word task pane: underlines in real Word (issue 14)', () => {
  let m: Mounted;
  afterEach(async () => {
    await m.pane.checker.stop();
    await m.window.happyDOM.close();
  });
  const refresh = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Refresh underlines');

  it('"Refresh underlines" draws the critiques again when Word did not (pane opened from the ribbon)', async () => {
    m = await mount(NOTE, 1.8, new MemoryStore(), (w) => {
      w.drawCritiques = false;
    });
    assert.ok(m.word.annotations.every((a) => !a.drawn));
    m.word.drawCritiques = true;
    refresh(m.root)!.click();
    await m.pane.checker.whenIdle();
    assert.ok(m.word.annotations.length > 0 && m.word.annotations.every((a) => a.drawn));
    assert.equal(m.root.querySelector('.clw-status')!.textContent, 'Underlines refreshed.');
  });

  it('perpetual-licence Word: the pane says underlines are off for this session, and offers no refresh', async () => {
    m = await mount(NOTE, 1.8, new MemoryStore(), (w) => {
      w.perpetual = true;
    });
    assert.match(m.root.querySelector('.clw-mode')!.textContent!, /refused the inline underlines/);
    assert.doesNotMatch(m.root.querySelector('.clw-mode')!.textContent!, /Underlines show in the document/);
    assert.equal(refresh(m.root), undefined);
    assert.equal(cards(m.root).length, NOTE.flatMap((t) => lint(t)).length, 'every finding listed');
  });

  it('guidance is never a replace button in the Word list; Replace all of a practice finding changes nothing', async () => {
    m = await mount(NOTE, 1.8);
    const police = lint(NOTE[3])[0];
    assert.ok(police.guidance.length > 0, 'the fixture has a practice finding with guidance');
    const guidance = NOTE.flatMap((t) => lint(t)).flatMap((f) => f.guidance);
    for (const card of cards(m.root)) {
      for (const b of card.querySelectorAll('button'))
        assert.ok(!guidance.includes(b.textContent ?? ''), `guidance as a button: ${b.textContent}`);
    }
    const replaceAll = button(cardFor(m.root, police.text), 'Replace all');
    replaceAll?.click();
    await m.pane.checker.whenIdle();
    assert.deepEqual(m.word.texts(), NOTE);
  });

  it('no refresh control where Word has no underlines (below WordApi 1.7)', async () => {
    m = await mount(NOTE, 1.6);
    assert.equal(refresh(m.root), undefined);
  });
});

describe('startWordPane (Office globals)', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Word;
  });

  it('reads the requirement sets from Office.context and runs batches through Word.run', async () => {
    const word = new FakeWord(NOTE, 1.8);
    const asked: string[] = [];
    g.Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => {
            asked.push(`${name} ${v}`);
            return word.isSetSupported(name, v);
          },
        },
      },
    });
    g.Word = { run: word.run };
    const window = new Window();
    try {
      const root = window.document.createElement('div') as unknown as HTMLElement;
      window.document.body.append(root as never);
      await startWordPane(root);
      assert.deepEqual(asked.sort(), ['WordApi 1.4', 'WordApi 1.6', 'WordApi 1.7', 'WordApi 1.8']);
      assert.equal(root.querySelectorAll('.cl-card').length, NOTE.flatMap((t) => lint(t)).length);
      assert.equal(word.annotations.length, NOTE.flatMap((t) => lint(t)).length, 'critiques inserted through Word.run');
      assert.equal(word.handlerCount('ParagraphChanged'), 1);
      await word.type(2, 'Staff felt he was calm on the ward.');
      await new Promise((r) => setTimeout(r, 0));
      // No handle on the checker here: wait for the list to catch up through the public DOM only.
      for (
        let i = 0;
        i < 50 && root.querySelectorAll('.cl-card').length !== NOTE.flatMap((t) => lint(t)).length - 1;
        i++
      )
        await new Promise((r) => setTimeout(r, 5));
      assert.equal(root.querySelectorAll('.cl-card').length, NOTE.flatMap((t) => lint(t)).length - 1);
    } finally {
      await window.happyDOM.close();
    }
  });
});
