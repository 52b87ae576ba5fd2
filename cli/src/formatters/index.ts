import type { Format } from '../args';
import { VERSION } from '../version';
import type { CheckedFile } from '../types';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

/** `problems`: how many problems (exit code 2) were reported on stderr during the run. */
export function formatReport(format: Format, files: CheckedFile[], problems = 0): string {
  switch (format) {
    case 'json':
      return formatJson(files);
    case 'sarif':
      return formatSarif(files, process.cwd(), VERSION);
    case 'github':
      return formatGithub(files, process.cwd());
    case 'stylish':
      return formatStylish(files, useColour(), problems);
  }
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
