// Parse the config, then compile its custom rules with the built-ins; a refused custom rule is reported and dropped.
import { builtinClasses, builtinInflector, builtinRuleSet, builtinRules, ruleSetWith } from '../matching/builtin';
import { RuleCompileError, type RuleSet } from '../matching/compile';
import { offsetToLineColumn } from '../text/position';
import type { LintOptions } from '../types';
import { locate, readablePath, tree } from './json-paths';
import { parseConfig, type ConfigProblem } from './parse';
import { testRule } from '../rule-tester';
import type { RuleData } from '../types';

export interface LoadedConfig {
  options: LintOptions;
  /** Built-in rules plus the custom rules that compiled. */
  ruleSet: RuleSet;
  problems: ConfigProblem[];
}

/** parseConfig + compile the custom rules with the built-ins. A custom rule the engine refuses is
 *  dropped (with a problem at its place in the file); the others and all built-ins keep working. */
export function loadConfig(text: string, fileName: string): LoadedConfig {
  const builtin = builtinRules();
  const known = builtinClasses();
  const parsed = parseConfig(text, fileName, {
    ruleIds: new Set(builtin.map((r) => r.id)),
    classes: new Set(Object.keys(known)),
  });
  const problems = [...parsed.problems];
  let custom = parsed.customRules.map((rule, k) => ({ rule, index: parsed.customRuleIndex[k] }));
  const classes = { ...parsed.classes };
  while (custom.length > 0 || Object.keys(classes).length > 0) {
    try {
      const ruleSet = ruleSetWith(
        custom.map((c) => c.rule),
        builtinInflector,
        classes,
      );
      problems.push(...exampleProblems(text, fileName, ruleSet, custom));
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
      return { options: parsed.options, ruleSet, problems };
    } catch (e) {
      if (!(e instanceof RuleCompileError)) throw e;
      const refused = new Set<number>();
      for (const issue of e.issues) {
        if (issue.path[0] === 'classes') {
          // an added class entry the engine refuses: report it where it is written and drop that class's additions
          const name = String(issue.path[1]);
          const at = Number(issue.path[3]) - (known[name]?.entries.length ?? 0);
          if (!(name in classes) || !(at >= 0)) throw e;
          delete classes[name];
          problems.push({
            file: fileName,
            ...offsetToLineColumn(text, locate(tree(text, []), ['classes', name, at])),
            message: `classes.${name}[${at}]: ${issue.message}; the entries added to '${name}' are ignored`,
            fix: 'Correct the entry (phrase syntax: shared-rules/README.md).',
          });
          continue;
        }
        const k = Number(issue.path[0]) - builtin.length;
        if (!(k >= 0 && k < custom.length)) throw e; // a built-in rule: not the config's fault
        refused.add(k);
        const { index } = custom[k];
        problems.push({
          file: fileName,
          ...locateCustomRuleIssue(text, index, issue.path.slice(1)),
          message: `${readablePath(['customRules', index, ...issue.path.slice(1)])}: ${issue.message}; this custom rule is ignored`,
          fix: 'Correct the rule (phrase syntax: shared-rules/README.md).',
        });
      }
      custom = custom.filter((_, k) => !refused.has(k));
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
    }
  }
  return { options: parsed.options, ruleSet: builtinRuleSet(), problems };
}

/** Line and column (1-based) in the config text of the node at `path` inside customRules[customIndex]
 *  (or of the deepest part of that path that exists), for the engine's RuleCompileError issues. */
export function locateCustomRuleIssue(
  text: string,
  customIndex: number,
  path: (string | number)[],
): { line: number; column: number } {
  const root = tree(text, []);
  return offsetToLineColumn(text, locate(root, ['customRules', customIndex, ...path]));
}

/**
 * A custom rule's examples are its tests, as for the built-in rules: one that fails is reported at its place in the
 * file. The rule still loads (its wording may be right and its example wrong), but the writer of the config is told.
 */
function exampleProblems(
  text: string,
  fileName: string,
  ruleSet: RuleSet,
  custom: Array<{ rule: RuleData; index: number }>,
): ConfigProblem[] {
  return custom.flatMap(({ rule, index }) =>
    testRule(ruleSet, rule).map((failure) => ({
      file: fileName,
      ...locateCustomRuleIssue(text, index, failure.path),
      message: `${readablePath(['customRules', index, ...failure.path])}: "${failure.example}" is ${failure.message}`,
      fix:
        failure.path[1] === 'match'
          ? "Change the example to wording the rule flags, or widen the rule's match or context."
          : 'Change the example, or narrow the rule (context notNear, notAfter, notBefore) so it stays quiet here.',
    })),
  );
}
