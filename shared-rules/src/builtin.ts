import generated from '../generated/rules.json';
import { compileRuleSet, type RuleSet, type SourceRegistry } from './compile';
import { lexiconInflector } from './inflect';
import type { Inflector, WordForms } from './phrase';
import type { RuleData } from './types';

/** The rule packs, validated and with inflections expanded at build time (shared-rules/scripts/build-rules.mjs). */
interface GeneratedRules {
  rules: RuleData[];
  sources: SourceRegistry;
  lexicon: Record<string, WordForms>;
  families: Record<string, string>;
}

const data = generated as unknown as GeneratedRules;
let builtin: RuleSet | undefined;

export const builtinInflector: Inflector = lexiconInflector(data.lexicon);

/** The built-in rules, compiled once on first use. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= compileRuleSet(data.rules, builtinInflector, data.sources, { lazyContext: true }));
}

export function builtinRules(): RuleData[] {
  return data.rules;
}

export function builtinSources(): SourceRegistry {
  return data.sources;
}

/** Rule id → the family (data file) it comes from. */
export function ruleFamily(id: string): string | undefined {
  return data.families[id];
}

/** Built-in rules plus a config's custom rules, compiled together. Throws RuleCompileError. */
export function ruleSetWith(custom: RuleData[], inflect: Inflector = builtinInflector): RuleSet {
  if (custom.length === 0) return builtinRuleSet();
  return compileRuleSet([...data.rules, ...custom], inflect, data.sources);
}
