import { isSlotRewrite } from '../../../shared-rules/src/index';
import type { Finding, SourceRef } from '../../../shared-rules/src/index';
import { CATEGORY_LABELS } from './categories';

/** What a card can do; a button is shown only for the actions the host supplies. */
export interface CardActions {
  onSelect?(f: Finding): void;
  onRewrite?(f: Finding, suggestion: string): void;
  onIgnore?(f: Finding): void;
  onReplaceAll?(f: Finding): void;
}

/**
 * One finding as a card: what was flagged, why, where the guidance comes from, and the rewrites.
 * Every string from the document or the rules goes in through textContent, never markup, so pasted HTML or
 * Markdown shows as the characters it is.
 */
export function renderFindingCard(doc: Document, finding: Finding, actions: CardActions): HTMLElement {
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const card = el('article', 'cl-card');
  card.dataset.category = finding.category;
  card.dataset.severity = finding.severity;
  card.dataset.rule = finding.ruleId;
  card.setAttribute('aria-label', `${CATEGORY_LABELS[finding.category]}: ${finding.message}`);

  const head = el('header', 'cl-card__head');
  head.append(el('span', 'cl-card__category', CATEGORY_LABELS[finding.category]), el('span', 'cl-card__severity', finding.severity));
  card.append(head);

  const flagged = el('p', 'cl-card__flagged');
  flagged.append(el('span', 'cl-visually-hidden', 'Flagged: '), el('q', 'cl-card__text', finding.text));
  card.append(flagged, el('p', 'cl-card__message', finding.message), el('p', 'cl-card__rationale', finding.rationale));

  if (finding.suggestions.length > 0) {
    const rewrites = el('div', 'cl-card__rewrites');
    rewrites.setAttribute('role', 'group');
    rewrites.setAttribute('aria-label', 'Rewrites');
    rewrites.append(el('span', 'cl-card__label', 'Rewrite as:'));
    for (const suggestion of finding.suggestions) {
      if (actions.onRewrite) {
        const button = el('button', 'cl-card__rewrite', suggestion) as HTMLButtonElement;
        button.type = 'button';
        // A slot rewrite still needs the writer's facts; say so rather than hide it.
        button.title = isSlotRewrite(suggestion) ? 'Insert, then fill in the part in [brackets]' : 'Replace the flagged words with this';
        button.setAttribute('aria-label', `Replace "${finding.text}" with "${suggestion}"`);
        button.addEventListener('click', () => actions.onRewrite?.(finding, suggestion));
        rewrites.append(button);
      } else rewrites.append(el('span', 'cl-card__suggestion', suggestion));
    }
    card.append(rewrites);
  }

  if (finding.sources.length > 0) card.append(renderSources(doc, finding.sources, el));

  const buttons: Array<[string, string, ((f: Finding) => void) | undefined]> = [
    ['Select', 'Select this occurrence in the document', actions.onSelect],
    ['Ignore', 'Stop showing this finding', actions.onIgnore],
    ['Replace all', 'Apply the first rewrite to every finding of this rule', actions.onReplaceAll],
  ];
  const present = buttons.filter(([, , handler]) => handler);
  if (present.length > 0) {
    const bar = el('div', 'cl-card__actions');
    for (const [label, title, handler] of present) {
      const button = el('button', 'cl-card__action', label) as HTMLButtonElement;
      button.type = 'button';
      button.title = title;
      button.dataset.action = label.toLowerCase().replace(' ', '-');
      button.addEventListener('click', () => handler!.call(actions, finding));
      bar.append(button);
    }
    card.append(bar);
  }
  return card;
}

function renderSources(doc: Document, sources: SourceRef[], el: (tag: string, className: string, text?: string) => HTMLElement): HTMLElement {
  const box = el('div', 'cl-card__sources');
  box.append(el('span', 'cl-card__label', 'Sources'));
  const list = el('ul', 'cl-card__source-list');
  for (const source of sources) {
    const item = doc.createElement('li');
    const url = safeUrl(source.url);
    if (url) {
      // Opened only when the writer chooses; noreferrer so the note's page address is never sent along.
      const link = doc.createElement('a');
      link.setAttribute('href', url);
      link.target = '_blank';
      link.rel = 'noreferrer noopener';
      link.textContent = source.title;
      item.append(link);
    } else item.textContent = source.url && source.url !== source.title ? `${source.title} (${source.url})` : source.title;
    list.append(item);
  }
  box.append(list);
  return box;
}

/** Only plain web addresses become links; a custom rule's `javascript:` or `data:` text stays text. */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
