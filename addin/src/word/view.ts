// The Word task pane: status, settings, and the findings grouped by category, each as the shared finding card.
// Every text from the document or the rules is set with textContent (through the card), never as markup.
import { renderFindingCard } from '../../../web-ui/card';
import type { Capabilities } from './capabilities';
import type { CheckerView } from './checker';
import { groupByCategory } from './list-model';
import { locatedId, type Located } from './located';
import type { PaneSettings } from './settings';
import { WORD_PANE_CSS } from './styles';

export interface PaneActions {
  select(item: Located): void;
  rewrite(item: Located, suggestion: string): void;
  ignore(item: Located): void;
  replaceAll(item: Located): void;
  refreshUnderlines(): void;
  settingsChanged(settings: PaneSettings): void;
}

/** Characters of the paragraph shown either side of a finding, so a listed finding can be told from its twins. */
const CONTEXT_CHARS = 40;

export class WordPaneView implements CheckerView {
  private doc: Document;
  private statusEl: HTMLElement;
  private countEl: HTMLElement;
  private listEl: HTMLElement;
  private problemsEl: HTMLElement;
  private track: HTMLInputElement;
  private config: HTMLTextAreaElement;
  private modeEl: HTMLElement;
  private refreshEl: HTMLButtonElement | null = null;

  constructor(
    root: HTMLElement,
    private actions: PaneActions,
    settings: PaneSettings,
    caps: Capabilities,
  ) {
    this.doc = root.ownerDocument;
    this.addStyles();
    const el = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      props: Partial<Record<string, string>> = {},
      text?: string,
    ) => {
      const node = this.doc.createElement(tag);
      for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
      if (text !== undefined) node.textContent = text;
      return node;
    };

    const pane = el('div', { class: 'clw' });
    const head = el('header', { class: 'clw-head' });
    this.modeEl = el(
      'p',
      { class: 'clw-mode' },
      caps.annotations
        ? 'Underlines show in the document; click or hover one to see it here. Every finding is also listed below.'
        : 'Findings are listed below. Select shows each one in the document.',
    );
    head.append(el('h1', { class: 'clw-title' }, 'CareLint'), this.modeEl);
    if (caps.annotations) {
      // Word may not draw critiques when the pane was opened from the ribbon (office-js#6595): a way to ask again.
      this.refreshEl = el(
        'button',
        { type: 'button', class: 'cl-button clw-refresh', title: 'Draw the underlines in the document again' },
        'Refresh underlines',
      ) as HTMLButtonElement;
      this.refreshEl.addEventListener('click', () => this.actions.refreshUnderlines());
      head.append(this.refreshEl);
    }
    this.statusEl = el('p', { class: 'clw-status', role: 'status', 'aria-live': 'polite' });

    const settingsBox = el('details', { class: 'clw-settings' });
    settingsBox.append(el('summary', {}, 'Settings'));
    const trackLabel = el('label', { class: 'clw-check' });
    this.track = el('input', { type: 'checkbox', name: 'track-changes' });
    this.track.checked = settings.trackChanges && caps.trackChanges;
    this.track.disabled = !caps.trackChanges;
    trackLabel.append(this.track, ' Apply rewrites as tracked changes (an audit trail)');
    settingsBox.append(trackLabel);
    if (!caps.trackChanges)
      settingsBox.append(
        el(
          'p',
          { class: 'clw-hint' },
          'This version of Word cannot track the add-in’s changes (it needs WordApi 1.4).',
        ),
      );
    settingsBox.append(el('label', { for: 'clw-config' }, 'Rule options (the .carelintrc.json format)'));
    this.config = el('textarea', {
      id: 'clw-config',
      rows: '6',
      spellcheck: 'false',
      'aria-describedby': 'clw-config-help',
    });
    this.config.value = settings.config;
    settingsBox.append(
      this.config,
      el(
        'p',
        { id: 'clw-config-help', class: 'clw-hint' },
        'For example {"categories": {"stigmatizing-language": false}}. Leave empty for the built-in rules.',
      ),
    );
    const apply = el('button', { type: 'button', class: 'cl-button' }, 'Apply rule options');
    this.problemsEl = el('ul', { class: 'clw-problems', 'aria-label': 'Problems in the rule options' });
    settingsBox.append(apply, this.problemsEl);

    this.countEl = el('h2', { class: 'clw-count', tabindex: '-1' }, 'Checking…');
    this.listEl = el('div', { class: 'clw-list' });
    pane.append(head, this.statusEl, settingsBox, this.countEl, this.listEl);
    root.replaceChildren(pane);

