// lint() and lintPiece(): a whole text, or one piece of a document a host holds piece by piece.
import { builtinRuleSet } from './matching/builtin';
import type { RuleSet } from './matching/compile';
import { applyDirectives } from './findings/directives-filter';
import { sliceDocument } from './session/document';
import { prepareOptions, toFinding } from './findings/findings';
import { lintChunk } from './matching/lint';
import type { Finding, LintOptions, SectionKind } from './types';

/** Lint a whole text. Offsets in the findings are 0-based UTF-16 offsets into `text`. */
export function lint(text: string, options: LintOptions & { ruleSet?: RuleSet } = {}): Finding[] {
  return lintPiece(text, options, null).findings;
}

/** One piece of a longer document, and the section in force at its end. */
export interface LintedPiece {
  findings: Finding[];
  section: SectionKind | null;
}

/**
 * Lint one piece of a document that a host holds piece by piece (Word's paragraphs): it starts in `section`, the
 * section the piece before it ended in ("History:", "Plan:" headings reach the paragraphs below them), so a host
 * that carries the section along gets what lint() gives for the whole document.
 */
export function lintPiece(
  text: string,
  options: LintOptions & { ruleSet?: RuleSet },
  section: SectionKind | null,
): LintedPiece {
  const rs = options.ruleSet ?? builtinRuleSet();
  const prepared = prepareOptions(rs, options);
  const findings: Finding[] = [];
  let entry = section;
  for (const slice of sliceDocument(text, options.format ?? 'plaintext')) {
    const result = lintChunk(rs, prepared.active, slice.masked, entry);
    entry = result.exit;
    for (const hit of result.hits) {
      const f = toFinding(rs, prepared, hit, slice.start, text, slice.start);
      if (f) findings.push(f);
    }
  }
  return { findings: options.directives === false ? findings : applyDirectives(text, findings), section: entry };
}
