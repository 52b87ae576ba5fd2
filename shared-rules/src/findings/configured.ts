import type { RuleSet } from '../matching/compile';
import type { LintOptions, RuleData, Severity } from '../types';
import { prepareOptions } from './findings';

export interface ConfiguredRule {
  rule: RuleData;
  enabled: boolean;
  severity: Severity;
}

/** Each rule as a config leaves it: on or off, and its severity after the config's categories, rules and severity. */
export function configuredRules(ruleSet: RuleSet, options: LintOptions): ConfiguredRule[] {
  const prepared = prepareOptions(ruleSet, options);
  return ruleSet.compiled.map((r) => ({
    rule: r.data,
    enabled: prepared.active[r.index] === 1,
    severity: prepared.severity[r.index] ?? r.data.severity,
  }));
}
