import { applyFixes, LintSession, type Finding } from '../../../shared-rules/src/index';
import { renderFindingCard } from '../ui/card';
import { CATEGORY_LABELS } from '../ui/categories';
import { shiftFindings, textChange } from './diff';
import { renderMarks } from './overlay';

/** Typing pause before a re-lint: short enough to feel live, long enough not to lint every keystroke. */
const LINT_DELAY_MS = 120;
/** Grace period for the pointer to travel from an underline into its card. */
const HOVER_GRACE_MS = 350;

export interface EditorEvents {
  /** Called after every re-lint with the findings now shown. */
  onFindings(findings: readonly Finding[]): void;
  /** Something to tell screen-reader users (a polite live region). */
  announce(message: string): void;
}

type CardSource = 'hover' | 'caret';

/**
 * A textarea with the engine's findings drawn as underlines on a transparent layer above it. The textarea keeps
 * native typing, undo, paste (always plain text) and accessibility; the layer only draws.
 */
export class DemoEditor {
  readonly textarea: HTMLTextAreaElement;
  private readonly wrapper: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly popover: HTMLElement;
  private readonly session = new LintSession('', { format: 'plaintext' });
  /** What the layer shows: the session's findings, shifted across edits not yet linted. */
  private shown: Finding[] = [];
  /** The text `shown` belongs to. */
  private shownText = '';
  private readonly ignored = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private card: { finding: Finding; source: CardSource } | null = null;
  /** Selection at which the writer pressed Escape: the card stays closed until the caret moves. */
  private dismissed: string | null = null;

