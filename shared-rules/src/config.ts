/**
 * `.carelintrc.json`: parse (JSON with comments), validate against config.schema.json (standalone
 * validator generated at build time, no ajv at run time), run the semantic checks, and turn the valid
 * parts into LintOptions + custom rules. Pure TypeScript: the CLI, VS Code and Word hosts share it.
 */
// The ESM build: jsonc-parser's default "main" is a UMD file whose dynamic requires esbuild cannot bundle.
import { findNodeAtLocation, getNodeValue, type JSONPath, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import { validateConfig, type SchemaError } from '../generated/validate-config';
import { builtinRuleSet, builtinRules, ruleSetWith } from './builtin';
import { RuleCompileError, type RuleSet } from './compile';
import { offsetToLineColumn } from './position';
import { CATEGORIES, type AllowEntry, type Category, type LintOptions, type Locale, type RuleData, type Severity } from './types';

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
  problems: ConfigProblem[];
}

const TOP_KEYS = ['$schema', 'locale', 'rules', 'categories', 'severity', 'allow', 'customRules'];
const RULE_KEYS = ['id', 'category', 'severity', 'enabled', 'match', 'context', 'message', 'rationale', 'sources', 'suggestions', 'examples'];
const CONTEXT_KEYS = ['near', 'notNear', 'after', 'before', 'notAfter', 'notBefore', 'negatable', 'extendToNear', 'sections'];

