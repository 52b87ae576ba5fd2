import { configuredRules, describeRule, describeRuleAsText, severityLabel } from '../../shared-rules/src/index';
import { CATEGORIES } from '../../shared-rules/src/index';
import { nearest } from '../../shared-rules/src/index';
import type { Command } from './args';
import { Configs } from './configs';
import type { Problems } from './problems';

/** `carelint rules`: the catalogue, with the settings of the config found from the working folder. */
export function listRules(cmd: Extract<Command, { name: 'rules' }>, problems: Problems): number {
  const { options, ruleSet } = new Configs(problems, cmd.config).forFolder(process.cwd());
  const rows = configuredRules(ruleSet, options)
    .map(({ rule, enabled, severity }) => ({
      id: rule.id,
      category: rule.category,
      severity,
      enabled,
      kind: rule.frame ? 'frame' : rule.model ? 'model' : 'phrase',
      message: rule.message,
    }))
    .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || (a.id < b.id ? -1 : 1));
  if (cmd.format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const width = (key: 'id' | 'category' | 'severity') => Math.max(key.length, ...rows.map((r) => r[key].length));
  const [w1, w2, w3] = [width('id'), width('category'), width('severity')];
  const line = (id: string, category: string, severity: string, on: string, message: string) =>
    `${id.padEnd(w1)}  ${category.padEnd(w2)}  ${severity.padEnd(w3)}  ${on.padEnd(3)}  ${message}`;
  const out = [line('id', 'category', 'severity', 'on', 'message')];
  for (const r of rows)
    out.push(
      line(
        r.id,
        r.category,
        r.severity,
        r.enabled ? 'yes' : 'no',
        `${r.kind === 'phrase' ? '' : `[${r.kind}] `}${r.message}`,
      ),
    );
  const classes = Object.entries(ruleSet.wordClasses());
  const cw = Math.max(5, ...classes.map(([name]) => name.length));
  out.push('', 'Word classes (frames name these; add wording to one in .carelintrc.json "classes"):');
  for (const [name, c] of classes)
    out.push(`${name.padEnd(cw)}  ${String(c.entries.length).padStart(3)} entries  ${c.description ?? ''}`);
  out.push(
    '',
    `${rows.length} rules (${rows.filter((r) => r.kind === 'frame').length} frames, ${rows.filter((r) => r.kind === 'model').length} a trained model's second opinion), ${classes.length} word classes. \`carelint explain <id>\` shows the rationale, sources and examples of a rule, how a frame matches, and what a model rule was trained on.`,
  );
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** `carelint explain RULE`. */
export function explainRule(cmd: Extract<Command, { name: 'explain' }>, problems: Problems): number {
  const { options, ruleSet } = new Configs(problems, cmd.config).forFolder(process.cwd());
  const rule = ruleSet.byId(cmd.ruleId);
  if (!rule) {
    const near = nearest(
      cmd.ruleId,
      ruleSet.rules.map((r) => r.id),
    );
    problems.report(
      'carelint',
      `no rule '${cmd.ruleId}'.${near ? ` Did you mean '${near}'?` : ''} \`carelint rules\` lists them`,
    );
    return 0;
  }
  const { enabled, severity } = configuredRules(ruleSet, options).find((r) => r.rule === rule)!;
  const description = describeRule(ruleSet, rule.id)!;
  const configured = { ...description, severity, severityLabel: severityLabel(severity) };
  process.stdout.write(describeRuleAsText(configured, 100, enabled ? '' : '; off'));
  return 0;
}
