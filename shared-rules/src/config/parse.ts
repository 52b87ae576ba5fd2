/**
 * `.carelintrc.json`: parse (JSON with comments), validate against config.schema.json (standalone
 * validator generated at build time, no ajv at run time), run the semantic checks, and turn the valid
 * parts into LintOptions + custom rules. Pure TypeScript: the CLI, VS Code and Word hosts share it.
 */
// The ESM build: jsonc-parser's default "main" is a UMD file whose dynamic requires esbuild cannot bundle.
import { getNodeValue, type JSONPath, type ParseError, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { validateConfig } from '../../generated/validate-config';
import { offsetToLineColumn } from '../text/position';
import {
  CATEGORIES,
  type AllowEntry,
  type Category,
  type LintOptions,
  type Locale,
  type RuleData,
  type Severity,
} from '../types';
import { didYouMean } from './did-you-mean';
import { effectivePath, isPlainObject, locate, pointer, tree } from './json-paths';
import { describeSchemaError, mergeRequired, SYNTAX_MESSAGES } from './schema-messages';

export const CONFIG_FILE_NAME = '.carelintrc.json';

export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  message: string;
  /** What to do about it. */
  fix: string;
}

export interface ParsedConfig {
  /** Only the valid parts of the file. */
  options: LintOptions;
  /** Valid custom rules (bad ones and id clashes dropped). */
  customRules: RuleData[];
  /** For each entry of customRules, its index in the file's `customRules` array. */
  customRuleIndex: number[];
  /** Entries added to built-in word classes, by class name (unknown class names dropped). */
  classes: Record<string, string[]>;
  problems: ConfigProblem[];
}

export function parseConfig(
  text: string,
  fileName: string,
  known: { ruleIds: Set<string>; classes?: Set<string> },
): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const problem = (offset: number, message: string, fix: string) =>
    problems.push({ file: fileName, ...offsetToLineColumn(text, offset), message, fix });

  const syntax: ParseError[] = [];
  const root = tree(text, syntax);
  // Only the first syntax error: the ones after it are usually knock-on effects.
  if (syntax.length > 0) {
    const code = printParseErrorCode(syntax[0].error);
    problem(
      syntax[0].offset,
      `JSON syntax error: ${SYNTAX_MESSAGES[code] ?? code}`,
      'Correct the JSON at this position (comments and trailing commas are allowed).',
    );
  }
  // The parser recovers from syntax errors; what it could read is validated and applied like the rest.
  // structuredClone: plain objects instead of jsonc-parser's null-prototype ones (keys like __proto__ stay data).
  const value: unknown = root ? structuredClone(getNodeValue(root)) : {};

  const bad: string[] = [];
  if (!validateConfig(value)) {
    const errors = validateConfig.errors ?? [];
    for (const e of errors) bad.push(effectivePath(e));
    for (const e of mergeRequired(errors)) {
      const reported = describeSchemaError(e, value);
      if (!reported) continue;
      problem(locate(root, reported.path, reported.atKey), reported.message, reported.fix);
    }
  }
  const isBad = (path: string) => bad.some((b) => b === path || b.startsWith(path + '/') || path.startsWith(b + '/'));

  const config = (isPlainObject(value) ? value : {}) as Record<string, unknown>;
  const options: LintOptions = {};
  const customRules: RuleData[] = [];
  const customRuleIndex: number[] = [];

  // Custom rules first: their ids are valid keys in rules/severity/allow.
  const customIds = new Set<string>();
  if (Array.isArray(config.customRules)) {
    config.customRules.forEach((rule: RuleData, i) => {
      if (isBad(`/customRules/${i}`)) return;
      if (known.ruleIds.has(rule.id) || customIds.has(rule.id)) {
        const builtin = known.ruleIds.has(rule.id);
        problem(
          locate(root, ['customRules', i, 'id']),
          builtin
            ? `customRules[${i}].id '${rule.id}' is already a built-in rule id; this custom rule is ignored`
            : `customRules[${i}].id '${rule.id}' is used by an earlier custom rule; this one is ignored`,
          builtin
            ? 'Choose another id. To change the built-in rule instead, use "rules", "severity" or "allow".'
            : 'Give each custom rule its own id.',
        );
        return;
      }
      customIds.add(rule.id);
      customRules.push(rule);
      customRuleIndex.push(i);
    });
  }
  const ruleIds = [...known.ruleIds, ...customIds];
  const isRule = (id: string) => known.ruleIds.has(id) || customIds.has(id);
  const unknownRule = (path: JSONPath, id: string, atKey: boolean) =>
    problem(
      locate(root, path, atKey),
      `unknown rule id '${id}'`,
      didYouMean(id, ruleIds, 'Run `carelint rules` for the list of rule ids.'),
    );

  if (!isBad('/locale') && typeof config.locale === 'string') options.locale = config.locale as Locale;

  if (isPlainObject(config.rules)) {
    const rules: Record<string, boolean> = {};
    for (const [id, on] of Object.entries(config.rules)) {
      if (isBad(`/rules/${pointer(id)}`)) continue;
      if (!isRule(id)) unknownRule(['rules', id], id, true);
      else rules[id] = on as boolean;
    }
    options.rules = rules;
  }

  if (isPlainObject(config.categories)) {
    const categories: Partial<Record<Category, boolean>> = {};
    for (const [id, on] of Object.entries(config.categories)) {
      if (!isBad(`/categories/${pointer(id)}`)) categories[id as Category] = on as boolean;
    }
    options.categories = categories;
  }

  if (isPlainObject(config.severity)) {
    const severity: Record<string, Severity> = {};
    for (const [id, level] of Object.entries(config.severity)) {
      if (isBad(`/severity/${pointer(id)}`)) continue;
      if (!isRule(id) && !(CATEGORIES as readonly string[]).includes(id)) {
        problem(
          locate(root, ['severity', id], true),
          `unknown rule or category id '${id}'`,
          didYouMean(id, [...ruleIds, ...CATEGORIES], 'Use a rule id (`carelint rules`) or a category id.'),
        );
      } else severity[id] = level as Severity;
    }
    options.severity = severity;
  }

  if (Array.isArray(config.allow)) {
    const allow: AllowEntry[] = [];
    config.allow.forEach((entry: AllowEntry, i) => {
      if (isBad(`/allow/${i}`)) return;
      if (entry.rule !== undefined && !isRule(entry.rule)) unknownRule(['allow', i, 'rule'], entry.rule, false);
      else allow.push(entry);
    });
    options.allow = allow;
  }

  const classes: Record<string, string[]> = {};
  if (isPlainObject(config.classes)) {
    for (const [name, entries] of Object.entries(config.classes)) {
      if (isBad(`/classes/${pointer(name)}`)) continue;
      if (known.classes && !known.classes.has(name)) {
        problem(
          locate(root, ['classes', name], true),
          `unknown word class '${name}'; its entries are ignored`,
          didYouMean(name, [...known.classes], 'Run `carelint rules` for the word classes frames use.'),
        );
      } else classes[name] = entries as string[];
    }
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { options, customRules, customRuleIndex, classes, problems };
}
