import { DemoEditor } from './editor';
import { SAMPLE_NOTES } from './samples';
import { ExplainAll, renderCounts } from './summary';
import { warmUpEngine } from './warm-up';

/** The live demo: a note editor with underlines and cards, sample notes, counts and an "explain all" view. */
export function startDemo(root: HTMLElement): DemoEditor {
  const doc = root.ownerDocument;
  const make = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className: string,
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const header = make('header', 'cl-demo__header');
  header.append(
    make('h1', 'cl-demo__title', 'CareLint live demo'),
    make(
      'p',
      'cl-demo__lede',
      'Type or paste a note and see wording that may be experienced as coercive, punitive or stigmatising underlined as you type, with the reason, the guidance behind it and kinder rewrites. Everything runs in this page; nothing is sent anywhere.',
    ),
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

  // After an Ignore: what was hidden, and a way back (Ctrl+Z does the same while the note is unchanged).
  const toast = make('div', 'cl-toast');
  toast.hidden = true;
  const toastText = make('span', 'cl-toast__text');
  const undo = make('button', 'cl-button cl-toast__undo', 'Undo');
  undo.type = 'button';
  undo.id = 'cl-undo-ignore';
  toast.append(toastText, undo);

  root.append(header, toolbar, layout, explain, toast, status);

  const editor: DemoEditor = new DemoEditor(doc, editorColumn, {
    onFindings(findings) {
      renderCounts(counts, findings);
      explainAll.update(findings);
      if (!toast.hidden && !editor.canUndoIgnore) toast.hidden = true;
    },
    announce(message) {
      status.textContent = message;
    },
    onIgnored(finding) {
      toastText.textContent = `Ignored "${finding.text}" for this session.`;
      toast.hidden = false;
    },
  });
  const explainAll = new ExplainAll(explain, {
    onSelect: (f) => editor.select(f),
    onRewrite: (f, s) => editor.rewrite(f, s),
    onIgnore: (f) => editor.ignore(f),
    onReplaceAll: (f) => editor.replaceRule(f),
  });
  const undoIgnore = () => {
    const done = editor.undoIgnore();
    toast.hidden = true;
    return done;
  };
  undo.addEventListener('click', () => {
    undoIgnore();
    editor.textarea.focus();
  });
  root.addEventListener('keydown', (e) => {
    // Ctrl+Z right after an Ignore brings the finding back; once the note has changed it is the note's own undo.
    if (
      (e.ctrlKey || e.metaKey) &&
      !e.shiftKey &&
      !e.altKey &&
      e.key.toLowerCase() === 'z' &&
      editor.canUndoIgnore &&
      undoIgnore()
    )
      e.preventDefault();
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
    if (open) explainAll.update(editor.findings);
  });

  editor.lintNow();
  const view = doc.defaultView;
  if (view) {
    const warmUp = warmUpEngine(view, SAMPLE_NOTES.map((s) => s.text).join('\n\n'));
    // checking a long note of the writer's own warms the engine as well, and needs the idle time more
    const stopOnLongNote = () => {
      if (editor.textarea.textLength < 4096) return;
      warmUp.stop();
      editor.textarea.removeEventListener('input', stopOnLongNote);
    };
    editor.textarea.addEventListener('input', stopOnLongNote);
  }
  return editor;
}
