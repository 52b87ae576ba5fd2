import type { Category } from '../../../shared-rules/src/index';

/** How each category is named to writers and trainers (the ids stay stable; these words may change). */
export const CATEGORY_LABELS: Record<Category, string> = {
  'police-involvement': 'Police involvement in care',
  'punitive-approach': 'Punitive approach',
  'discriminatory-attitude': 'Discriminatory attitude',
  'stigmatizing-language': 'Stigmatising language',
};

/** Display order: the three NHS England "eradicate" elements first, wider stigma last. */
export const CATEGORY_ORDER: Category[] = [
  'police-involvement',
  'punitive-approach',
  'discriminatory-attitude',
  'stigmatizing-language',
];
