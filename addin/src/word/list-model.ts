import { type Category, categoryLabel, CATEGORY_ORDER } from '../../../shared-rules/src/index';
import type { Located } from './located';

export interface CategoryGroup {
  category: Category;
  label: string;
  items: Located[];
}

/** The task pane list: findings grouped by category (in the shared display order), document order within each. */
export function groupByCategory(items: Located[]): CategoryGroup[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: categoryLabel(category),
    items: items.filter((i) => i.finding.category === category),
  })).filter((g) => g.items.length > 0);
}
