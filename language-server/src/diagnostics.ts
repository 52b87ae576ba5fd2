import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../../shared-rules/src/index';
import { diagnosticMessage } from '../../editor-common/diagnostic-message';
import { findingFields, hasRulePage } from '../../editor-common/finding-fields';
import type { Positions } from './positions';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/**
 * The rule catalogue shipped beside the server (docs/rules.md, one heading per rule id), as a local file: a rule's
 * `codeDescription` opens its section without anything leaving the machine.
 */
const CATALOGUE = [join(__dirname, '..', 'docs', 'rules.md'), join(__dirname, '..', '..', 'docs', 'rules.md')].find(
  (p) => existsSync(p),
);
const CATALOGUE_URL = CATALOGUE && pathToFileURL(CATALOGUE).href;

export function toDiagnostic(f: Finding, positions: Positions): Diagnostic {
  const fields = findingFields(f);
  const d: Diagnostic = {
    range: positions.rangeAt(fields.start, fields.end),
    severity: SEVERITY[fields.severity],
    source: fields.source,
    code: fields.code,
    message: diagnosticMessage(fields),
    data: fields.data,
  };
  if (CATALOGUE_URL && hasRulePage(fields.code)) d.codeDescription = { href: `${CATALOGUE_URL}#${fields.code}` };
  return d;
}
