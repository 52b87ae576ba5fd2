// The rule data and its compiled match graph come as JSON text: JSON.parse reads it several times faster than
// the engine's JavaScript parser reads the same data as object literals, and only when first needed (cold start).
import { EXAMPLES_JSON, MATCHER_JSON, RULES_JSON } from '../../generated/builtin-data';
import { compileRuleSet, type PrebuiltMatcher, type RuleSet, type SourceRegistry } from './compile';
import { lexiconInflector } from './inflect';
import type { Inflector, WordForms } from './phrase';
import type { RuleData, WordClasses } from '../types';
import { usePrebuiltCues, type PrebuiltCues } from '../context/mention';

/** The rule packs, validated and with inflections expanded at build time (shared-rules/scripts/build-rules.ts). */
interface GeneratedRules {
  rules: RuleData[];
  sources: SourceRegistry;
  lexicon: Record<string, WordForms>;
  families: Record<string, string>;
  /** Word classes frames refer to (shared-rules/lexicon). */
  classes: WordClasses;
}

/** The match graphs compiled at build time: the rules' (RuleSet.matcher()) and the mention cues'. */
type GeneratedMatcher = PrebuiltMatcher & { mention?: PrebuiltCues };

let parsed: GeneratedRules | undefined;
const data = (): GeneratedRules => (parsed ??= withExamples(JSON.parse(RULES_JSON) as GeneratedRules));

let examples: Array<RuleData['examples']> | undefined;
/**
 * The rule data ships without its examples (only describing a rule reads them, never linting): each built-in rule
 * gets them as a property read from their own JSON text the first time any rule's examples are asked for.
 */
function withExamples(generated: GeneratedRules): GeneratedRules {
  generated.rules.forEach((rule, i) =>
    Object.defineProperty(rule, 'examples', {
      enumerable: true,
      configurable: true,
      get: () => (examples ??= JSON.parse(EXAMPLES_JSON) as Array<RuleData['examples']>)[i],
    }),
  );
  return generated;
}
let parsedMatcher: GeneratedMatcher | undefined;
const matcherData = (): GeneratedMatcher => (parsedMatcher ??= JSON.parse(MATCHER_JSON) as GeneratedMatcher);
let builtin: RuleSet | undefined;
let inflector: Inflector | undefined;

/** Inflections of every `word~` in the built-in rules (from the build-time lexicon), regular inflection otherwise. */
export const builtinInflector: Inflector = (word) => (inflector ??= lexiconInflector(data().lexicon))(word);

// the mention cues (context/mention.ts) compiled with this inflector at build time
usePrebuiltCues(builtinInflector, () => matcherData().mention);

/** The built-in rules, compiled once on first use, with the match graph compiled at build time. */
export function builtinRuleSet(): RuleSet {
  return (builtin ??= compileRuleSet(data().rules, builtinInflector, data().sources, {
    lazyContext: true,
    prebuilt: matcherData(),
    classes: data().classes,
  }));
}

export function builtinRules(): RuleData[] {
  return data().rules;
}

export function builtinSources(): SourceRegistry {
  return data().sources;
}

/** Rule id → the family (data file) it comes from. */
export function ruleFamily(id: string): string | undefined {
  return data().families[id];
}

/** The built-in word classes (shared-rules/lexicon), by name. */
export function builtinClasses(): WordClasses {
  return data().classes;
}

/** The built-in classes with a config's extra entries added (`classes` in .carelintrc.json). */
export function classesWith(extra: Record<string, string[]> = {}): WordClasses {
  const out: WordClasses = { ...data().classes };
  for (const [name, entries] of Object.entries(extra)) {
    const base = out[name];
    out[name] = base ? { ...base, entries: [...base.entries, ...entries] } : { entries };
  }
  return out;
}

/**
 * Built-in rules plus a config's custom rules and class extensions, compiled together. Throws RuleCompileError.
 * Extending a class changes what frames match, so the built-in match graph is then compiled afresh.
 */
export function ruleSetWith(
  custom: RuleData[],
  inflect: Inflector = builtinInflector,
  classes?: Record<string, string[]>,
): RuleSet {
  const extended = classes && Object.keys(classes).length > 0;
  if (custom.length === 0 && !extended) return builtinRuleSet();
  return compileRuleSet([...data().rules, ...custom], inflect, data().sources, { classes: classesWith(classes) });
}
