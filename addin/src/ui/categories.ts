import { CATEGORY_ORDER as ENGINE_ORDER, categoryLabel, type Category } from '../../../shared-rules/src/index';

/** How each category is named to writers and trainers: the engine's words, the same in every host. */
export const CATEGORY_LABELS: Record<Category, string> = Object.fromEntries(
  ENGINE_ORDER.map((c) => [c, categoryLabel(c)]),
) as Record<Category, string>;

/** Display order: the three NHS England "eradicate" elements first, wider stigma last. */
export const CATEGORY_ORDER: Category[] = [...ENGINE_ORDER];
