import {
  severityLabel,
  type Finding,
  type SourceRef,
  type SuggestionKind,
  categoryLabel,
} from '../shared-rules/src/index';

/** What a card can do; a button is shown only for the actions the host supplies. */
export interface CardActions {
  onSelect?(f: Finding): void;
  /** Insert a rewrite, or a prompt the writer chose (the host then selects the prompt so typing replaces it). */
  onRewrite?(f: Finding, suggestion: string): void;
  onIgnore?(f: Finding): void;
  onReplaceAll?(f: Finding): void;
}

type Make = (tag: string, className: string, text?: string) => HTMLElement;

/**
 * One finding as a card, most useful first: what was flagged and why in one line, advice, the rewrites; the
 * rationale and sources one click away (details/summary), so a card stays short in a 320 px pane.
 * Every string from the document or the rules goes in through textContent, never markup, so pasted HTML or
 * Markdown shows as the characters it is.
 */
export function renderFindingCard(doc: Document, finding: Finding, actions: CardActions): HTMLElement {
  const el: Make = (tag, className, text) => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const card = el('article', 'cl-card');
  card.dataset.category = finding.category;
  card.dataset.severity = finding.severity;
  card.dataset.rule = finding.ruleId;
  card.setAttribute('aria-label', `${categoryLabel(finding.category)}: ${finding.message}`);

  const head = el('header', 'cl-card__head');
  head.append(
    el('span', 'cl-card__category', categoryLabel(finding.category)),
    el('span', 'cl-card__severity', severityLabel(finding.severity)),
  );
  const flagged = el('p', 'cl-card__flagged');
  flagged.append(el('span', 'cl-visually-hidden', 'Flagged: '), el('q', 'cl-card__text', finding.text));
  card.append(head, flagged, el('p', 'cl-card__message', finding.message));

  const guidance = finding.guidance ?? [];
  if (guidance.length > 0) {
    // Advice about practice, not wording: shown as text, never as something to insert.
    const box = el('div', 'cl-card__guidance');
    box.append(el('span', 'cl-card__label', 'Advice'));
    for (const line of guidance) box.append(el('p', 'cl-card__advice', line));
    card.append(box);
  }

  const suggestions = suggestionsOf(finding);
  if (suggestions.length > 0) {
    const rewrites = el('div', 'cl-card__rewrites');
    rewrites.setAttribute('role', 'group');
    rewrites.setAttribute('aria-label', 'Rewrites');
    rewrites.append(el('span', 'cl-card__label', 'Rewrite as:'));
    for (const { text, kind } of suggestions) {
      if (actions.onRewrite) {
        const button = el('button', 'cl-card__rewrite', text) as HTMLButtonElement;
        button.type = 'button';
        button.dataset.kind = kind;
        // A prompt still needs the writer's facts; say so rather than hide it.
        button.title =
          kind === 'prompt' ? 'Insert, then fill in the part in [brackets]' : 'Replace the flagged words with this';
        button.setAttribute('aria-label', `Replace "${finding.text}" with "${text}"`);
        button.addEventListener('click', () => actions.onRewrite?.(finding, text));
        rewrites.append(button);
      } else {
        const item = el('span', 'cl-card__suggestion', text);
        item.dataset.kind = kind;
        rewrites.append(item);
      }
    }
    card.append(rewrites);
  }

  const sources = uniqueSources(finding.sources);
  if (finding.rationale || sources.length > 0) {
    const more = el('details', 'cl-card__more');
    more.append(el('summary', 'cl-card__summary', sources.length > 0 ? 'Why, and sources' : 'Why'));
    if (finding.rationale) more.append(el('p', 'cl-card__rationale', finding.rationale));
    if (sources.length > 0) more.append(renderSources(doc, sources, el));
    card.append(more);
  }

  const buttons: Array<[string, string, ((f: Finding) => void) | undefined]> = [
    ['Select', 'Select this occurrence in the document', actions.onSelect],
    ['Ignore', 'Stop showing this finding (you can undo this)', actions.onIgnore],
    [
      'Replace all',
      'Apply the first rewrite to every finding of this rule; prompts are never inserted this way',
      actions.onReplaceAll,
    ],
  ];
  const present = buttons.filter(([, , handler]) => handler);
  if (present.length > 0) {
    const bar = el('div', 'cl-card__actions');
    for (const [label, title, handler] of present) {
      // Replace all inserts only rewrites: without one there is nothing it may do.
      if (label === 'Replace all' && !suggestions.some((s) => s.kind === 'rewrite')) continue;
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

/** Each suggestion with its kind: a rewrite may go in as it is; a prompt ("[describe …]") asks for the writer's facts. */
function suggestionsOf(finding: Finding): Array<{ text: string; kind: SuggestionKind }> {
  return finding.suggestions.map((text, i) => ({
    text,
    kind: finding.suggestionKinds[i],
  }));
}

/** A custom rule may name the same source twice (or the rule and its family both do): list each once. */
function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.url ?? `${s.id}\u0000${s.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function renderSources(doc: Document, sources: SourceRef[], el: Make): HTMLElement {
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
    } else
      item.textContent = source.url && source.url !== source.title ? `${source.title} (${source.url})` : source.title;
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
