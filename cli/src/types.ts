import type { RuleSet } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/index';

export interface LocatedFinding extends Finding {
  /** 1-based; for .docx the paragraph number. */
  line: number;
  column: number;
  /** Position just after the flagged text (exclusive). */
  endLine: number;
  endColumn: number;
}

export interface CheckedFile {
  /** The path as given (or as found under a folder / glob), `<stdin>` or --stdin-filename. */
  file: string;
  /** Absolute path on disk; undefined for standard input. */
  path?: string;
  docx: boolean;
  findings: LocatedFinding[];
  /** The rule set the file was checked with (its config's custom rules included). */
  ruleSet: RuleSet;
}
