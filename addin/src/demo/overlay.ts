import type { Finding } from '../../../shared-rules/src/index';

/**
 * Fill `layer` with the text, wrapping each flagged span in a <mark>. The layer sits exactly over the textarea
 * with transparent text, so only the underlines show. Overlapping findings split into segments; each segment
 * names every finding covering it (data-findings) and takes its style from the first.
 */
export function renderMarks(layer: HTMLElement, text: string, findings: readonly Finding[]): void {
  const doc = layer.ownerDocument;
  const cuts = new Set<number>([0, text.length]);
  for (const f of findings) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const nodes: Node[] = [];
  // a sweep over the findings by start, so a long note with many findings costs segments + findings, not their product
  const byStart = findings.map((_, index) => index).filter((i) => findings[i].start < findings[i].end).sort((x, y) => findings[x].start - findings[y].start);
  let next = 0;
  let active: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (next < byStart.length && findings[byStart[next]].start <= a) active.push(byStart[next++]);
    active = active.filter((index) => findings[index].end >= b);
    const covering = [...active].sort((x, y) => x - y);
    const piece = text.slice(a, b);
    if (covering.length === 0) {
      nodes.push(doc.createTextNode(piece));
      continue;
    }
    const mark = doc.createElement('mark');
    const first = findings[covering[0]];
    mark.className = 'cl-mark';
    mark.dataset.category = first.category;
    mark.dataset.findings = covering.join(' ');
    mark.textContent = piece;
    nodes.push(mark);
  }
  // A textarea keeps a final empty line after a trailing newline; a div only does with something on it.
  nodes.push(doc.createTextNode('\u200b'));
  layer.replaceChildren(...nodes);
}
