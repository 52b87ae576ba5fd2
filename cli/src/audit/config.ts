/**
 * `carelint audit --config FILE`: a trust's own .carelintrc.json (custom rules for local wording, allow entries,
 * rules or categories switched off, severities). Read and checked once here, with problems reported as
 * `file:line:column` like `check` does; its text then goes to every worker, which compiles the same rule set.
 * Only an explicit --config applies: a config lying near the export is not picked up by surprise.
 */
import { readFileSync } from 'node:fs';
import { builtinRuleSet, type RuleSet } from '../../../shared-rules/src/index';
import { loadConfig } from '../../../shared-rules/src/index';
import type { LintOptions } from '../../../shared-rules/src/index';
import { decode } from '../decode';
import type { Problems } from '../problems';
import { ioMessage } from '../io-message';

export interface ConfigSource {
  text: string;
  name: string;
}

export interface AuditConfig {
  options: LintOptions;
  ruleSet: RuleSet;
  /** For the workers; absent without --config. */
  source?: ConfigSource;
}

/** The built-in rules, or those of --config with its problems reported (and the run then ending with exit 2). */
export function readAuditConfig(file: string | undefined, problems: Problems): AuditConfig {
  if (file === undefined) return { options: {}, ruleSet: builtinRuleSet() };
  let text: string;
  try {
    const decoded = decode(readFileSync(file));
    if (!decoded.ok) {
      problems.report(
        decoded.at ? `${file}:${decoded.at}` : file,
        `config ${decoded.message}; using the default settings`,
      );
      return { options: {}, ruleSet: builtinRuleSet() };
    }
    text = decoded.text;
  } catch (e) {
    problems.report(file, `config ${ioMessage(e)}; using the default settings`);
    return { options: {}, ruleSet: builtinRuleSet() };
  }
  const source = { text, name: file };
  // the workers compile the same text the same way (scan.ts)
  const { options, ruleSet, problems: found } = loadConfig(source.text, source.name);
  for (const p of found) problems.report(`${p.file}:${p.line}:${p.column}`, `${p.message}. ${p.fix}`);
  return { options, ruleSet, source };
}
