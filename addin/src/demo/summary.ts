import type { Category, Finding } from '../../../shared-rules/src/index';
import { renderFindingCard, type CardActions } from '../ui/card';
import { CATEGORY_LABELS, CATEGORY_ORDER } from '../ui/categories';

/** Counts per category, for trainers talking a room through a note. */
export function renderCounts(list: HTMLElement, findings: readonly Finding[]): void {
  const doc = list.ownerDocument;
  const counts = countByCategory(findings);
  const rows = CATEGORY_ORDER.map((category) => {
    const row = doc.createElement('li');
    row.className = 'cl-count';
    row.dataset.category = category;
    row.dataset.count = String(counts[category]);
    const label = doc.createElement('span');
    label.className = 'cl-count__label';
    label.textContent = CATEGORY_LABELS[category];
    const value = doc.createElement('span');
    value.className = 'cl-count__value';
    value.textContent = String(counts[category]);
    row.append(label, value);
    return row;
  });
  const total = doc.createElement('li');
  total.className = 'cl-count cl-count--total';
  total.dataset.count = String(findings.length);
  total.textContent = `Total: ${findings.length}`;
  list.replaceChildren(...rows, total);
}

export function countByCategory(findings: readonly Finding[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<Category, number>;
  for (const f of findings) counts[f.category]++;
  return counts;
}

/** "Explain all": every finding with its rationale, sources and rewrites, grouped by category. */
export function renderExplainAll(section: HTMLElement, findings: readonly Finding[], actions: CardActions): void {
  const doc = section.ownerDocument;
  const parts: HTMLElement[] = [];
  if (findings.length === 0) {
    const empty = doc.createElement('p');
    empty.textContent = 'No findings in this note.';
    parts.push(empty);
  }
  for (const category of CATEGORY_ORDER) {
    const mine = findings.filter((f) => f.category === category);
    if (mine.length === 0) continue;
    const group = doc.createElement('section');
    group.className = 'cl-group';
    group.dataset.category = category;
    const heading = doc.createElement('h3');
    heading.textContent = `${CATEGORY_LABELS[category]} (${mine.length})`;
    const list = doc.createElement('ol');
    list.className = 'cl-group__list';
    for (const f of mine) {
      const item = doc.createElement('li');
      item.append(renderFindingCard(doc, f, actions));
      list.append(item);
    }
    group.append(heading, list);
    parts.push(group);
  }
  section.replaceChildren(...parts);
}
