// A rule described once, as sections; each host (CLI explain, VS Code hover and explanation, Word and demo cards,
// the language server) only lays the sections out.
import type { RuleSet } from '../matching/compile';
import { describeFrame, type FrameDescription } from '../frames/describe';
import { describeModel, type ModelDescription } from '../model/describe';
import { suggestionKind } from '../text/prompts';
import type { Category, RuleData, Severity, SourceRef, WordClasses } from '../types';

/** Display order: the three NHS England "eradicate" elements first, wider stigma last. */
export const CATEGORY_ORDER: readonly Category[] = [
  'police-involvement',
  'punitive-approach',
  'discriminatory-attitude',
  'stigmatizing-language',
];

/** How each category is named to writers and trainers (the ids stay stable; these words may change). */
const CATEGORY_LABELS: Record<Category, string> = {
  'police-involvement': 'Police involvement in care',
  'punitive-approach': 'Punitive approach',
  'discriminatory-attitude': 'Discriminatory attitude',
  'stigmatizing-language': 'Stigmatising language',
};

/** Severities in the words of the domain: a clinician reads "error" as a charge, not as advice. */
const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Change needed',
  warning: 'Review',
  information: 'Consider',
};

export function categoryLabel(category: Category): string {
  return CATEGORY_LABELS[category];
}

export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity];
}

export interface RuleDescription {
  id: string;
  category: Category;
  categoryLabel: string;
  severity: Severity;
  severityLabel: string;
  message: string;
  rationale: string;
  /** Other words that say the same thing (templates: `word~` is shown as the word). */
  rewrites: string[];
  /** Requests for facts the writer has ("[describe what happened]"). */
  prompts: string[];
  /** Advice on changing the practice; never text to insert. */
  guidance: string[];
  sources: SourceRef[];
  /** Flagged examples (with the text after the first rewrite, where the rule pins it) and examples left alone. */
  examples: { flagged: Array<{ text: string; fixed?: string }>; fine: string[] };
  /** A frame rule: its slots, scope and quieting classes in words, and the word classes it uses. */
  frame?: FrameDescription;
  /** A model rule: what the model is, what it was trained on and when it fires. */
  model?: ModelDescription;
}

/** The rule with this id in the rule set, described; undefined when there is none. */
export function describeRule(ruleSet: RuleSet, ruleId: string): RuleDescription | undefined {
  const compiled = ruleSet.compiledById(ruleId);
  return compiled ? describeRuleData(compiled.data, compiled.sources, ruleSet.wordClasses()) : undefined;
}

export function describeRuleData(
  rule: RuleData,
  sources: readonly SourceRef[],
  classes: WordClasses = {},
): RuleDescription {
  const templates = (rule.suggestions ?? []).map((s) => s.replace(/~/g, ''));
  return {
    id: rule.id,
    category: rule.category,
    categoryLabel: categoryLabel(rule.category),
    severity: rule.severity,
    severityLabel: severityLabel(rule.severity),
    message: rule.message,
    rationale: rule.rationale,
    rewrites: templates.filter((s) => suggestionKind(s) === 'rewrite'),
    prompts: templates.filter((s) => suggestionKind(s) === 'prompt'),
    guidance: rule.guidance ?? [],
    sources: [...sources],
    examples: {
      flagged: rule.examples.match.map((e) =>
        typeof e === 'string' ? { text: e } : { text: e.text, ...(e.fixed ? { fixed: e.fixed } : {}) },
      ),
      fine: [...rule.examples.noMatch],
    },
    ...(rule.frame ? { frame: describeFrame(rule.frame, classes) } : {}),
    ...(rule.model ? { model: describeModel() } : {}),
  };
}

/** `Title <url>`, or just the url when it is the title (custom rules cite urls directly). */
export function sourceText(s: SourceRef): string {
  return s.url && s.url !== s.title ? `${s.title} <${s.url}>` : s.title;
}

/** The description as plain text, for a terminal (`carelint explain`) or a read-only editor view. */
export function describeRuleAsText(d: RuleDescription, width = 100, note = ''): string {
  const section = (title: string, lines: string[]) => (lines.length ? ['', `${title}:`, ...lines] : []);
  const items = (list: string[]) => list.map((s) => `  - ${s}`);
  return [
    `CareLint rule: ${d.id}  (${d.category}: ${d.categoryLabel}; ${d.severity}: ${d.severityLabel}${note})`,
    '',
    d.message,
    ...section('Why', wrap(d.rationale, width)),
    ...(d.frame
      ? section(`How it matches (a frame: word classes in order, ${d.frame.scope})`, [
          ...d.frame.patterns.flatMap((p) => wrap(`- ${p}`, width, '    ')),
          ...[...d.frame.require, ...d.frame.quiet].flatMap((q) =>
            wrap(`- ${q[0].toUpperCase()}${q.slice(1)}`, width, '    '),
          ),
        ])
      : []),
    ...(d.frame
      ? section(
          'Word classes it uses (extend one in .carelintrc.json "classes")',
          d.frame.classes.flatMap((c) =>
            wrap(
              `- ${c.name}: ${c.description}${c.description ? '; ' : ''}e.g. ${c.entries
                .slice(0, 4)
                .map((e) => `“${e}”`)
                .join(', ')}${c.count > 4 ? ` (${c.count} entries)` : ''}`,
              width,
              '    ',
            ),
          ),
        )
      : []),
    ...(d.model
      ? section('How it matches (a trained model, not phrases)', [
          ...wrap(`- What it is: ${d.model.what}.`, width, '    '),
          ...wrap(`- Trained on: ${d.model.trainedOn}.`, width, '    '),
          ...wrap(`- Fires: ${d.model.fires}.`, width, '    '),
        ])
      : []),
    ...section('Instead', items(d.rewrites)),
    ...section('Ask the writer', items(d.prompts)),
    ...section(
      'Change the plan',
      d.guidance.flatMap((g) => wrap(g, width)),
    ),
    ...section(
      'Flagged',
      d.examples.flagged.flatMap((e) => [`  - ${e.text}`, ...(e.fixed ? [`    → ${e.fixed}`] : [])]),
    ),
    ...section('Not flagged', items(d.examples.fine)),
    ...section('Sources', items(d.sources.map(sourceText))),
    '',
  ].join('\n');
}

/** Lines of at most `width`, indented two spaces; continuation lines of a list item take `hang`. */
function wrap(text: string, width: number, hang = '  '): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - 2) {
      out.push(`${out.length ? hang : '  '}${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`${out.length ? hang : '  '}${line}`);
  return out;
}
