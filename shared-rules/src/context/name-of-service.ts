/**
 * A label that is part of the name of a programme, plan, protocol, team or role rather than said of a person:
 * "Frequent attender action plan - Ms R.", "per frequent attender protocol", "the high-intensity user policy",
 * "HIU plan", and a plan's heading line "RESPONSE PLAN - HIGH INTENSITY USER (multi-agency)". NHS England's High
 * Intensity Use programme is a service's name; "she is a frequent attender" or "Flag: high intensity user" (a tag on
 * the person, no plan named) is still the label.
 */
import type { Token } from '../text/tokenize';

/** Head nouns of a name: what the label names when one of them follows it. */
const HEADS = new Set([
  'plan',
  'plans',
  'protocol',
  'protocols',
  'programme',
  'programmes',
  'program',
  'programs',
  'policy',
  'policies',
  'pathway',
  'pathways',
  'scheme',
  'schemes',
  'team',
  'teams',
  'lead',
  'leads',
  'service',
  'services',
  'register',
  'registers',
  'network',
  'panel',
  'project',
  'framework',
  'coordinator',
  'co-ordinator',
  'officer',
  'officers',
  'forum',
  'initiative',
  'pilot',
  'toolkit',
  'strategy',
  'workstream',
]);

/** Words that may stand between the label and its head noun ("frequent attender action plan"). */
const MODIFIERS = new Set([
  'action',
  'response',
  'management',
  'care',
  'support',
  'multi-agency',
  'multiagency',
  'partnership',
  'review',
  'steering',
  'working',
  'liaison',
  'national',
  'local',
]);

/** A name's words follow the label directly: no punctuation, at most this many modifiers before the head. */
const MAX_MODIFIERS = 2;

/** A heading line is short: more words than this is a sentence written in capitals. */
const MAX_HEADING_WORDS = 12;

/** Does a head noun follow the label ending at tokens[last], inside the same phrase? */
export function headNounFollows(tokens: readonly Token[], last: number): boolean {
  for (let k = last + 1; k < tokens.length && k <= last + 1 + MAX_MODIFIERS; k++) {
    if (tokens[k].afterBreak) return false;
    if (HEADS.has(tokens[k].norm)) return true;
    if (!MODIFIERS.has(tokens[k].norm)) return false;
  }
  return false;
}

function capitalised(text: string, t: Token): boolean {
  const c = text.charCodeAt(t.start);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function allCapitals(text: string, t: Token): boolean {
  const w = text.slice(t.start, t.end);
  return w === w.toUpperCase() && w !== w.toLowerCase();
}

/**
 * Is the label at [start, end) in a heading line that names a plan? The line is short, a head noun is among its
 * words, and every word from the line's start through the label is written as a title: a Markdown heading, or in
 * capitals ("SCARBOROUGH ED - HIGH INTENSITY USE ACTION PLAN"), or in title case ("Response Plan - High Intensity
 * User"). "Flag: high intensity user" names no plan.
 */
export function inPlanHeading(text: string, line: readonly Token[] | null, start: number, end: number): boolean {
  if (!line || line.length === 0 || line.length > MAX_HEADING_WORDS) return false;
  if (!line.some((t) => HEADS.has(t.norm))) return false;
  let lineStart = line[0].start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (/^[ \t]*#{1,6}[ \t]/.test(text.slice(lineStart, line[0].start))) return true;
  const upTo = line.filter((t) => t.start < end);
  if (upTo.length === 0 || upTo[upTo.length - 1].end < start) return false;
  return upTo.every((t) => allCapitals(text, t)) || upTo.every((t) => capitalised(text, t));
}
