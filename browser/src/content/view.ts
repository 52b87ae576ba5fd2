import type { Finding, SessionOptions } from '../../../shared-rules/src/index';
import { renderFindingCard } from '../../../web-ui/card';
import { FieldChecker } from './checker';
import type { Field } from './field';
import { insertAsTyping, selectSlot } from './insert';
import type { OverlayRoot } from './overlay';

/**
 * One checked field: its findings, its underlines in the overlay, and the card for the finding at the caret.
 * Keyboard (as in the demo and the Word pane): Alt+Down / Alt+Up jump between findings, Tab moves into the open card,
 * Escape closes it and returns to the text.
 */
export class FieldView {
  private readonly checker: FieldChecker;
  private readonly layer: HTMLElement;
  private findings: Finding[] = [];
  private readonly ignored = new Set<string>();
  private cardFor: Finding | null = null;
  /** Caret at which the writer pressed Escape: the card stays closed until the caret moves. */
  private dismissedAt: number | null = null;
  private readonly cleanup: Array<() => void> = [];

  constructor(
    readonly field: Field,
    private readonly overlay: OverlayRoot,
    options: SessionOptions,
    private readonly schedule: (view: FieldView, relint: boolean) => void,
    private readonly onFindings: (view: FieldView) => void,
  ) {
    this.checker = new FieldChecker(field.readText(), options);
    this.findings = this.visible(this.checker.findings());
    this.layer = overlay.layer();
    const el = field.element;
    const listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => {
      target.addEventListener(type, fn, opts);
      this.cleanup.push(() => target.removeEventListener(type, fn, opts));
    };
    listen(el, 'input', () => this.schedule(this, true));
    listen(el, 'keydown', (e) => this.onKey(e as KeyboardEvent), { capture: true });
    listen(el, 'scroll', () => this.schedule(this, false), { passive: true });
    if (!(el instanceof HTMLTextAreaElement)) {
      // rich-text editors re-render their DOM without always firing input (collaboration, undo from their toolbar)
      const mo = new MutationObserver(() => this.schedule(this, true));
      mo.observe(el, { subtree: true, childList: true, characterData: true });
      this.cleanup.push(() => mo.disconnect());
    }
    const ro = new ResizeObserver(() => this.schedule(this, false));
    ro.observe(el);
    this.cleanup.push(() => ro.disconnect());
    listen(overlay.popover, 'keydown', (e) => this.onCardKey(e as KeyboardEvent));
  }

  get current(): readonly Finding[] {
    return this.findings;
  }

  setOptions(options: SessionOptions): void {
    this.checker.setOptions(options);
    this.findings = this.visible(this.checker.findings());
    this.closeCard();
    this.onFindings(this);
  }

  private visible(all: Finding[]): Finding[] {
    return this.ignored.size === 0 ? all : all.filter((f) => !this.ignored.has(key(f)));
  }

  /** Re-read and re-lint (after an edit), then redraw. Called once per animation frame at most. */
  refresh(relint: boolean): void {
    if (!this.field.element.isConnected) return;
    if (relint) {
      const text = this.field.readText();
      if (this.checker.update(text)) {
        this.findings = this.visible(this.checker.findings());
        this.onFindings(this);
      }
    } else this.field.readText();
    this.draw();
    this.syncCard();
  }

  private draw(): void {
    const clip = this.field.clip();
    const s = this.layer.style;
    s.left = `${clip.left}px`;
    s.top = `${clip.top}px`;
    s.width = `${clip.width}px`;
    s.height = `${clip.height}px`;
    const doc = this.layer.ownerDocument;
    const parts: HTMLElement[] = [];
    if (clip.width > 0 && clip.height > 0) {
      this.field.prepare();
      this.findings.forEach((f, index) => {
        for (const r of this.field.rects(f.start, f.end)) {
          if (r.bottom < clip.top || r.top > clip.bottom || r.right < clip.left || r.left > clip.right || r.width === 0)
            continue;
          const u = doc.createElement('div');
          u.className = 'cl-underline';
          u.dataset.category = f.category;
          u.dataset.rule = f.ruleId;
          u.dataset.finding = String(index);
          u.dataset.text = f.text;
          if (this.cardFor && f.start === this.cardFor.start && f.ruleId === this.cardFor.ruleId)
            u.dataset.current = '';
          u.style.cssText = `left:${r.left - clip.left}px;top:${r.top - clip.top}px;width:${r.width}px;height:${r.height}px`;
          parts.push(u);
        }
      });
    }
    this.layer.replaceChildren(...parts);
  }

  /** Open the card when the caret sits in a finding, close it when it leaves. */
  syncCard(): void {
    if (this.overlay.hasFocus()) return;
    const doc = this.field.element.ownerDocument;
    // the writer moved on (clicked elsewhere on the page): the card goes with them
    if (doc.activeElement !== this.field.element && !this.field.element.contains(doc.activeElement)) {
      this.closeCard();
      return;
    }
    const sel = this.field.selection();
    if (!sel) return;
    if (this.dismissedAt !== null && this.dismissedAt === sel.start) return;
    this.dismissedAt = null;
    const at = this.findings.find((f) => f.start <= sel.start && sel.end <= f.end);
    if (!at) this.closeCard();
    else if (
      !this.cardFor ||
      at.start !== this.cardFor.start ||
      at.ruleId !== this.cardFor.ruleId ||
      at.text !== this.cardFor.text
    )
      this.openCard(at);
  }

