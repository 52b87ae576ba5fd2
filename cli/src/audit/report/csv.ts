/**
 * `--format csv`: one row per finding, every finding (no per-person cap), in export order, written while the
 * audit runs. RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @) gets a leading `'`.
 */
import type { Sink } from '../output';

export interface CsvFindingRow {
  id: string;
  date: string | null;
  ruleId: string;
  category: string;
  severity: string;
  weight: number;
  file: string;
  line: number;
  excerpt?: string;
}

export function csvHeader(redact: boolean): string {
  return `person_id,date,rule_id,category,severity,weight,file,line${redact ? '' : ',excerpt'}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(r: CsvFindingRow, redact: boolean): string {
  const cells = [
    csvCell(r.id),
    r.date ?? '',
    r.ruleId,
    r.category,
    r.severity,
    String(r.weight),
    csvCell(r.file),
    String(r.line),
  ];
  if (!redact) cells.push(csvCell(r.excerpt ?? ''));
  return cells.join(',') + '\r\n';
}

export type { Sink };
