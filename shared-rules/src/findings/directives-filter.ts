import { parseDirectives } from '../formats';
import type { Finding } from '../types';

/** Drop findings silenced by carelint-disable comments in the text. */
export function applyDirectives(text: string, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !/carelint-/i.test(text)) return findings;
  const suppressions = parseDirectives(text);
  return findings.filter((f) => !suppressions.isSuppressed(f.ruleId, f.category, f.start));
}
