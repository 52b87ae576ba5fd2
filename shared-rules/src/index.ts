/** CareLint engine, public API: everything hosts and the CLI may import. Hosts import nothing else from the engine. */
export * from './types';
export { applyFixes, isSlotRewrite } from './findings/fix';
export { LintSession, type TextChange, type SessionOptions } from './session/session';
export {
  builtinRuleSet,
  builtinRules,
  builtinSources,
  builtinInflector,
  builtinClasses,
  ruleFamily,
  ruleSetWith,
} from './matching/builtin';
export { describeFrame, type FrameDescription } from './frames/describe';
export { compileRuleSet, RuleSet, RuleCompileError, type RuleIssue, type SourceRegistry } from './matching/compile';
export { regularInflect, lexiconInflector } from './matching/inflect';
export { parsePhrase, type Inflector, type WordForms, type FormName, type PhraseNode } from './matching/phrase';
export { lineIndexAt, lineStarts, offsetToLineColumn } from './text/position';
export { maskNonProse, parseDirectives, directiveComment } from './formats';
export { ignoreDirectiveEdit, type IgnoreEdit } from './formats/ignore-edit';
export { lint, lintPiece, type LintedPiece } from './lint-document';
export {
  CONFIG_FILE_NAME,
  loadConfig,
  locateCustomRuleIssue,
  nearest,
  parseConfig,
  type ConfigProblem,
  type LoadedConfig,
  type ParsedConfig,
} from './config/index';
export { work, resetWork } from './work';
export { configuredRules, type ConfiguredRule } from './findings/configured';
export {
  autoRewrite,
  planFixes,
  applyEdits,
  SKIP_REASONS,
  type FixEdit,
  type FixPlan,
  type SkippedFix,
  type SkipReason,
} from './findings/fix';
export {
  CATEGORY_ORDER,
  categoryLabel,
  severityLabel,
  describeRule,
  describeRuleData,
  describeRuleAsText,
  sourceText,
  type RuleDescription,
} from './findings/describe';
export { suggestionKind } from './text/prompts';
export { checkRuleExample, testRule, type RuleExampleFailure } from './rule-tester';
