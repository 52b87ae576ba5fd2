import type { SectionKind } from './types';

/** A heading or label that opens a section at `pos` (the end of the label). */
export interface Heading { pos: number; kind: SectionKind }

// "Crisis plan:", "**Risk management:**", "PLAN:,", "## Care plan", "- History:" at a line start or after a sentence.
const LABEL_RE = /(?:^|\n|[.;]\s|,\s*)[ \t>*#_-]*([A-Za-z][A-Za-z /&()'-]{1,48}?)[ \t]*(?:\*\*|__)?[ \t]*:/g;
const MD_HEADING_RE = /(?:^|\n)#{1,6}[ \t]+([^\n#:]{2,60})/g;

const HISTORY = /\b(histor(y|ies)|background|previous|past|hpi|presenting (complaint|problem)|chronology)\b/;
const PLAN = /\b(plans?|management|interventions?|recommendations?|contingency|actions?|agreements?|next steps|goals|what to do)\b/;
const OTHER = /\b(assessment|impression|examination|exam|mental state|mse|diagnos[ie]s|medications?|allergies|review of systems|ros|vitals|vital signs|labs?|laboratory|findings|procedures?|subjective|objective|summary|formulation|chief complaint|reason for referral|observations?|results?|investigations?|physical|social circumstances)\b/;

export function classifyHeading(label: string): SectionKind | null {
  const l = label.toLowerCase();
  if (HISTORY.test(l)) return 'history';
  if (PLAN.test(l)) return 'plan';
  if (OTHER.test(l)) return 'other';
  return null;
}

/** Known headings in [lo, hi), in order. Unknown labels ("She said:") do not change the section. */
export function findHeadings(text: string, lo: number, hi: number): Heading[] {
  const slice = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  if (slice.indexOf(':') < 0 && slice.indexOf('#') < 0) return [];
  const out: Heading[] = [];
  for (const re of [LABEL_RE, MD_HEADING_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const kind = classifyHeading(m[1]);
      if (kind) out.push({ pos: lo + m.index + m[0].length, kind });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out.sort((a, b) => a.pos - b.pos);
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