  constructor(private readonly doc: Document, parent: HTMLElement, private readonly events: EditorEvents) {
    this.wrapper = el(doc, 'div', 'cl-editor');
    const label = el(doc, 'label', 'cl-editor__label', 'Note (type or paste; nothing leaves this page)');
    label.htmlFor = 'cl-note';
    this.textarea = doc.createElement('textarea');
    this.textarea.id = 'cl-note';
    this.textarea.className = 'cl-editor__input';
    this.textarea.spellcheck = false;
    this.textarea.setAttribute('aria-describedby', 'cl-editor-help');
    this.layer = el(doc, 'div', 'cl-editor__layer');
    this.layer.setAttribute('aria-hidden', 'true');
    this.popover = el(doc, 'div', 'cl-popover');
    this.popover.id = 'cl-popover';
    this.popover.setAttribute('role', 'group');
    this.popover.setAttribute('aria-label', 'Finding');
    this.popover.hidden = true;
    const help = el(doc, 'p', 'cl-help',
      'Underlined words have a suggestion. Move the cursor into one (or press Alt+Down / Alt+Up to jump between them) to see why; Tab reaches the rewrite buttons; Escape closes the card.');
    help.id = 'cl-editor-help';
    const field = el(doc, 'div', 'cl-editor__field');
    field.append(this.textarea, this.layer);
    this.wrapper.append(label, field, this.popover, help);
    parent.append(this.wrapper);

    this.textarea.addEventListener('input', (e) => this.onInput(e as InputEvent));
    this.textarea.addEventListener('keydown', (e) => this.onKey(e));
    this.textarea.addEventListener('keyup', () => this.onCaret());
    this.textarea.addEventListener('click', () => this.onCaret());
    this.textarea.addEventListener('focus', () => this.onCaret());
    doc.addEventListener('selectionchange', () => { if (doc.activeElement === this.textarea) this.onCaret(); });
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); this.dismiss(); this.textarea.focus(); }
    });
    field.addEventListener('mousemove', (e) => this.onPointer(e.clientX, e.clientY));
    field.addEventListener('mouseleave', () => this.scheduleHoverClose());
    this.popover.addEventListener('mouseenter', () => clearTimeout(this.hoverTimer));
    this.popover.addEventListener('mouseleave', () => this.scheduleHoverClose());
    this.wrapper.addEventListener('focusout', (e) => {
      if (!this.wrapper.contains(e.relatedTarget as Node | null)) this.closeCard();
    });
    doc.defaultView?.addEventListener('resize', () => this.fit());
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
    this.textarea.scrollTop = 0;
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

  /** Replace one finding's words with a rewrite, touching nothing else. */
  rewrite(finding: Finding, suggestion: string): void {
    const current = this.current(finding);
    if (!current) {
      this.events.announce('That wording has changed since it was checked; nothing was replaced.');
      return;
    }
    this.textarea.focus();
    this.textarea.setSelectionRange(current.start, current.end);
    this.insert(suggestion);
    // A slot rewrite asks for facts: leave its [bracketed] part selected so typing fills it in.
    const slot = /\[[^\]]*\]/.exec(suggestion);
    if (slot) this.textarea.setSelectionRange(current.start + slot.index, current.start + slot.index + slot[0].length);
    else this.textarea.setSelectionRange(current.start + suggestion.length, current.start + suggestion.length);
    this.closeCard();
    this.lintNow();
    this.events.announce(`Replaced "${current.text}" with "${suggestion}".`);
  }

  /** Apply each finding of this rule's first rewrite, as one undoable edit. */
  replaceRule(finding: Finding): void {
    this.lintNow();
    const same = this.shown.filter((f) => f.ruleId === finding.ruleId && f.suggestions.length > 0);
    if (same.length === 0) return;
    const caret = this.textarea.selectionStart;
    const next = applyFixes(this.text, same);
    this.textarea.focus();
    this.textarea.select();
    this.insert(next);
    const at = Math.min(caret, next.length);
    this.textarea.setSelectionRange(at, at);
    this.closeCard();
    this.lintNow();
    this.events.announce(`Replaced ${same.length} ${same.length === 1 ? 'finding' : 'findings'} of this kind.`);
  }

  /** Hide this wording for this rule for the rest of the session. */
  ignore(finding: Finding): void {
    this.ignored.add(ignoreKey(finding));
    this.closeCard();
    this.lintNow();
    this.textarea.focus();
    this.events.announce(`Ignoring "${finding.text}" for this session.`);
  }

  /** Re-lint now (normally this waits for a pause in typing). */
  lintNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const change = textChange(this.session.text, this.text);
    if (change) this.session.update(change);
    this.shown = this.session.findings().filter((f) => !this.ignored.has(ignoreKey(f)));
    this.shownText = this.text;
    this.draw();
    this.events.onFindings(this.shown);
    this.onCaret();
  }

  private onInput(e?: InputEvent): void {
    clearTimeout(this.timer);
    // a paste or drop is one finished action: check it at once (typing waits for a pause instead)
    if (e?.inputType === 'insertFromPaste' || e?.inputType === 'insertFromDrop') {
      this.lintNow();
      return;
    }
    const change = textChange(this.shownText, this.text);
    if (change) {
      this.shown = shiftFindings(this.shown, change);
      this.shownText = this.text;
    }
    this.draw();
    this.timer = setTimeout(() => this.lintNow(), LINT_DELAY_MS);
  }

  /** execCommand keeps the edit on the textarea's undo stack; setRangeText is the fallback where it is gone. */
  private insert(text: string): void {
    if (!this.doc.execCommand('insertText', false, text)) {
      const { selectionStart, selectionEnd } = this.textarea;
      this.textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
      this.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  private draw(): void {
    renderMarks(this.layer, this.text, this.shown);
    this.fit();
  }

  /** Grow the textarea with its text so the page scrolls, not the textarea (the layer then never drifts). */
  private fit(): void {
    this.textarea.style.height = 'auto';
    this.textarea.style.height = `${this.textarea.scrollHeight + 2}px`;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      this.lintNow();
      const caret = this.textarea.selectionEnd;
      const from = this.textarea.selectionStart;
      const target = e.key === 'ArrowDown'
        ? this.shown.find((f) => f.start >= caret && !(f.start === from && f.end === caret)) ?? this.shown[0]
        : [...this.shown].reverse().find((f) => f.end <= from) ?? this.shown[this.shown.length - 1];
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
      if (this.card?.finding !== hit) this.showCard(hit, 'caret');
    } else if (this.card?.source === 'caret') this.closeCard();
  }

  private onPointer(x: number, y: number): void {
    for (const mark of this.layer.querySelectorAll<HTMLElement>('mark')) {
      for (const rect of mark.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 2) {
          clearTimeout(this.hoverTimer);
          const finding = this.shown[Number(mark.dataset.findings?.split(' ')[0])];
          if (finding && this.card?.finding !== finding) this.showCard(finding, 'hover', rect);
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
      if (this.card?.source === 'hover' && !this.popover.matches(':hover') && !this.popover.contains(this.doc.activeElement)) this.closeCard();
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
    this.place(anchor ?? this.anchorFor(finding));
    if (source === 'caret') this.events.announce(`${CATEGORY_LABELS[finding.category]}: "${finding.text}". ${finding.message} Press Tab for rewrites.`);
  }

  private anchorFor(finding: Finding): DOMRect | undefined {
    const index = this.shown.indexOf(finding);
    const mark = [...this.layer.querySelectorAll<HTMLElement>('mark')].find((m) => m.dataset.findings?.split(' ').includes(String(index)));
    const rects = mark?.getClientRects();
    return rects && rects.length > 0 ? rects[rects.length - 1] : undefined;
  }

  /** Put the card just under the underline, inside the editor's width. */
  private place(anchor: DOMRect | undefined): void {
    const box = this.wrapper.getBoundingClientRect();
    const field = this.textarea.getBoundingClientRect();
    const top = anchor ? anchor.bottom - box.top + 6 : field.bottom - box.top + 6;
    const width = Math.min(this.popover.offsetWidth || 360, box.width);
    const left = anchor ? Math.max(0, Math.min(anchor.left - box.left, box.width - width)) : 0;
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
    if (this.timer !== undefined || this.shownText !== this.text) this.lintNow();
    return this.shown.find((f) => f.ruleId === finding.ruleId && f.start === finding.start && f.end === finding.end && this.text.slice(f.start, f.end) === finding.text)
      ?? null;
  }
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
