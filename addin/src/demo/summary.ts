import { type Category, type Finding, categoryLabel, CATEGORY_ORDER } from '../../../shared-rules/src/index';
import { renderFindingCard, type CardActions } from '../../../web-ui/card';

/** Cards drawn per category when Explain all opens, and added by each "Show more". */
const FIRST_PAGE = 10;
const NEXT_PAGE = 40;
/** New cards drawn per task; the rest follow in the next tasks, so opening the list is never one long task. */
const CARDS_PER_TASK = 12;

/**
 * Counts per category, for trainers talking a room through a note. It is also the legend: each row shows its
 * category's underline style (colour and line style, so the four stay apart without colour).
 */
export function renderCounts(list: HTMLElement, findings: readonly Finding[]): void {
  const doc = list.ownerDocument;
  const counts = countByCategory(findings);
  if (list.childElementCount !== CATEGORY_ORDER.length + 1) {
    const rows = CATEGORY_ORDER.map((category) => {
      const row = doc.createElement('li');
      row.className = 'cl-count';
      row.dataset.category = category;
      const sample = doc.createElement('span');
      sample.className = 'cl-sample';
      sample.dataset.category = category;
      sample.setAttribute('aria-hidden', 'true');
      sample.textContent = 'abc';
      const label = doc.createElement('span');
      label.className = 'cl-count__label';
      label.textContent = categoryLabel(category);
      const value = doc.createElement('span');
      value.className = 'cl-count__value';
      row.append(sample, label, value);
      return row;
    });
    const total = doc.createElement('li');
    total.className = 'cl-count cl-count--total';
    list.replaceChildren(...rows, total);
  }
  CATEGORY_ORDER.forEach((category, i) => {
    const row = list.children[i] as HTMLElement;
    const value = String(counts[category]);
    if (row.dataset.count === value) return;
    row.dataset.count = value;
    row.querySelector('.cl-count__value')!.textContent = value;
  });
  const total = list.lastElementChild as HTMLElement;
  if (total.dataset.count !== String(findings.length)) {
    total.dataset.count = String(findings.length);
    total.textContent = `Total: ${findings.length}`;
  }
}

export function countByCategory(findings: readonly Finding[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<Category, number>;
  for (const f of findings) counts[f.category]++;
  return counts;
}

function cardKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.start}\u0000${f.end}\u0000${f.severity}\u0000${f.text}`;
}

/**
 * "Explain all": every finding with its rewrites, rationale and sources, grouped by category. Only the first cards
 * of each group are drawn (a long note has well over a thousand), with "Show more" for the rest; an update keeps
 * every card whose finding is unchanged and draws only the new ones, so it stays a small task while typing.
 */
export class ExplainAll {
  private readonly limits = new Map<Category, number>();
  private cards = new Map<string, HTMLElement>();
  private readonly groups = new Map<
    Category,
    { section: HTMLElement; heading: HTMLElement; list: HTMLElement; more: HTMLButtonElement }
  >();
  private readonly empty: HTMLElement;
  private latest: readonly Finding[] = [];
  private continuation: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly section: HTMLElement,
    private readonly actions: CardActions,
  ) {
    const doc = section.ownerDocument;
    this.empty = doc.createElement('p');
    this.empty.textContent = 'No findings in this note.';
    section.append(this.empty);
    for (const category of CATEGORY_ORDER) {
      const group = doc.createElement('section');
      group.className = 'cl-group';
      group.dataset.category = category;
      const heading = doc.createElement('h3');
      heading.id = `cl-group-${category}`;
      group.setAttribute('aria-labelledby', heading.id);
      const list = doc.createElement('ol');
      list.className = 'cl-group__list';
      const more = doc.createElement('button');
      more.type = 'button';
      more.className = 'cl-button cl-group__more';
      more.addEventListener('click', () => {
        this.limits.set(category, (this.limits.get(category) ?? FIRST_PAGE) + NEXT_PAGE);
        this.update(this.latest);
      });
      group.append(heading, list, more);
      section.append(group);
      this.groups.set(category, { section: group, heading, list, more });
    }
  }

  update(findings: readonly Finding[]): void {
    this.latest = findings;
    clearTimeout(this.continuation);
    this.continuation = undefined;
    if (this.section.hidden) {
      this.section.removeAttribute('aria-busy');
      return;
    }
    let budget = CARDS_PER_TASK;
    const doc = this.section.ownerDocument;
    const byCategory = new Map<Category, Finding[]>(CATEGORY_ORDER.map((c) => [c, []]));
    for (const f of findings) byCategory.get(f.category)!.push(f);
    const kept = new Map<string, HTMLElement>();
    this.empty.hidden = findings.length > 0;
    for (const category of CATEGORY_ORDER) {
      const mine = byCategory.get(category)!;
      const group = this.groups.get(category)!;
      group.section.hidden = mine.length === 0;
      const title = `${categoryLabel(category)} (${mine.length})`;
      if (group.heading.textContent !== title) group.heading.textContent = title;
      const shown = mine.slice(0, this.limits.get(category) ?? FIRST_PAGE);
      const items: HTMLElement[] = [];
      for (const f of shown) {
        const key = cardKey(f);
        let item = this.cards.get(key);
        if (!item) {
          if (budget-- <= 0) break; // drawn in the next task, in order
          item = doc.createElement('li');
          item.append(renderFindingCard(doc, f, this.actions));
        }
        kept.set(key, item);
        items.push(item);
      }
      // move only what is out of place: unchanged cards stay where they are
      let cursor = group.list.firstElementChild;
      for (const item of items) {
        if (cursor === item) {
          cursor = cursor.nextElementSibling;
          continue;
        }
        group.list.insertBefore(item, cursor);
      }
      while (cursor) {
        const next = cursor.nextElementSibling;
        cursor.remove();
        cursor = next;
      }
      const rest = mine.length - shown.length;
      group.more.hidden = rest <= 0;
      if (rest > 0) group.more.textContent = `Show ${Math.min(rest, NEXT_PAGE)} more (${rest} not shown)`;
    }
    this.cards = kept;
    if (budget < 0) this.continuation = setTimeout(() => this.update(this.latest), 0);
    // busy while cards are still being drawn (assistive technology waits; so can a test)
    this.section.toggleAttribute('aria-busy', this.continuation !== undefined);
  }
}
