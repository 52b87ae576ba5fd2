// Schema and syntax errors as messages a person can act on.
import type { JSONPath } from 'jsonc-parser/lib/esm/main.js';
import type { SchemaError } from '../../generated/validate-config';
import { CATEGORIES } from '../types';
import { didYouMean } from './did-you-mean';
import { getAt, readablePath, toPath } from './json-paths';
import { CONTEXT_KEYS, RULE_KEYS, TOP_KEYS } from './keys';

export const SYNTAX_MESSAGES: Record<string, string> = {
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

export interface Described {
  path: JSONPath;
  /** Point at the property name rather than its value. */
  atKey?: boolean;
  message: string;
  fix: string;
}

/** A schema error as a readable problem, or undefined for errors another one already explains. */
export function describeSchemaError(e: SchemaError, value: unknown): Described | undefined {
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
        return {
          path: keyPath,
          atKey: true,
          message: `unknown category '${key}'`,
          fix: didYouMean(key, CATEGORIES, `Use one of: ${CATEGORIES.join(', ')}.`),
        };
      }
      const allowed =
        path.length === 0
          ? TOP_KEYS
          : path[0] === 'customRules' && path.length === 2
            ? RULE_KEYS
            : parent === 'context'
              ? CONTEXT_KEYS
              : undefined;
      const inWhere = where ? ` in ${where}` : '';
      return {
        path: keyPath,
        atKey: true,
        message: `unknown key '${key}'${inWhere}`,
        fix: allowed
          ? didYouMean(key, allowed, `Remove it. Allowed keys: ${allowed.join(', ')}.`)
          : 'Remove it or check its spelling.',
      };
    }
    case 'required': {
      const fields: string[] = e.params.missingProperties ?? [e.params.missingProperty];
      if (path[0] === 'allow') {
        return {
          path,
          message: `${where} has no reason`,
          fix: 'Add "reason": why this wording may stay (kept for audit).',
        };
      }
      const what = path[0] === 'customRules' && path.length === 2 ? `custom rule ${where}` : where;
      const ignored = path[0] === 'customRules' ? '; this custom rule is ignored' : '';
      const list = fields.map((f) => `'${f}'`).join(', ');
      return {
        path,
        message: `${what} is missing the required field${fields.length > 1 ? 's' : ''} ${list}${ignored}`,
        fix: `Add ${list} (see rule.schema.json and the rule format in shared-rules/README.md).`,
      };
    }
    case 'anyOf':
      if (path[0] === 'allow')
        return {
          path,
          message: `${where} names neither text nor rule`,
          fix: 'Add "text" (the exact wording that may stay), "rule" (a rule id), or both.',
        };
      return {
        path,
        message: `${where} must be a sentence or an object {"text", "fixed", "flagged"}`,
        fix: 'Write the example as a string, or as an object with a "text" field.',
      };
    case 'enum': {
      const allowed = e.params.allowedValues as string[];
      const got = getAt(value, path);
      const label =
        path[0] === 'locale'
          ? 'locale'
          : path[0] === 'categories' || parent === 'category'
            ? 'category'
            : parent === 'severity' || path[0] === 'severity'
              ? 'severity'
              : 'value';
      return {
        path,
        message: `${where}: ${JSON.stringify(got)} is not a valid ${label}`,
        fix: `Use one of: ${allowed.join(', ')}.`,
      };
    }
    case 'type':
      return {
        path,
        message: `${where || 'the configuration'} must be ${article(e.params.type)}`,
        fix: `Write ${article(e.params.type)} here.`,
      };
    case 'minItems':
      return { path, message: `${where} must not be empty`, fix: 'Add at least one entry.' };
    case 'minLength':
      return { path, message: `${where} must not be an empty string`, fix: 'Write some text here.' };
    case 'pattern':
      return {
        path,
        message: `${where}: ${JSON.stringify(getAt(value, path))} is not a kebab-case id`,
        fix: 'Use lower-case letters and digits separated by single hyphens, e.g. "my-team-rule".',
      };
    case 'minimum':
    case 'maximum':
      return {
        path,
        message: `${where} ${e.message}`,
        fix: 'Use a number within the allowed range (within: 1 to 40 words).',
      };
    default:
      return {
        path,
        message: `${where || 'the configuration'} ${e.message ?? 'is not valid'}`,
        fix: 'See config.schema.json.',
      };
  }
}

/** One `required` error per object, listing every missing field. */
export function mergeRequired(errors: SchemaError[]): SchemaError[] {
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

export function article(type: string): string {
  return type === 'object' || type === 'array' || type === 'integer' ? `an ${type}` : `a ${type}`;
}
