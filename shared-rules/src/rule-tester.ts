// A rule's own examples as tests, for built-in and custom rules alike (ESLint's RuleTester is the model): each
// `match` example is flagged by the rule (with the pinned span and fixed text where given), each `noMatch` example
// is not, and no example is written twice.
import { applyFixes } from './findings/fix';
import { lint } from './lint-document';
import type { RuleSet } from './matching/compile';
import { MODEL_THRESHOLD, modelReading } from './model/score';
import { CATEGORIES, type Category, type RuleData } from './types';

const ALL_OFF = Object.fromEntries(CATEGORIES.map((c) => [c, false])) as Record<Category, boolean>;

export interface RuleExampleFailure {
  ruleId: string;
  /** Where the example sits in the rule: ['examples', 'match', 2]. */
  path: ['examples', 'match' | 'noMatch', number];
  example: string;
  message: string;
}

/** Check one example of `rule` (which must be in `ruleSet`); undefined when it holds. */
export function checkRuleExample(
  ruleSet: RuleSet,
  rule: RuleData,
  list: 'match' | 'noMatch',
  index: number,
): RuleExampleFailure | undefined {
  const raw = rule.examples[list][index];
  const example = typeof raw === 'string' ? { text: raw } : raw;
  const fail = (message: string): RuleExampleFailure => ({
    ruleId: rule.id,
    path: ['examples', list, index],
    example: example.text,
    message,
  });
  // the rule runs on its own (every other rule off, and on even when off by default): a frame covering the same
  // sentence with a longer span would otherwise replace a phrase rule's finding (one underline per issue)
  // A model rule reads only sentences no rule flagged and that no rule switched off claims: its examples run with
  // every rule on, as a writer meets them.
  const own = lint(
    example.text,
    rule.model ? { ruleSet } : { ruleSet, categories: ALL_OFF, rules: { [rule.id]: true } },
  ).filter((f) => f.ruleId === rule.id);
  if (list === 'noMatch')
    return own.length ? fail(`flagged ("${own[0].text}"), but this example must stay quiet`) : undefined;
  if (own.length === 0 && rule.model) return modelReads(ruleSet, rule, example.text, fail);
  if (own.length === 0) return fail('not flagged, but this example must be flagged by the rule');
  if ('flagged' in example && example.flagged !== undefined && own[0].text !== example.flagged) {
    return fail(`flagged as "${own[0].text}", but the example pins "${example.flagged}"`);
  }
  if ('fixed' in example && example.fixed !== undefined) {
    const fixed = applyFixes(example.text, own);
    if (fixed !== example.fixed) return fail(`rewritten as "${fixed}", but the example pins "${example.fixed}"`);
  }
  return undefined;
}

/**
 * A model rule's `match` example that a rule of the same category now flags still tests the model: the model must
 * read it in its category at its threshold (the rules show it first, as a writer meets it). Rounds of rules keep
 * taking wording the model was shown; its examples should not fail for that.
 */
function modelReads(
  ruleSet: RuleSet,
  rule: RuleData,
  text: string,
  fail: (message: string) => RuleExampleFailure,
): RuleExampleFailure | undefined {
  const shown = lint(text, { ruleSet }).find((f) => f.category === rule.category);
  if (!shown) return fail('not flagged, but this example must be flagged by the rule');
  const read = modelReading(text);
  if (read.category === rule.category && read.sure) return undefined;
  return fail(
    `flagged by ${shown.ruleId}, and the model alone reads it as ${read.category} at ${read.probability.toFixed(2)} (needs ${rule.category} at ${MODEL_THRESHOLD})`,
  );
}

/** Every failing example of `rule`, and every example written twice. */
export function testRule(ruleSet: RuleSet, rule: RuleData): RuleExampleFailure[] {
  const failures: RuleExampleFailure[] = [];
  const seen = new Map<string, string>();
  for (const list of ['match', 'noMatch'] as const) {
    rule.examples[list].forEach((raw, index) => {
      const text = typeof raw === 'string' ? raw : raw.text;
      const key = text.trim().toLowerCase();
      const earlier = seen.get(key);
      if (earlier)
        failures.push({
          ruleId: rule.id,
          path: ['examples', list, index],
          example: text,
          message: `the same example as ${earlier}`,
        });
      else seen.set(key, `examples.${list}[${index}]`);
      const failure = checkRuleExample(ruleSet, rule, list, index);
      if (failure) failures.push(failure);
    });
  }
  return failures;
}
