import type { SectionKind } from '../types';

/** A heading or label that opens a section at `pos` (the end of the label). */
export interface Heading {
  pos: number;
  kind: SectionKind;
}

const MD_HEADING_RE = /(?:^|\n)#{1,6}[ \t]+([^\n#:]{2,60})/g;

const HISTORY = /\b(histor(y|ies)|background|previous|past|hpi|presenting (complaint|problem)|chronology)\b/;
const PLAN =
  /\b(plans?|management|interventions?|recommendations?|contingency|actions?|agreements?|next steps|goals|what to do)\b/;
const OTHER =
  /\b(assessment|impression|examination|exam|mental state|mse|diagnos[ie]s|medications?|allergies|review of systems|ros|vitals|vital signs|labs?|laboratory|findings|procedures?|subjective|objective|summary|formulation|chief complaint|reason for referral|observations?|results?|investigations?|physical|social circumstances)\b/;

export function classifyHeading(label: string): SectionKind | null {
  const l = label.toLowerCase();
  if (HISTORY.test(l)) return 'history';
  if (PLAN.test(l)) return 'plan';
  if (OTHER.test(l)) return 'other';
  return null;
}

/** Known headings in [lo, hi), in order. Unknown labels ("She said:") do not change the section. */
const LABEL_CHAR = /[A-Za-z /&()'-]/;
const MAX_LABEL = 48;

/**
 * The label ending at the colon at `colon`, when it starts a line or follows a sentence or a comma
 * ("Crisis plan:", "**Risk management:**", "PLAN:,", "- History:"). Scans back at most MAX_LABEL characters.
 */
function labelBefore(text: string, lo: number, colon: number): string | null {
  let e = colon;
  while (e > lo && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '*' || text[e - 1] === '_')) e--;
  let s = e;
  while (s > lo && e - s <= MAX_LABEL && LABEL_CHAR.test(text[s - 1])) s--;
  if (s === e || e - s > MAX_LABEL) return null;
  let b = s;
  while (b > lo && (text[b - 1] === ' ' || text[b - 1] === '\t' || '>*#_-'.includes(text[b - 1]))) b--;
  const before = b > lo ? text[b - 1] : '\n';
  if (before !== '\n' && before !== '.' && before !== ';' && before !== ',' && before !== '\r') return null;
  const label = text
    .slice(s, e)
    .trim()
    .replace(/^[-(]+/, '');
  return /^[A-Za-z]/.test(label) ? label : null;
}

/** Known headings in [lo, hi), in order. Unknown labels ("She said:") do not change the section. */
export function findHeadings(text: string, lo: number, hi: number): Heading[] {
  const out: Heading[] = [];
  for (let c = text.indexOf(':', lo); c >= 0 && c < hi; c = text.indexOf(':', c + 1)) {
    const label = labelBefore(text, lo, c);
    const kind = label ? classifyHeading(label) : null;
    if (kind) out.push({ pos: c + 1, kind });
  }
  if (text.indexOf('#', lo) >= 0) {
    const slice = text.slice(lo, hi);
    MD_HEADING_RE.lastIndex = 0;
    for (let m = MD_HEADING_RE.exec(slice); m; m = MD_HEADING_RE.exec(slice)) {
      const kind = classifyHeading(m[1]);
      if (kind) out.push({ pos: lo + m.index + m[0].length, kind });
    }
    out.sort((a, b) => a.pos - b.pos);
  }
  return out;
}

/** The section in force at `pos`, given the section at the chunk's start and the chunk's own headings. */
export function sectionAt(headings: readonly Heading[], entry: SectionKind | null, pos: number): SectionKind | null {
  let kind = entry;
  for (const h of headings) {
    if (h.pos > pos) break;
    kind = h.kind;
  }
  return kind;
}

export function exitSection(headings: readonly Heading[], entry: SectionKind | null): SectionKind | null {
  return headings.length ? headings[headings.length - 1].kind : entry;
}
