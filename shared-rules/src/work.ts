/**
 * Units of matching work done so far in this process, so tests can prove that linting stays linear in
 * the size of the text by counting steps rather than timing them.
 */
export const work = {
  /** Tokens stepped through by phrase walks (rule matching and context checks). */
  walkSteps: 0,
  /** Tokens produced for sentence contexts. */
  contextTokens: 0,
  /** Characters put through Markdown/HTML/template masking. */
  maskedChars: 0,
  /** Characters of chunks a LintSession linted, when it was made and after edits. */
  sessionLintedChars: 0,
};

export function resetWork(): void {
  work.walkSteps = 0;
  work.contextTokens = 0;
  work.maskedChars = 0;
  work.sessionLintedChars = 0;
}
