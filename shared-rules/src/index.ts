/** CareLint engine: one compiled matcher for every rule, shared by the CLI, VS Code and Word. */
import { builtinRuleSet } from './builtin';
import type { RuleSet } from './compile';
import { applyDirectives } from './directives-filter';
import { sliceDocument } from './document';
import { prepareOptions, toFinding } from './findings';
import { lintChunk } from './lint';
import type { Finding, LintOptions, SectionKind } from './types';

export * from './types';
export { applyFixes, isSlotRewrite } from './fix';
export { LintSession, type TextChange, type SessionOptions } from './session';
export { builtinRuleSet, builtinRules, builtinSources, builtinInflector, ruleFamily, ruleSetWith } from './builtin';
export { compileRuleSet, RuleSet, RuleCompileError, type RuleIssue, type SourceRegistry } from './compile';
export { regularInflect, lexiconInflector } from './inflect';
export { parsePhrase, type Inflector, type WordForms, type FormName, type PhraseNode } from './phrase';
export { lineIndexAt, lineStarts, offsetToLineColumn } from './position';
export { maskNonProse, parseDirectives, directiveComment } from './formats';

/** Lint a whole text. Offsets in the findings are 0-based UTF-16 offsets into `text`. */
export function lint(text: string, options: LintOptions & { ruleSet?: RuleSet } = {}): Finding[] {
  const rs = options.ruleSet ?? builtinRuleSet();
  const prepared = prepareOptions(rs, options);
  const findings: Finding[] = [];
  let entry: SectionKind | null = null;
  for (const slice of sliceDocument(text, options.format ?? 'plaintext')) {
    const result = lintChunk(rs, prepared.active, slice.masked, entry);
    entry = result.exit;
    for (const hit of result.hits) {
      const f = toFinding(rs, prepared, hit, slice.start, text, slice.start);
      if (f) findings.push(f);
    }
  }
  return options.directives === false ? findings : applyDirectives(text, findings);
}
export { CONFIG_FILE_NAME, loadConfig, parseConfig, type ConfigProblem, type LoadedConfig, type ParsedConfig } from './config';
export { work, resetWork } from './work';
