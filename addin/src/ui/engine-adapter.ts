// The engine API arriving with issues 12/13 (suggestion kinds, guidance, autoRewrite, severityLabel), read through
// one place so the hosts' UI code is already written against it. Delete this file once the engine's barrel has them.
import { isSlotRewrite, type Finding, type Severity } from '../../../shared-rules/src/index';

export type SuggestionKind = 'rewrite' | 'prompt';

type Arriving = Finding & { suggestionKinds?: SuggestionKind[]; guidance?: string[] };

/** Each suggestion with its kind: a rewrite may be inserted as is; a prompt ("[describe …]") asks for facts. */
export function suggestionsOf(finding: Finding): Array<{ text: string; kind: SuggestionKind }> {
  const kinds = (finding as Arriving).suggestionKinds;
  return finding.suggestions.map((text, i) => ({ text, kind: kinds?.[i] ?? (isSlotRewrite(text) ? 'prompt' : 'rewrite') }));
}

/** Advice for practice findings (police in planned care, withholding care): shown, never inserted. */
export function guidanceOf(finding: Finding): string[] {
  return (finding as Arriving).guidance ?? [];
}

/** The only text a "Replace all" may insert without a person choosing it: the first rewrite, never a prompt. */
export function autoRewrite(finding: Finding): string | undefined {
  return suggestionsOf(finding).find((s) => s.kind === 'rewrite')?.text;
}

const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Change recommended',
  warning: 'Consider changing',
  information: 'For reflection',
};

/** Severities in the words of the domain ("ERROR" reads as harsh to clinicians). */
export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity] ?? severity;
}
