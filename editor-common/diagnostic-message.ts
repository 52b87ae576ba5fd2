import { severityLabel, type Finding } from '../shared-rules/src/index';

/**
 * A diagnostic's message in an editor's problem list: the severity in the domain's words first ("Review: …"), as
 * the hover, the demo and the Word pane name it, since the editor's own icon says only error, warning or info.
 */
export function diagnosticMessage(f: Pick<Finding, 'severity' | 'message'>): string {
  return `${severityLabel(f.severity)}: ${f.message}`;
}
