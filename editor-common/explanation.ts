import { describeRuleAsText, describeRuleData, type RuleData, type SourceRef } from '../shared-rules/src/index';

/** A rule's explanation as plain text (the engine's description, laid out once): what "explain rule" shows in every editor. */
export function explanationText(rule: RuleData, sources: readonly SourceRef[]): string {
  return [
    describeRuleAsText(describeRuleData(rule, sources)),
    `To keep this wording in one place, use the quick fix "Ignore here" (carelint-disable-next-line ${rule.id});`,
    `for the whole workspace, "Allow in this workspace…" or "rules": { "${rule.id}": false } in .carelintrc.json.`,
    '',
  ].join('\n');
}
