import type { Finding } from '../../../shared-rules/src/index';
import { DemoEditor } from './editor';
import { SAMPLE_NOTES } from './samples';
import { renderCounts, renderExplainAll } from './summary';

/** The live demo: a note editor with underlines and cards, sample notes, counts and an "explain all" view. */
export function startDemo(root: HTMLElement): DemoEditor {
  const doc = root.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const header = make('header', 'cl-demo__header');
  header.append(
    make('h1', 'cl-demo__title', 'CareLint live demo'),
    make('p', 'cl-demo__lede', 'Type or paste a note and see wording that may be experienced as coercive, punitive or stigmatising underlined as you type, with the reason, the guidance behind it and kinder rewrites. Everything runs in this page; nothing is sent anywhere.'),
  );

  const toolbar = make('div', 'cl-toolbar');
  const pickLabel = make('label', 'cl-toolbar__label', 'Sample note');
  pickLabel.htmlFor = 'cl-sample';
  const picker = make('select', 'cl-toolbar__select');
  picker.id = 'cl-sample';
  for (const sample of SAMPLE_NOTES) {
    const option = make('option', '', sample.title);
    option.value = sample.id;
    picker.append(option);
  }
  const load = make('button', 'cl-button', 'Load sample');
  load.type = 'button';
  load.id = 'cl-load';
  load.title = 'Replaces the note; Ctrl+Z in the note brings your text back';
  toolbar.append(pickLabel, picker, load);

  const layout = make('div', 'cl-demo__layout');
  const editorColumn = make('section', 'cl-demo__editor');
  editorColumn.setAttribute('aria-label', 'Editor');
  const side = make('aside', 'cl-demo__side');
  side.setAttribute('aria-labelledby', 'cl-counts-heading');
  const countsHeading = make('h2', 'cl-side__heading', 'Findings by category');
  countsHeading.id = 'cl-counts-heading';
  const counts = make('ul', 'cl-counts');
  counts.id = 'cl-counts';
  const explainToggle = make('button', 'cl-button', 'Explain all');
  explainToggle.type = 'button';
  explainToggle.id = 'cl-explain-toggle';
  explainToggle.setAttribute('aria-expanded', 'false');
  explainToggle.setAttribute('aria-controls', 'cl-explain');
  side.append(countsHeading, counts, explainToggle);
  layout.append(editorColumn, side);

  const explain = make('section', 'cl-explain');
  explain.id = 'cl-explain';
  explain.setAttribute('aria-label', 'Every finding explained');
  explain.hidden = true;

  const status = make('p', 'cl-visually-hidden');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  root.append(header, toolbar, layout, explain, status);

  let latest: readonly Finding[] = [];
  const editor: DemoEditor = new DemoEditor(doc, editorColumn, {
    onFindings(findings) {
      latest = findings;
      renderCounts(counts, findings);
      if (!explain.hidden) drawExplain();
    },
    announce(message) {
      status.textContent = message;
    },
  });
  const drawExplain = () => renderExplainAll(explain, latest, {
    onSelect: (f) => editor.select(f),
    onRewrite: (f, s) => editor.rewrite(f, s),
    onIgnore: (f) => editor.ignore(f),
    onReplaceAll: (f) => editor.replaceRule(f),
  });

  load.addEventListener('click', () => {
    const sample = SAMPLE_NOTES.find((s) => s.id === picker.value);
    if (sample) editor.replaceAllText(sample.text);
  });
  explainToggle.addEventListener('click', () => {
    const open = explain.hidden;
    explain.hidden = !open;
    explainToggle.setAttribute('aria-expanded', String(open));
    explainToggle.textContent = open ? 'Hide explanations' : 'Explain all';
    if (open) drawExplain();
  });

  editor.lintNow();
  return editor;
}
