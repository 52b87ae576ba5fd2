import type { Finding } from '../../../shared-rules/src/index';

/** A finding with the paragraph it belongs to and the exact text it was linted from (the replace guard). */
export interface Located {
  key: string;
  text: string;
  finding: Finding;
}

/** Stable for as long as the paragraph's text is unchanged; ignoring a finding lasts exactly that long. */
export function locatedId(item: Located): string {
  return JSON.stringify([item.key, item.finding.ruleId, item.finding.start, item.finding.end, item.text]);
}
