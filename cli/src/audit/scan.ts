/**
 * The per-note work a worker does: lint one note with the shared engine and keep only what the audit reports.
 * Runs the same way on one thread or many, so results cannot depend on the number of workers.
 */
import { builtinRuleSet, lint, type RuleSet } from '../../../shared-rules/src/index';
import { CATEGORIES, type Category, type LintOptions, type Severity } from '../../../shared-rules/src/index';
import { loadConfig } from '../../../shared-rules/src/index';
// type only: config.ts reads files and must stay out of the worker bundle
import type { ConfigSource } from './config';

export interface ScanOptions {
  categories?: Category[];
  redact: boolean;
  /** --config, compiled again in each worker. */
  config?: ConfigSource;
}

export interface NoteFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** The words around the finding, on one line; absent with --redact. */
  excerpt?: string;
}

/** Characters of context kept either side of a finding. */
const CONTEXT = 70;

export function makeScanner(options: ScanOptions): (text: string) => NoteFinding[] {
  const config = options.config
    ? loadConfig(options.config.text, options.config.name)
    : { options: {}, ruleSet: builtinRuleSet() };
  const ruleSet: RuleSet = config.ruleSet;
  const lintOptions: LintOptions & { ruleSet: RuleSet } = {
    ...config.options,
    ruleSet,
    ...(options.categories
      ? { categories: Object.fromEntries(CATEGORIES.map((c) => [c, options.categories!.includes(c)])) }
      : {}),
  };
  return (text) => {
    const out: NoteFinding[] = [];
    for (const f of lint(text, lintOptions)) {
      if (options.categories && !options.categories.includes(f.category)) continue;
      const finding: NoteFinding = { ruleId: f.ruleId, category: f.category, severity: f.severity };
      if (!options.redact) finding.excerpt = excerpt(text, f.start, f.end);
      out.push(finding);
    }
    return out;
  };
}

/** The finding with up to CONTEXT characters either side, cut at word boundaries, whitespace folded. */
export function excerpt(text: string, start: number, end: number): string {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  // ASCII dots, not '…': one non-Latin-1 character would make V8 store every excerpt at two bytes a character
  return `${from > 0 ? '...' : ''}${body}${to < text.length ? '...' : ''}`;
}
