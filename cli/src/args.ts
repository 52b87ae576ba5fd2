import { parseArgs } from 'node:util';
import { CATEGORIES, type Category, type Locale } from '../../shared-rules/src/index';
import { nearest } from '../../shared-rules/src/index';
import { UsageError } from './problems';
import { auditCommand } from './audit/options';
import { FORMATS, type Command, type Format } from './command';

export type { Command, Format } from './command';

const LOCALES: Locale[] = ['en-GB', 'en-US'];
const COMMANDS = ['check', 'rules', 'explain', 'audit'] as const;

export function parseCommandLine(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        category: { type: 'string', multiple: true },
        locale: { type: 'string' },
        'stdin-filename': { type: 'string' },
        'max-warnings': { type: 'string' },
        output: { type: 'string', short: 'o' },
        'id-field': { type: 'string' },
        'text-field': { type: 'string' },
        'date-field': { type: 'string' },
        workers: { type: 'string' },
        redact: { type: 'boolean' },
        since: { type: 'string' },
        until: { type: 'string' },
        'max-items': { type: 'string' },
        top: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('. ')[0]);
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { name: 'help' };
  if (v.version) return { name: 'version' };

  // `carelint notes.txt` means `carelint check notes.txt`; use `check` explicitly for a folder named like a command.
  const name = (COMMANDS as readonly string[]).includes(positionals[0])
    ? (positionals.shift() as (typeof COMMANDS)[number])
    : 'check';
  const only = (allowed: string[]) => {
    const extra = Object.keys(v).filter((k) => !allowed.includes(k));
    if (extra.length) throw new UsageError(`--${extra[0]} does not apply to \`carelint ${name}\``);
  };

  if (name === 'rules') {
    only(['format', 'config']);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' after \`rules\``);
    const format = v.format ?? 'stylish';
    if (format !== 'stylish' && format !== 'json')
      throw new UsageError(`--format for \`rules\` must be stylish or json, not '${format}'`);
    return { name, format, config: v.config };
  }
  if (name === 'explain') {
    only(['config']);
    if (positionals.length !== 1)
      throw new UsageError('`carelint explain` takes exactly one rule id, e.g. `carelint explain refused`');
    return { name, ruleId: positionals[0], config: v.config };
  }

  const categories = v.category?.map((c) => {
    if ((CATEGORIES as readonly string[]).includes(c)) return c as Category;
    const near = nearest(c, CATEGORIES);
    throw new UsageError(
      `unknown --category '${c}'${near ? `; did you mean '${near}'?` : `; use one of: ${CATEGORIES.join(', ')}`}`,
    );
  });
  if (name === 'audit') return auditCommand(v, positionals, categories, only);

  only(['format', 'fix', 'config', 'category', 'locale', 'stdin-filename', 'max-warnings']);
  if (positionals.length === 0)
    throw new UsageError('nothing to check: give files, folders, globs, or - for standard input');
  const format = v.format ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown --format '${format}'; use one of: ${FORMATS.join(', ')}`);
  const locale = v.locale;
  if (locale !== undefined && !(LOCALES as string[]).includes(locale))
    throw new UsageError(`unknown --locale '${locale}'; use en-GB or en-US`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
      throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${v['max-warnings']}'`);
  }
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('- (standard input) can be given only once');
  return {
    name,
    inputs: positionals,
    format: format as Format,
    fix: v.fix ?? false,
    config: v.config,
    categories,
    locale: locale as Locale | undefined,
    stdinFilename: v['stdin-filename'],
    maxWarnings,
  };
}
