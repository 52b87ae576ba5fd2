import {
  applyEdits,
  isSlotRewrite,
  LintSession,
  planFixes,
  type Finding,
  type TextChange,
  categoryLabel,
} from '../../../shared-rules/src/index';
import { renderFindingCard } from '../../../web-ui/card';
import { shiftFindings, textChange } from './diff';
import { MarkLayer } from './overlay';
import { PauseOrMaxWait } from './schedule';

/** Typing pause before a re-lint: short enough to feel live, long enough not to flicker on every keystroke. */
const LINT_DELAY_MS = 120;
/**
 * …but while typing goes on, underlines are refreshed at least this long after the first keystroke since the last
 * refresh: at 12 keys a second that keystroke comes up to 83 ms after it, so refreshes stay within 300 ms.
 */
const LINT_MAX_WAIT_MS = 150;
/** Grace period for the pointer to travel from an underline into its card. */
const HOVER_GRACE_MS = 350;
/**
 * A large paste is checked from the top, about this much more each task (to a paragraph's end): the first underlines
 * show at once and no task holds the page for the whole note, whose first check in a fresh page is the slowest.
 */
const PASTE_SLICE_CHARS = 8_192;
/** …and the first slice is about a window's worth, so the paste's first frame comes sooner. */
const FIRST_SLICE_CHARS = 4_096;
/** Space kept between an underline and its card. */
const CARD_GAP_PX = 6;
/** A card is never squeezed below this height to fit the window (it scrolls inside instead). */
const MIN_CARD_PX = 160;

interface Anchor {
  first: DOMRect;
  last: DOMRect;
}

export interface EditorEvents {
  /** Called after every re-lint with the findings now shown. */
  onFindings(findings: readonly Finding[]): void;
  /** Something to tell screen-reader users (a polite live region). */
  announce(message: string): void;
  /** A finding was ignored; the host offers to undo it. */
  onIgnored?(finding: Finding): void;
}

type CardSource = 'hover' | 'caret';

/**
 * A textarea with the engine's findings drawn as underlines on a transparent layer above it. The textarea keeps
 * native typing, undo, paste (always plain text) and accessibility; the layer only draws. Each edit goes to the
 * engine's LintSession as a TextChange (it re-lints only the paragraphs touched), and the layer redraws only the
 * lines whose text or underlines changed, so a keystroke's cost follows the edit, not the length of the note.
 */
export class DemoEditor {
  readonly textarea: HTMLTextAreaElement;
  private readonly wrapper: HTMLElement;
  private readonly marks: MarkLayer;
  private readonly popover: HTMLElement;
  private readonly session = new LintSession('', { format: 'plaintext' });
  /** Edits the session has not seen yet, in order (each in the coordinates left by the one before). */
  private pending: TextChange[] = [];
  /** What the layer shows: the session's findings, shifted across edits not yet linted. */
  private shown: Finding[] = [];
  /** The text `shown` belongs to. */
  private shownText = '';
  private readonly ignored = new Set<string>();
  /** The last Ignore, undoable while the text is as it was then. */
  private lastIgnore: { key: string; text: string; finding: Finding } | null = null;
  private readonly lint = new PauseOrMaxWait(() => this.lintNow(), LINT_DELAY_MS, LINT_MAX_WAIT_MS);
  private frame: number | undefined;
  /** While a large paste is being checked from the top: the next slice's task (the session then holds a prefix). */
  private filling: ReturnType<typeof setTimeout> | undefined;
  /** The selection when the edit now arriving began (see textChange). */
  private editNear: { start: number; end: number } | undefined;
  /** Re-lints so far, shown as data-lints on the editor so tests and the bench can see each refresh. */
  private lints = 0;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private card: { finding: Finding; source: CardSource } | null = null;
  /** Selection at which the writer pressed Escape: the card stays closed until the caret moves. */
  private dismissed: string | null = null;