    const changed = () => this.actions.settingsChanged({ trackChanges: this.track.checked, config: this.config.value });
    this.track.addEventListener('change', changed);
    apply.addEventListener('click', changed);
  }

  show(items: Located[]): void {
    const focus = this.rememberFocus();
    this.countEl.textContent =
      items.length === 0
        ? 'No findings: nothing to change.'
        : `${items.length} finding${items.length === 1 ? '' : 's'}`;
    const groups = groupByCategory(items).map((group, g) => {
      const section = this.doc.createElement('section');
      section.className = 'clw-group';
      section.dataset.category = group.category;
      section.setAttribute('aria-labelledby', `clw-group-${g}`);
      const heading = this.doc.createElement('h3');
      heading.id = `clw-group-${g}`;
      heading.textContent = `${group.label} (${group.items.length})`;
      const list = this.doc.createElement('ul');
      list.className = 'clw-items';
      for (const item of group.items) list.append(this.renderItem(item));
      section.append(heading, list);
      return section;
    });
    this.listEl.replaceChildren(...groups);
    this.restoreFocus(focus);
  }

  reveal(item: Located, how: 'click' | 'hover'): void {
    const card = this.findCard(locatedId(item));
    if (!card) return;
    for (const active of this.listEl.querySelectorAll('.is-active')) {
      active.classList.remove('is-active');
      active.removeAttribute('aria-current');
    }
    card.classList.add('is-active');
    card.setAttribute('aria-current', 'true');
    card.scrollIntoView?.({ block: 'nearest' });
    // Focus stays in the document (the writer may be typing); a click is announced instead.
    if (how === 'click') this.status(`${item.finding.message} Details are in the CareLint pane.`);
  }

  underlinesOff(message: string): void {
    this.modeEl.textContent = message;
    this.refreshEl?.remove();
    this.refreshEl = null;
  }

  status(message: string, kind: 'info' | 'error' = 'info'): void {
    this.statusEl.textContent = message;
    this.statusEl.dataset.kind = kind;
  }

  problems(list: string[]): void {
    this.problemsEl.replaceChildren(
      ...list.map((p) => {
        const li = this.doc.createElement('li');
        li.textContent = p;
        return li;
      }),
    );
    if (list.length > 0) {
      this.problemsEl.setAttribute('role', 'alert');
      (this.problemsEl.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
    } else this.problemsEl.removeAttribute('role');
  }

  private renderItem(item: Located): HTMLElement {
    const li = this.doc.createElement('li');
    const card = renderFindingCard(this.doc, item.finding, {
      onSelect: () => this.actions.select(item),
      onRewrite: (_f, suggestion) => this.actions.rewrite(item, suggestion),
      onIgnore: () => this.actions.ignore(item),
      onReplaceAll: () => this.actions.replaceAll(item),
    });
    card.dataset.item = locatedId(item);
    const context = this.doc.createElement('p');
    context.className = 'clw-context';
    const { start, end } = item.finding;
    const before = item.text.slice(Math.max(0, start - CONTEXT_CHARS), start);
    const after = item.text.slice(end, end + CONTEXT_CHARS);
    context.textContent = `In: ${start > CONTEXT_CHARS ? '…' : ''}${before}${item.finding.text}${after}${end + CONTEXT_CHARS < item.text.length ? '…' : ''}`;
    card.append(context);
    li.append(card);
    return li;
  }

  private findCard(id: string): HTMLElement | null {
    for (const card of this.listEl.querySelectorAll<HTMLElement>('[data-item]'))
      if (card.dataset.item === id) return card;
    return null;
  }

  /** Re-rendering replaces the buttons; keep a keyboard user's place (same card and button, else the count heading). */
  private rememberFocus(): { item: string; label: string } | null {
    const active = this.doc.activeElement as HTMLElement | null;
    if (!active || !this.listEl.contains(active)) return null;
    const card = active.closest<HTMLElement>('[data-item]');
    return { item: card?.dataset.item ?? '', label: active.textContent ?? '' };
  }

  private restoreFocus(focus: { item: string; label: string } | null): void {
    if (!focus) return;
    const card = this.findCard(focus.item);
    const button = card
      ? [...card.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent === focus.label)
      : undefined;
    (button ?? this.countEl).focus();
  }

  /**
   * The page's Content-Security-Policy allows no inline <style>, so the pane's rules go in as a constructed
   * stylesheet (CSSOM, which the policy does not restrict); a <style> element only where that API is missing.
   */
  private addStyles(): void {
    const doc = this.doc as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (doc.adoptedStyleSheets && Sheet && 'replaceSync' in Sheet.prototype) {
      if (doc.adoptedStyleSheets.some((s) => (s as CSSStyleSheet & { carelintWord?: boolean }).carelintWord)) return;
      const sheet = new Sheet() as CSSStyleSheet & { carelintWord?: boolean };
      sheet.replaceSync(WORD_PANE_CSS);
      sheet.carelintWord = true;
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    }
    if (doc.querySelector('style[data-carelint-word]')) return;
    const style = doc.createElement('style');
    style.dataset.carelintWord = '';
    style.textContent = WORD_PANE_CSS;
    doc.head.append(style);
  }
}
