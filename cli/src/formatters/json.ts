import type { CheckedFile } from '../types';

/** Stable contract: [{ file, findings: [Finding + line, column, endLine, endColumn] }], one entry per file checked. */
export function formatJson(files: CheckedFile[]): string {
  return (
    JSON.stringify(
      files.map((f) => ({ file: f.file, findings: f.findings })),
      null,
      2,
    ) + '\n'
  );
}
