/**
 * How much each finding adds to a person's score, so care reviews can start with the records that hold the most
 * SIM-like content. The three elements NHS England told trusts to eradicate (March 2023) weigh five times more
 * than general stigmatising wording, which is common and matters less for a care review; severity multiplies.
 * Documented in docs/audit.md; change both together.
 */
import type { Category, Severity } from '../../../shared-rules/src/index';

export const CATEGORY_WEIGHT: Record<Category, number> = {
  'police-involvement': 5,
  'punitive-approach': 5,
  'discriminatory-attitude': 5,
  'stigmatizing-language': 1,
};

export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 2, information: 1 };

export function findingWeight(category: Category, severity: Severity): number {
  return CATEGORY_WEIGHT[category] * SEVERITY_WEIGHT[severity];
}