export function parseConfig(text: string, fileName: string, known: { ruleIds: Set<string> }): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const problem = (offset: number, message: string, fix: string) =>
    problems.push({ file: fileName, ...offsetToLineColumn(text, offset), message, fix });

  const syntax: ParseError[] = [];
  const root = tree(text, syntax);
  // Only the first syntax error: the ones after it are usually knock-on effects.
  if (syntax.length > 0) {
    const code = printParseErrorCode(syntax[0].error);
    problem(syntax[0].offset, `JSON syntax error: ${SYNTAX_MESSAGES[code] ?? code}`,
      'Correct the JSON at this position (comments and trailing commas are allowed).');
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
        problem(locate(root, ['customRules', i, 'id']),
          builtin ? `customRules[${i}].id '${rule.id}' is already a built-in rule id; this custom rule is ignored`
            : `customRules[${i}].id '${rule.id}' is used by an earlier custom rule; this one is ignored`,
          builtin ? 'Choose another id. To change the built-in rule instead, use "rules", "severity" or "allow".' : 'Give each custom rule its own id.');
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
    problem(locate(root, path, atKey), `unknown rule id '${id}'`, didYouMean(id, ruleIds, 'Run `carelint rules` for the list of rule ids.'));

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
        problem(locate(root, ['severity', id], true), `unknown rule or category id '${id}'`,
          didYouMean(id, [...ruleIds, ...CATEGORIES], 'Use a rule id (`carelint rules`) or a category id.'));
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

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { options, customRules, customRuleIndex, problems };
}

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
  const parsed = parseConfig(text, fileName, { ruleIds: new Set(builtin.map((r) => r.id)) });
  const problems = [...parsed.problems];
  let custom = parsed.customRules.map((rule, k) => ({ rule, index: parsed.customRuleIndex[k] }));
  while (custom.length > 0) {
    try {
      return { options: parsed.options, ruleSet: ruleSetWith(custom.map((c) => c.rule)), problems };
    } catch (e) {
      if (!(e instanceof RuleCompileError)) throw e;
      const refused = new Set<number>();
      for (const issue of e.issues) {
        const k = Number(issue.path[0]) - builtin.length;
        if (!(k >= 0 && k < custom.length)) throw e; // a built-in rule: not the config's fault
        refused.add(k);
        const { index } = custom[k];
        problems.push({
          file: fileName, ...locateCustomRuleIssue(text, index, issue.path.slice(1)),
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
export function locateCustomRuleIssue(text: string, customIndex: number, path: (string | number)[]): { line: number; column: number } {
  const root = tree(text, []);
  return offsetToLineColumn(text, locate(root, ['customRules', customIndex, ...path]));
}

/** JSON with comments and trailing commas; a leading byte-order mark counts as a space (offsets unchanged). */
function tree(text: string, errors: ParseError[]): Node | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  return parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function didYouMean(word: string, candidates: Iterable<string>, otherwise: string): string {
  const near = nearest(word, candidates);
  return near ? `Did you mean '${near}'?` : otherwise;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ','",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the configuration',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

interface Described {
  path: JSONPath;
  /** Point at the property name rather than its value. */
  atKey?: boolean;
  message: string;
  fix: string;
}

/** A schema error as a readable problem, or undefined for errors another one already explains. */
function describeSchemaError(e: SchemaError, value: unknown): Described | undefined {
  // anyOf branches produce one error each; the anyOf error itself says it once.
  if (e.schemaPath.includes('/anyOf/')) return undefined;
  const path = toPath(e.instancePath, value);
  const where = readablePath(path);
  const parent = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties': {
      const key: string = e.params.additionalProperty;
      const keyPath = [...path, key];
      if (path.length === 1 && path[0] === 'categories') {
        return { path: keyPath, atKey: true, message: `unknown category '${key}'`, fix: didYouMean(key, CATEGORIES, `Use one of: ${CATEGORIES.join(', ')}.`) };
      }
      const allowed = path.length === 0 ? TOP_KEYS : path[0] === 'customRules' && path.length === 2 ? RULE_KEYS
        : parent === 'context' ? CONTEXT_KEYS : undefined;
      const inWhere = where ? ` in ${where}` : '';
      return {
        path: keyPath, atKey: true, message: `unknown key '${key}'${inWhere}`,
        fix: allowed ? didYouMean(key, allowed, `Remove it. Allowed keys: ${allowed.join(', ')}.`) : 'Remove it or check its spelling.',
      };
    }
    case 'required': {
      const fields: string[] = e.params.missingProperties ?? [e.params.missingProperty];
      if (path[0] === 'allow') {
        return { path, message: `${where} has no reason`, fix: 'Add "reason": why this wording may stay (kept for audit).' };
      }
      const what = path[0] === 'customRules' && path.length === 2 ? `custom rule ${where}` : where;
      const ignored = path[0] === 'customRules' ? '; this custom rule is ignored' : '';
      const list = fields.map((f) => `'${f}'`).join(', ');
      return {
        path, message: `${what} is missing the required field${fields.length > 1 ? 's' : ''} ${list}${ignored}`,
        fix: `Add ${list} (see rule.schema.json and the rule format in shared-rules/README.md).`,
      };
    }
    case 'anyOf':
      if (path[0] === 'allow') return { path, message: `${where} names neither text nor rule`, fix: 'Add "text" (the exact wording that may stay), "rule" (a rule id), or both.' };
      return { path, message: `${where} must be a sentence or an object {"text", "fixed", "flagged"}`, fix: 'Write the example as a string, or as an object with a "text" field.' };
    case 'enum': {
      const allowed = (e.params.allowedValues as string[]);
      const got = getAt(value, path);
      const label = path[0] === 'locale' ? 'locale' : path[0] === 'categories' || parent === 'category' ? 'category' : parent === 'severity' || path[0] === 'severity' ? 'severity' : 'value';
      return { path, message: `${where}: ${JSON.stringify(got)} is not a valid ${label}`, fix: `Use one of: ${allowed.join(', ')}.` };
    }
    case 'type':
      return { path, message: `${where || 'the configuration'} must be ${article(e.params.type)}`, fix: `Write ${article(e.params.type)} here.` };
    case 'minItems':
      return { path, message: `${where} must not be empty`, fix: 'Add at least one entry.' };
    case 'minLength':
      return { path, message: `${where} must not be an empty string`, fix: 'Write some text here.' };
    case 'pattern':
      return { path, message: `${where}: ${JSON.stringify(getAt(value, path))} is not a kebab-case id`, fix: 'Use lower-case letters and digits separated by single hyphens, e.g. "my-team-rule".' };
    case 'minimum':
    case 'maximum':
      return { path, message: `${where} ${e.message}`, fix: 'Use a number within the allowed range (within: 1 to 40 words).' };
    default:
      return { path, message: `${where || 'the configuration'} ${e.message ?? 'is not valid'}`, fix: 'See config.schema.json.' };
  }
}

/** One `required` error per object, listing every missing field. */
function mergeRequired(errors: SchemaError[]): SchemaError[] {
  const merged = new Map<string, SchemaError>();
  const out: SchemaError[] = [];
  for (const e of errors) {
    if (e.keyword !== 'required') {
      out.push(e);
      continue;
    }
    const first = merged.get(e.instancePath);
    if (first) first.params.missingProperties.push(e.params.missingProperty);
    else {
      const copy = { ...e, params: { ...e.params, missingProperties: [e.params.missingProperty] } };
      merged.set(e.instancePath, copy);
      out.push(copy);
    }
  }
  return out;
}

function article(type: string): string {
  return type === 'object' || type === 'array' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

/** The JSON pointer an error makes invalid: an unknown key's own path, else the instance path. */
function effectivePath(e: SchemaError): string {
  return e.keyword === 'additionalProperties' ? `${e.instancePath}/${pointer(e.params.additionalProperty)}` : e.instancePath;
}

function pointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer → path, with array indexes as numbers. */
function toPath(instancePath: string, value: unknown): JSONPath {
  if (!instancePath) return [];
  const path: JSONPath = [];
  let cursor: unknown = value;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(cursor) ? Number(key) : key;
    path.push(segment);
    cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

function getAt(value: unknown, path: JSONPath): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

/** customRules[0].examples.match[1] */
function readablePath(path: JSONPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Offset of the node at `path` (its property name when atKey), or of its deepest existing ancestor. */
function locate(root: Node | undefined, path: JSONPath, atKey = false): number {
  if (!root) return 0;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (atKey && n === path.length && node.parent?.type === 'property') return node.parent.children![0].offset;
    return node.offset;
  }
  return root.offset;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