  private openCard(f: Finding): void {
    this.cardFor = f;
    const doc = this.overlay.doc;
    const card = renderFindingCard(doc, f, {
      onRewrite: (finding, suggestion) => this.rewrite(finding, suggestion),
      onSelect: (finding) => {
        this.closeCard();
        this.field.select(finding.start, finding.end);
      },
      onIgnore: (finding) => this.ignore(finding),
    });
    if (f.guidance.length > 0 && !card.querySelector('.cl-card__guidance')) {
      // advice for practice (police in planned care, withholding care): read, never inserted. Shown here until the
      // shared card lays it out itself.
      const anchor = card.querySelector('.cl-card__rationale');
      for (const g of [...f.guidance].reverse()) {
        const p = doc.createElement('p');
        p.className = 'cl-card__guidance';
        p.textContent = g;
        anchor?.after(p);
      }
    }
    this.overlay.popover.replaceChildren(card);
    this.overlay.popover.hidden = false;
    this.placeCard();
    this.draw();
  }

  private placeCard(): void {
    if (!this.cardFor) return;
    this.field.prepare();
    const r = this.field.rects(this.cardFor.start, this.cardFor.end)[0];
    const view = this.overlay.doc.defaultView!;
    const pop = this.overlay.popover;
    const box = r ?? this.field.clip();
    const left = Math.max(8, Math.min(box.left, view.innerWidth - pop.offsetWidth - 8));
    const below = box.bottom + 6;
    const top =
      below + pop.offsetHeight > view.innerHeight && box.top - pop.offsetHeight - 6 > 0
        ? box.top - pop.offsetHeight - 6
        : below;
    pop.style.left = `${left}px`;
    pop.style.top = `${top}px`;
  }

  closeCard(): void {
    if (!this.cardFor) return;
    this.cardFor = null;
    this.overlay.popover.hidden = true;
    this.overlay.popover.replaceChildren();
    this.draw();
  }

  private rewrite(f: Finding, suggestion: string): void {
    this.closeCard();
    // an editor may have re-rendered (or a collaborator typed) since the card opened: lint what is there now and
    // take the same rule's finding on the same words nearest to where it was; if it is gone, insert nothing
    if (this.checker.update(this.field.readText())) this.findings = this.visible(this.checker.findings());
    const same = this.findings
      .filter((g) => g.ruleId === f.ruleId && g.text === f.text)
      .sort((a, b) => Math.abs(a.start - f.start) - Math.abs(b.start - f.start))[0];
    if (!same) return;
    const kind = same.suggestionKinds[same.suggestions.indexOf(suggestion)] ?? 'rewrite';
    if (insertAsTyping(this.field, same.start, same.end, suggestion))
      selectSlot(this.field, same.start, suggestion, kind);
    this.schedule(this, true);
  }

  private ignore(f: Finding): void {
    this.ignored.add(key(f));
    this.findings = this.visible(this.findings);
    this.closeCard();
    this.field.select(f.end, f.end);
    this.onFindings(this);
    this.draw();
  }

  /** Select the next (or previous) finding after the caret and open its card. */
  jump(direction: 1 | -1): void {
    if (this.findings.length === 0) return;
    const sel = this.field.selection() ?? { start: 0, end: 0 };
    const sorted = [...this.findings].sort((a, b) => a.start - b.start);
    const target =
      direction === 1
        ? // as in the demo: the first finding at or after the caret, unless it is the one already selected
          (sorted.find((f) => f.start >= sel.end && !(f.start === sel.start && f.end === sel.end)) ?? sorted[0])
        : ([...sorted].reverse().find((f) => f.start < sel.start) ?? sorted[sorted.length - 1]);
    this.dismissedAt = null;
    this.field.select(target.start, target.end);
    this.openCard(target);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      e.stopPropagation();
      this.jump(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Tab' && !e.shiftKey && this.cardFor) {
      const first = this.overlay.popover.querySelector<HTMLElement>('button, a[href]');
      if (first) {
        e.preventDefault();
        e.stopPropagation();
        first.focus();
      }
    } else if (e.key === 'Escape' && this.cardFor) {
      e.preventDefault();
      e.stopPropagation();
      this.dismissedAt = this.field.selection()?.start ?? null;
      this.closeCard();
    }
  }

  private onCardKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.cardFor) return;
    e.preventDefault();
    e.stopPropagation();
    const f = this.cardFor;
    this.closeCard();
    this.dismissedAt = f.end;
    this.field.select(f.end, f.end);
  }

  /** Redraw on scroll, resize and zoom, and keep the card beside its word. */
  reposition(): void {
    this.draw();
    this.placeCard();
  }

  dispose(): void {
    for (const c of this.cleanup) c();
    this.layer.remove();
    this.field.dispose();
    this.closeCard();
  }
}

const key = (f: Finding) => `${f.ruleId}\u0000${f.text.toLowerCase()}`;
