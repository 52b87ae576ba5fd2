import * as vscode from 'vscode';
import type { Finding, Severity } from '../../shared-rules/src/types';

export const SOURCE = 'CareLint';
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
  const range = new vscode.Range(positionAt(finding.start), positionAt(finding.end));
  const d = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  d.source = SOURCE;
  d.code = { value: finding.ruleId, target: explainUri(finding.ruleId) };
  return d;
}

export function toDiagnostics(findings: readonly Finding[], positionAt: PositionAt): vscode.Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, positionAt));
}

/** positionAt for text that is not open in an editor (Check workspace reads files directly). */
export function positionsIn(text: string): PositionAt {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a || c === 0x0d) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - starts[lo]);
  };
}
