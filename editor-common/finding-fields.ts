import { builtinRuleSet, type Category, type Finding, type Severity } from '../shared-rules/src/index';

/** What every editor shows as the diagnostic's source. */
export const SOURCE = 'CareLint';

/** What a host needs from a finding to draw a diagnostic, in no editor's types. */
export interface FindingFields {
  start: number;
  end: number;
  message: string;
  severity: Severity;
  source: string;
  /** The rule id. */
  code: string;
  category: Category;
  /** What a client needs to offer the fixes from the diagnostic alone: the flagged text and the suggestions by kind. */
  data: FindingData;
}

export interface FindingData {
  ruleId: string;
  category: Category;
  text: string;
  /** Insertable texts, rewrites first, then prompts (never guidance, which is advice only). */
  suggestions: string[];
  suggestionKinds: Finding['suggestionKinds'];
}

export function findingFields(f: Finding): FindingFields {
  return {
    start: f.start,
    end: f.end,
    message: f.message,
    severity: f.severity,
    source: SOURCE,
    code: f.ruleId,
    category: f.category,
    data: {
      ruleId: f.ruleId,
      category: f.category,
      text: f.text,
      suggestions: f.suggestions,
      suggestionKinds: f.suggestionKinds,
    },
  };
}

/** Built-in rules have a section in the rule catalogue (docs/rules.md, headings are rule ids); custom rules none. */
export function hasRulePage(ruleId: string): boolean {
  return builtinRuleSet().byId(ruleId) !== undefined;
}
