import type { Severity } from '../../../shared-rules/src/index';
import type { CheckedFile } from '../types';
import { workspacePath } from './sarif';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
};

/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding, which Actions shows
 * as an annotation on that line of the pull request. Paths are relative to the working folder, as Actions expects.
 * A .docx has no lines to point at: its annotations name the file and the paragraph.
 */
export function formatGithub(files: CheckedFile[], cwd: string): string {
  let out = '';
  for (const file of files) {
    const name = file.path === undefined ? file.file : workspacePath(file.path, cwd);
    for (const f of file.findings) {
      const where = file.docx
        ? []
        : [`line=${f.line}`, `endLine=${f.endLine}`, `col=${f.column}`, `endColumn=${f.endColumn}`];
      const properties = [
        `file=${property(name)}`,
        ...where,
        `title=${property(`CareLint: ${f.ruleId} (${f.category})`)}`,
      ];
      // the engine's message already says what to consider
      const message = `${file.docx ? `paragraph ${f.line}: ` : ''}"${f.text}": ${f.message}`;
      out += `::${COMMAND[f.severity]} ${properties.join(',')}::${data(message)}\n`;
    }
  }
  return out;
}

/** Escaping of a command's message, as the Actions toolkit does it. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: also ':' and ',', which separate properties. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
