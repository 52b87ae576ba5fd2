import * as vscode from 'vscode';
import { lineIndexAt, lineStarts, type Finding, type Severity } from '../../shared-rules/src/index';
import { diagnosticMessage } from '../../editor-common/diagnostic-message';
import { findingFields } from '../../editor-common/finding-fields';

export { SOURCE } from '../../editor-common/finding-fields';
export const EXPLAIN_SCHEME = 'carelint-rule';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Where a rule's explanation opens: a read-only document of ours, so the link never leaves VS Code. */
export function explainUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${ruleId}` });
}

export type PositionAt = (offset: number) => vscode.Position;

export function toDiagnostic(finding: Finding, positionAt: PositionAt): vscode.Diagnostic {
  const fields = findingFields(finding);
  const range = new vscode.Range(positionAt(fields.start), positionAt(fields.end));
  const d = new vscode.Diagnostic(range, diagnosticMessage(fields), SEVERITY[fields.severity]);
  d.source = fields.source;
  d.code = { value: fields.code, target: explainUri(fields.code) };
  return d;
}

export function toDiagnostics(findings: readonly Finding[], positionAt: PositionAt): vscode.Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, positionAt));
}

/** positionAt for text that is not open in an editor (Check workspace reads files directly). */
export function positionsIn(text: string): PositionAt {
  const starts = lineStarts(text);
  return (offset) => {
    const line = lineIndexAt(starts, offset);
    return new vscode.Position(line, offset - starts[line]);
  };
}
