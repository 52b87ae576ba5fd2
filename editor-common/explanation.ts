import type { RuleData, SourceRef } from '../shared-rules/src/index';

/** A rule's explanation as plain text: what "explain rule" shows in every editor. */
export function explanationText(rule: RuleData, sources: readonly SourceRef[]): string {
  const examples = rule.examples.match.map((e) => (typeof e === 'string' ? e : e.text));
  return [
    `CareLint rule: ${rule.id}  (${rule.category}, ${rule.severity})`,
    '',
    rule.message,
    '',
    'Why:',
    ...wrap(rule.rationale),
    '',
    'Instead:',
    ...rule.suggestions.map((s) => `  - ${s.replace(/~/g, '')}`),
    '',
    'Flagged, for example:',
    ...examples.map((e) => `  - ${e}`),
    '',
    'Sources:',
    ...sources.map((s) => `  - ${s.url && s.url !== s.title ? `${s.title} <${s.url}>` : s.title}`),
    '',
    `To keep this wording in one place, use the quick fix "Ignore here" (carelint-disable-next-line ${rule.id});`,
    `for the whole workspace, "Allow in this workspace…" or "rules": { "${rule.id}": false } in .carelintrc.json.`,
    '',
  ].join('\n');
}

function wrap(text: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - 2) {
      out.push(`  ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`  ${line}`);
  return out;
}
