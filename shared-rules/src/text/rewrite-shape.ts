// What a fixed rewrite can stand for, read from its words once when the rules compile: the fit checks run per finding.

/** A rewrite that opens with a bare -ing word is a verb phrase ("requesting pain relief"), not a noun phrase. */
export const VERB_PHRASE = /^\p{L}+ing\b(?!-)/iu;

/** Does the rewrite name one thing ("a person with …", "suicide attempt") rather than many ("people with …")? */
export function namesOne(rewrite: string): boolean {
  const t = rewrite.trim();
  if (/^people\b/i.test(t)) return false;
  return /^(a |an )?person\b/i.test(t) || !/s$/i.test(t);
}
