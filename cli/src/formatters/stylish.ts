import { autoRewrite, type Finding, type Severity } from '../../../shared-rules/src/index';
import { plural } from '../plural';
import type { CheckedFile } from '../types';

type Paint = (code: number, s: string) => string;

/**
 * ESLint-like report: a header per file with findings, aligned rows, the flagged text and first rewrite, a summary.
 * `problems` counts what was reported on stderr (unreadable files, bad config: exit code 2), so the summary never
 * says "no findings" as if all went well when a file could not be checked.
 */
export function formatStylish(files: CheckedFile[], colour: boolean, problems = 0): string {
  const paint: Paint = colour ? (code, s) => `\u001b[${code}m${s}\u001b[0m` : (_code, s) => s;
  const level: Record<Severity, string> = {
    error: paint(31, 'error'),
    warning: paint(33, 'warning'),
    information: paint(36, 'info'),
  };
  const out: string[] = [];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0 };
  const byCategory = new Map<string, number>();
  let filesWithFindings = 0;

  for (const file of files) {
    if (file.findings.length === 0) continue;
    filesWithFindings++;
    out.push(paint(4, file.file));
    const where = file.findings.map((f) => (file.docx ? `paragraph ${f.line}:${f.column}` : `${f.line}:${f.column}`));
    const whereWidth = Math.max(...where.map((w) => w.length));
    const messageWidth = Math.min(80, Math.max(...file.findings.map((f) => f.message.length)));
    file.findings.forEach((f, i) => {
      bySeverity[f.severity]++;
      byCategory.set(f.category, (byCategory.get(f.category) ?? 0) + 1);
      const lvl =
        level[f.severity] + ' '.repeat('warning'.length - (f.severity === 'information' ? 4 : f.severity.length));
      out.push(
        `  ${paint(2, where[i].padEnd(whereWidth))}  ${lvl}  ${f.message.padEnd(messageWidth)}  ${paint(2, f.ruleId)}`,
      );
      const indent = ' '.repeat(2 + whereWidth + 2);
      const flagged = JSON.stringify(f.text.replace(/\s+/g, ' '));
      out.push(`${indent}${flagged}${offer(f, paint)}`);
    });
    out.push('');
  }

  const total = bySeverity.error + bySeverity.warning + bySeverity.information;
  const checked = `${plural(files.length, 'file')} checked`;
  const trouble = `${plural(problems, 'problem')} (see the messages above)`;
  if (total === 0 && problems === 0) {
    out.push(paint(32, `✔ no findings (${checked})`));
  } else if (total === 0) {
    out.push(
      paint(31, `✖ ${trouble}; ${files.length === 0 ? 'no file was checked' : `no findings in the ${checked}`}`),
    );
  } else {
    const severities = `${plural(bySeverity.error, 'error')}, ${plural(bySeverity.warning, 'warning')}, ${bySeverity.information} information`;
    const categories = [...byCategory]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const summary = `✖ ${plural(total, 'finding')} in ${plural(filesWithFindings, 'file')} (${severities}; ${checked})${problems ? `; ${trouble}` : ''}`;
    out.push(paint(bySeverity.error ? 31 : 33, summary), `  by category: ${categories}`);
  }
  return out.join('\n') + '\n';
}

/** What the row offers: the rewrite --fix would apply, else the practice guidance, else the prompt to fill in. */
function offer(f: Finding, paint: Paint): string {
  const rewrite = autoRewrite(f);
  if (rewrite !== undefined) return ` → ${paint(32, JSON.stringify(rewrite))}`;
  if (f.guidance.length) return `  ${paint(2, `change the plan: ${f.guidance[0]}`)}`;
  return f.suggestions.length ? `  ${paint(2, `ask: ${f.suggestions[0]}`)}` : '';
}