  constructor(
    private readonly doc: Document,
    parent: HTMLElement,
    private readonly events: EditorEvents,
  ) {
    this.wrapper = el(doc, 'div', 'cl-editor');
    const label = el(doc, 'label', 'cl-editor__label', 'Note (type or paste; nothing leaves this page)');
    label.htmlFor = 'cl-note';
    this.textarea = doc.createElement('textarea');
    this.textarea.id = 'cl-note';
    this.textarea.className = 'cl-editor__input';
    this.textarea.spellcheck = false;
    this.textarea.rows = 10;
    this.textarea.setAttribute('aria-describedby', 'cl-editor-help');
    const layer = el(doc, 'div', 'cl-editor__layer');
    layer.setAttribute('aria-hidden', 'true');
    this.marks = new MarkLayer(layer);
    this.popover = el(doc, 'div', 'cl-popover');
    this.popover.id = 'cl-popover';
    this.popover.setAttribute('role', 'group');
    this.popover.setAttribute('aria-label', 'Finding');
    this.popover.hidden = true;
    const help = el(
      doc,
      'p',
      'cl-help',
      'Underlined words have a suggestion. Move the cursor into one (or press Alt+Down / Alt+Up to jump between them) to see why; Tab reaches the rewrite buttons; Escape closes the card.',
    );
    help.id = 'cl-editor-help';
    const field = el(doc, 'div', 'cl-editor__field');
    field.append(this.textarea, layer);
    this.wrapper.append(label, field, this.popover, help);
    parent.append(this.wrapper);

    // where the next edit begins, so finding what it changed in a long note compares little of it
    this.textarea.addEventListener('beforeinput', () => {
      this.editNear = { start: this.textarea.selectionStart, end: this.textarea.selectionEnd };
    });
    this.textarea.addEventListener('input', (e) => this.onInput(e as InputEvent));
    this.textarea.addEventListener('keydown', (e) => this.onKey(e));
    this.textarea.addEventListener('keyup', () => this.onCaret());
    this.textarea.addEventListener('click', () => this.onCaret());
    this.textarea.addEventListener('focus', () => this.onCaret());
    doc.addEventListener('selectionchange', () => {
      if (doc.activeElement === this.textarea) this.onCaret();
    });
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.dismiss();
        this.textarea.focus();
      }
    });
    field.addEventListener('mousemove', (e) => this.onPointer(e.clientX, e.clientY));
    field.addEventListener('mouseleave', () => this.scheduleHoverClose());
    this.popover.addEventListener('mouseenter', () => clearTimeout(this.hoverTimer));
    this.popover.addEventListener('mouseleave', () => this.scheduleHoverClose());
    this.wrapper.addEventListener('focusout', (e) => {
      if (!this.wrapper.contains(e.relatedTarget as Node | null)) this.closeCard();
    });
  }

  get text(): string {
    return this.textarea.value;
  }

  get findings(): readonly Finding[] {
    return this.shown;
  }

  /** Replace the whole text as one undoable edit (Ctrl+Z brings the old text back). */
  replaceAllText(text: string): void {
    this.textarea.focus();
    this.textarea.select();
    this.insert(text);
    this.textarea.setSelectionRange(0, 0);
    this.textarea.scrollIntoView?.({ block: 'nearest' });
    this.lintNow();
  }

  /** Select a finding's words in the textarea. */
  select(finding: Finding): void {
    const current = this.current(finding);
    if (!current) return;
    this.textarea.focus();
    this.textarea.setSelectionRange(current.start, current.end);
    this.showCard(current, 'caret');
  }

  /**
   * Replace one finding's words with the suggestion the writer chose, touching nothing else. A prompt's
   * [bracketed] part is left selected, so the next keystroke replaces it with the writer's facts.
   */
  rewrite(finding: Finding, suggestion: string): void {
    const current = this.current(finding);
    if (!current) {
      this.events.announce('That wording has changed since it was checked; nothing was replaced.');
      return;
    }
    this.textarea.focus();
    this.textarea.setSelectionRange(current.start, current.end);
    this.insert(suggestion);
    const slot = isSlotRewrite(suggestion) ? /\[[^\]]*\]/.exec(suggestion) : null;
    if (slot) this.textarea.setSelectionRange(current.start + slot.index, current.start + slot.index + slot[0].length);
    else this.textarea.setSelectionRange(current.start + suggestion.length, current.start + suggestion.length);
    this.closeCard();
    this.lintNow();
  }

  /** Apply every finding of this rule's automatic rewrite (never a prompt), as one undoable edit. */
  replaceRule(finding: Finding): void {
    this.lintNow();
    const text = this.text;
    // the engine's one fix plan: automatic rewrites only, never a prompt or guidance, none overlapping
    const { edits } = planFixes(
      text,
      this.shown.filter((f) => f.ruleId === finding.ruleId),
      { format: 'plaintext' },
    );
    if (edits.length === 0) {
      this.events.announce('This finding has no rewrite that can be applied everywhere; choose one in each card.');
      return;
    }
    const caret = this.textarea.selectionStart;
    const next = applyEdits(text, edits);
    this.textarea.focus();
    this.textarea.select();
    this.insert(next);
    const at = Math.min(caret, next.length);
    this.textarea.setSelectionRange(at, at);
    this.closeCard();
    this.lintNow();
    this.events.announce(
      `Replaced ${edits.length} ${edits.length === 1 ? 'finding' : 'findings'} of this kind. Ctrl+Z undoes it.`,
    );
  }

  /** Hide this wording for this rule for the rest of the session (undoable: see undoIgnore). */
  ignore(finding: Finding): void {
    const key = ignoreKey(finding);
    this.ignored.add(key);
    this.closeCard();
    this.lintNow();
    this.lastIgnore = { key, text: this.text, finding };
    this.textarea.focus();
    this.events.announce(`Ignoring "${finding.text}" for this session.`);
    this.events.onIgnored?.(finding);
  }

  /** Whether the last Ignore can still be undone (nothing typed since). */
  get canUndoIgnore(): boolean {
    return this.lastIgnore !== null && this.lastIgnore.text === this.text;
  }

  /** Show the last ignored finding again. Returns false when there is nothing to undo. */
  undoIgnore(): boolean {
    const last = this.lastIgnore;
    if (!last || !this.canUndoIgnore) return false;
    this.lastIgnore = null;
    this.ignored.delete(last.key);
    this.lintNow();
    this.events.announce(`Showing "${last.finding.text}" again.`);
    return true;
  }

  /** Re-lint now (normally this waits for a pause in typing, or the maximum wait). */
  lintNow(): void {
    this.lint.cancel();
    // the textarea builds a new string on every read of its value: read it once
    const text = this.text;
    this.catchUp(text);
    if (this.filling !== undefined) {
      // the session holds only the top of a paste: the rest is checked now, re-using what was checked
      clearTimeout(this.filling);
      this.filling = undefined;
      this.wrapper.removeAttribute('data-checking');
      this.pending = [];
      this.session.setText(text);
    } else if (this.pending.length > 0) {
      this.session.update(this.pending);
      this.pending = [];
    }
    if (this.session.length !== text.length) this.session.setText(text); // never show another text's findings
    this.show(text);
  }

  /** Check a pasted note from the top, a slice a task; an edit meanwhile checks the rest at once (lintNow). */
  private lintFromTop(): void {
    this.lint.cancel();
    clearTimeout(this.filling);
    this.filling = undefined;
    const text = this.text;
    this.catchUp(text);
    this.pending = [];
    const step = (from: number) => {
      const cut = sliceEnd(text, from + (from === 0 ? FIRST_SLICE_CHARS : PASTE_SLICE_CHARS));
      if (from === 0) this.session.setText(text.slice(0, cut));
      else this.session.update({ start: from, end: from, text: text.slice(from, cut) });
      // scheduled before drawing, so the layer's own continuation finds the next slice's underlines ready
      this.filling =
        cut < text.length
          ? setTimeout(() => {
              // typed into meanwhile: lintNow checks the rest at once (and knows the session holds only the top)
              if (this.pending.length > 0 || this.shownText !== this.text) this.lintNow();
              else step(cut);
            }, 0)
          : undefined;
      // busy until the whole paste is checked (the bench and tests wait on it; the counts are partial until then)
      this.wrapper.toggleAttribute('data-checking', this.filling !== undefined);
      this.show(text);
    };
    step(0);
  }

  /** Show the session's findings for `text` (minus ignored ones) and tell the page. */
  private show(text: string): void {
    const all = this.session.findings();
    this.shown = this.ignored.size === 0 ? all : all.filter((f) => !this.ignored.has(ignoreKey(f)));
    this.drawNow(text);
    this.wrapper.dataset.lints = String(++this.lints);
    this.events.onFindings(this.shown);
    this.onCaret();
  }

  private onInput(e?: InputEvent): void {
    this.catchUp(this.text);
    // a paste or drop is one finished action: check it at once (typing waits for a pause, or the maximum wait)
    if (e?.inputType === 'insertFromPaste' || e?.inputType === 'insertFromDrop') {
      if (this.text.length > PASTE_SLICE_CHARS) this.lintFromTop();
      else this.lintNow();
      return;
    }
    this.drawSoon();
    this.lint.poke();
  }

  /** Bring `shown` up to the textarea's text: record the edit for the session, move underlines across it. */
  private catchUp(text: string): void {
    const near = this.editNear;
    this.editNear = undefined;
    const change = textChange(this.shownText, text, near);
    if (!change) return;
    this.pending.push(change);
    this.shown = shiftFindings(this.shown, change);
    this.shownText = text;
  }

  /** execCommand keeps the edit on the textarea's undo stack; setRangeText is the fallback where it is gone. */
  private insert(text: string): void {
    if (!this.doc.execCommand('insertText', false, text)) {
      const { selectionStart, selectionEnd } = this.textarea;
      this.textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
      this.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** Several keystrokes in one frame draw once, just before that frame paints. */
  private drawSoon(): void {
    const view = this.doc.defaultView;
    if (!view || this.frame !== undefined) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = undefined;
      // shownText is the textarea's text as of the last input event, which is what `shown` belongs to
      this.marks.render(this.shownText, this.shown);
    });
  }

  private drawNow(text: string): void {
    if (this.frame !== undefined) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.marks.render(text, this.shown);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      this.lintNow();
      const caret = this.textarea.selectionEnd;
      const from = this.textarea.selectionStart;
      const target =
        e.key === 'ArrowDown'
          ? (this.shown.find((f) => f.start >= caret && !(f.start === from && f.end === caret)) ?? this.shown[0])
          : ([...this.shown].reverse().find((f) => f.end <= from) ?? this.shown[this.shown.length - 1]);
      if (!target) {
        this.events.announce('No findings.');
        return;
      }
      this.dismissed = null;
      this.textarea.setSelectionRange(target.start, target.end);
      this.showCard(target, 'caret');
    } else if (e.key === 'Escape' && this.card) {
      e.preventDefault();
      this.dismiss();
    }
  }

  private dismiss(): void {
    this.dismissed = `${this.textarea.selectionStart}:${this.textarea.selectionEnd}`;
    this.closeCard();
  }

  private onCaret(): void {
    if (this.doc.activeElement !== this.textarea) return;
    const { selectionStart: a, selectionEnd: b } = this.textarea;
    if (this.dismissed === `${a}:${b}`) return;
    this.dismissed = null;
    const hit = this.shown.find((f) => (a === b ? f.start <= a && a <= f.end : f.start <= a && b <= f.end));
    if (hit) {
      // a re-lint returns new objects for the same findings: redraw the card only for a different one
      if (!this.card || !sameFinding(this.card.finding, hit)) this.showCard(hit, 'caret');
    } else if (this.card?.source === 'caret') this.closeCard();
  }

  /** Only the line under the pointer is searched for an underline, whatever the length of the note. */
  private onPointer(x: number, y: number): void {
    const line = this.marks.lineAtY(y);
    for (const mark of line?.querySelectorAll<HTMLElement>('mark') ?? []) {
      for (const rect of mark.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 2) {
          clearTimeout(this.hoverTimer);
          const at = this.marks.offsetOf(mark);
          const finding = this.shown.find((f) => f.start <= at && at < f.end);
          if (finding && !(this.card && sameFinding(this.card.finding, finding))) this.showCard(finding, 'hover', rect);
          return;
        }
      }
    }
    if (this.card?.source === 'hover') this.scheduleHoverClose();
  }

  private scheduleHoverClose(): void {
    if (this.card?.source !== 'hover') return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      if (
        this.card?.source === 'hover' &&
        !this.popover.matches(':hover') &&
        !this.popover.contains(this.doc.activeElement)
      )
        this.closeCard();
    }, HOVER_GRACE_MS);
  }

  private showCard(finding: Finding, source: CardSource, anchor?: DOMRect): void {
    const card = renderFindingCard(this.doc, finding, {
      onRewrite: (f, s) => this.rewrite(f, s),
      onIgnore: (f) => this.ignore(f),
      onReplaceAll: (f) => this.replaceRule(f),
    });
    this.popover.replaceChildren(card);
    this.popover.hidden = false;
    this.card = { finding, source };
    this.place(anchor ? { first: anchor, last: anchor } : this.anchorFor(finding));
    if (source === 'caret')
      this.events.announce(
        `${categoryLabel(finding.category)}: "${finding.text}". ${finding.message} Press Tab for rewrites.`,
      );
  }

  /** The first and last line boxes of a finding's underline (a phrase can wrap onto a second line). */
  private anchorFor(finding: Finding): Anchor | undefined {
    const line = this.marks.lineAt(finding.start);
    for (const mark of line?.querySelectorAll('mark') ?? []) {
      const at = this.marks.offsetOf(mark);
      if (at <= finding.start && finding.start < at + (mark.textContent?.length ?? 0)) {
        const rects = mark.getClientRects();
        if (rects.length > 0) return { first: rects[0], last: rects[rects.length - 1] };
      }
    }
    return undefined;
  }

  /**
   * Put the card just under the underline, inside the editor's width; above it when it does not fit below in the
   * window but does above, so it never covers the words it explains and never opens off screen. When it fits on
   * neither side it takes the roomier one and scrolls inside.
   */
  private place(anchor: Anchor | undefined): void {
    const box = this.wrapper.getBoundingClientRect();
    const field = this.textarea.getBoundingClientRect();
    const viewport = this.doc.defaultView?.innerHeight ?? 800;
    this.popover.style.maxHeight = '';
    const height = this.popover.offsetHeight;
    const below = anchor ? anchor.last.bottom + CARD_GAP_PX : field.bottom + CARD_GAP_PX;
    const roomBelow = viewport - below - CARD_GAP_PX;
    const roomAbove = anchor ? anchor.first.top - 2 * CARD_GAP_PX : 0;
    const up = anchor !== undefined && height > roomBelow && (height <= roomAbove || roomAbove > roomBelow);
    const room = up ? roomAbove : roomBelow;
    if (height > room && room >= MIN_CARD_PX) this.popover.style.maxHeight = `${Math.floor(room)}px`;
    const shown = Math.min(height, Math.max(room, MIN_CARD_PX));
    const top = (up ? anchor!.first.top - CARD_GAP_PX - shown : below) - box.top;
    const width = Math.min(this.popover.offsetWidth || 360, box.width);
    const leftEdge = anchor ? (up ? anchor.first.left : anchor.last.left) : box.left;
    const left = Math.max(0, Math.min(leftEdge - box.left, box.width - width));
    this.popover.dataset.placement = up ? 'above' : 'below';
    this.popover.style.top = `${Math.round(top)}px`;
    this.popover.style.left = `${Math.round(left)}px`;
  }

  private closeCard(): void {
    clearTimeout(this.hoverTimer);
    this.card = null;
    this.popover.hidden = true;
    this.popover.replaceChildren();
  }

  /** The finding as it stands now, if its words are still where they were; re-lints first if edits are pending. */
  private current(finding: Finding): Finding | null {
    if (this.lint.pending || this.filling !== undefined || this.pending.length > 0 || this.shownText !== this.text)
      this.lintNow();
    return (
      this.shown.find(
        (f) =>
          f.ruleId === finding.ruleId &&
          f.start === finding.start &&
          f.end === finding.end &&
          this.text.slice(f.start, f.end) === finding.text,
      ) ?? null
    );
  }
}

/** Where a slice of a paste checked on its own should end: the paragraph end at or after `at` (phrases never cross a
 * blank line), or the line end when the paragraph runs on; the text's end when that is near. */
function sliceEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const paragraph = text.indexOf('\n\n', at);
  if (paragraph >= 0 && paragraph - at < PASTE_SLICE_CHARS) return paragraph + 2;
  const line = text.indexOf('\n', at);
  return line < 0 ? text.length : line + 1;
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.start === b.start && a.end === b.end;
}

function ignoreKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.text.toLowerCase()}`;
}

function el(doc: Document, tag: string, className: string, text?: string): HTMLElement & HTMLLabelElement {
  const node = doc.createElement(tag) as HTMLElement & HTMLLabelElement;
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
