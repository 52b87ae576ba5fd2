import { offsetToLineColumn } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/index';
import { paragraphColumn } from './docx';
import type { LocatedFinding } from './types';

/** Adds line/column (paragraph/column for .docx) of start and end, computed on the text that was linted. */
export function locateFindings(text: string, docx: boolean, findings: Finding[]): LocatedFinding[] {
  const at = docx ? paragraphColumn : offsetToLineColumn;
  return findings.map((f) => {
    const start = at(text, f.start);
    const end = at(text, f.end);
    return { ...f, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}
