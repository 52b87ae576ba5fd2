/** The command line of `carelint audit`, checked up front so a long audit never fails on a typo at the end. */
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import type { Category } from '../../../shared-rules/src/index';
import type { Command } from '../command';
import { AUDIT_FORMATS, type AuditFormat } from './formats';
import { UsageError } from '../problems';
import { DEFAULT_MAX_ITEMS } from './aggregate';
import { parseOptionDate } from './dates';

const AUDIT_OPTIONS = [
  'config',
  'format',
  'output',
  'id-field',
  'text-field',
  'date-field',
  'workers',
  'redact',
  'since',
  'until',
  'category',
  'max-items',
  'top',
];

type Values = Record<string, string | boolean | string[] | undefined>;

function wholeNumber(v: Values, name: string, min: number): number | undefined {
  const raw = v[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} needs a whole number of ${min} or more, not '${raw}'`);
  return n;
}

function date(v: Values, name: 'since' | 'until'): string | undefined {
  const raw = v[name] as string | undefined;
  if (raw === undefined) return undefined;
  const d = parseOptionDate(raw);
  if (!d) throw new UsageError(`--${name} needs a date written YYYY-MM-DD (e.g. 2023-03-10), not '${raw}'`);
  return d;
}

export function auditCommand(
  v: Values,
  positionals: string[],
  categories: Category[] | undefined,
  only: (allowed: string[]) => void,
): Command {
  only(AUDIT_OPTIONS);
  if (positionals.length === 0)
    throw new UsageError('nothing to audit: give one or more export files (.csv, .tsv, .jsonl)');
  if (positionals.includes('-'))
    throw new UsageError('`carelint audit` reads files, not standard input: save the export to a file first');
  const output = v.output as string | undefined;
  if (output !== undefined && positionals.some((p) => resolve(p) === resolve(output))) {
    throw new UsageError(
      `--output ${output} is one of the exports; writing the report there would destroy it. Choose another file`,
    );
  }
  const fromExtension = output ? extname(output).slice(1).toLowerCase() : '';
  const format =
    (v.format as string | undefined) ??
    ((AUDIT_FORMATS as readonly string[]).includes(fromExtension)
      ? fromExtension
      : fromExtension === 'htm'
        ? 'html'
        : 'json');
  if (!(AUDIT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format for \`audit\` must be one of: ${AUDIT_FORMATS.join(', ')}, not '${format}'`);
  const since = date(v, 'since');
  const until = date(v, 'until');
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return {
    name: 'audit',
    inputs: positionals,
    format: format as AuditFormat,
    output,
    config: v.config as string | undefined,
    idField: v['id-field'] as string | undefined,
    textField: v['text-field'] as string | undefined,
    dateField: v['date-field'] as string | undefined,
    workers: wholeNumber(v, 'workers', 1) ?? availableParallelism(),
    redact: Boolean(v.redact),
    since,
    until,
    categories,
    maxItems: wholeNumber(v, 'max-items', 0) ?? DEFAULT_MAX_ITEMS,
    top: wholeNumber(v, 'top', 0),
  };
}
