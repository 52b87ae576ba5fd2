import { dirname, resolve } from 'node:path';
import { lint } from '../../shared-rules/src/index';
import {
  CATEGORIES,
  SKIP_REASONS,
  type Finding,
  type LintOptions,
  type SkippedFix,
} from '../../shared-rules/src/index';
import type { Command } from './args';
import { Configs } from './configs';
import { fixFile, type FixChange } from './fix';
import { formatReport } from './formatters/index';
import { expandInputs } from './inputs';
import { locateFindings } from './positions';
import type { Problems } from './problems';
import { readInput } from './read';
import type { CheckedFile } from './types';

type CheckCommand = Extract<Command, { name: 'check' }>;

/** `carelint check`: returns the exit code for the findings (0 or 1); problems (exit 2) go through `problems`. */
export async function check(cmd: CheckCommand, problems: Problems): Promise<number> {
  const inputs = await expandInputs(cmd.inputs, cmd.stdinFilename, problems);
  const configs = new Configs(problems, cmd.config);
  const checked: CheckedFile[] = [];

  for (const input of inputs) {
    const read = await readInput(input);
    if (!read.ok) {
      problems.report(read.at ? `${input.display}:${read.at}` : input.display, read.message);
      continue;
    }
    const config = configs.forFolder(dirname(input.path ?? resolve(cmd.stdinFilename ?? 'stdin')));
    const options: LintOptions & { ruleSet: typeof config.ruleSet } = {
      ...config.options,
      format: read.docx ? 'plaintext' : input.format,
      ruleSet: config.ruleSet,
      ...(cmd.locale ? { locale: cmd.locale } : {}),
      ...(cmd.categories
        ? { categories: Object.fromEntries(CATEGORIES.map((c) => [c, cmd.categories!.includes(c)])) }
        : {}),
    };
    // --category also filters the findings, so a rule switched on by id in the config cannot slip through.
    const lintText = (text: string): Finding[] =>
      lint(text, options).filter((f) => !cmd.categories || cmd.categories.includes(f.category));

    let text = read.text;
    let findings = lintText(text);
    if (cmd.fix && findings.length > 0) {
      if (read.docx)
        problems.note(`${input.display}: --fix does not change .docx files; findings reported as they are`);
      else if (input.path === undefined)
        problems.note('--fix does not apply to standard input; findings reported as they are');
      else {
        try {
          const outcome = await fixFile(input.path, read, findings, lintText, input.format);
          if ('conflict' in outcome) problems.report(input.display, outcome.conflict);
          else {
            ({ text, findings } = outcome);
            reportFixes(input.display, outcome.changes, outcome.skipped, problems);
          }
        } catch (e) {
          problems.report(input.display, `could not write the fixed file (${(e as Error).message}); left unchanged`);
        }
      }
    }
    checked.push({
      file: input.display,
      path: input.path,
      docx: read.docx,
      findings: locateFindings(text, read.docx, findings),
      ruleSet: config.ruleSet,
    });
  }

  process.stdout.write(formatReport(cmd.format, checked, problems.count));
  const all = checked.flatMap((f) => f.findings);
  if (all.length === 0) return 0;
  if (cmd.maxWarnings === undefined) return 1;
  return all.some((f) => f.severity === 'error') || all.length > cmd.maxWarnings ? 1 : 0;
}

/** What --fix changed, on stderr (stdout stays the report): `file:line: "before" → "after"`, then what it left and why. */
function reportFixes(file: string, changes: FixChange[], skipped: SkippedFix[], problems: Problems): void {
  for (const c of changes) problems.note(`${file}:${c.line}: fixed "${c.before}" → "${c.after}" (${c.ruleId})`);
  const left = new Map<string, number>();
  for (const s of skipped) left.set(s.reason, (left.get(s.reason) ?? 0) + 1);
  for (const [reason, n] of left)
    problems.note(
      `${file}: ${n} finding${n === 1 ? '' : 's'} left for you: ${SKIP_REASONS[reason as SkippedFix['reason']]}`,
    );
}
