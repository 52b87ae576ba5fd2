/// <reference types="office-js" />
// Finding a finding's words in Word and replacing them, in a fixed number of batches however many findings.
// On WordApi 1.7 an underlined finding is found by its critique's own range (Word.CritiqueAnnotation.range), which
// follows the words through edits elsewhere in the paragraph; otherwise, and when a critique is gone, by Word's
// search in a paragraph still as it was checked. "Changed" (check the paragraph again) is told apart from "not
// found" (Word's search cannot match these words: marks, fields, over 255 characters), which no re-check would fix.
import type { Capabilities } from './capabilities';
import { queueReads, readKeys, readKeysStrict, isIndexKey, type ReadParagraph } from './document';
import type { Located } from './located';
import { pickOccurrence, searchFinding } from './ranges';

/** Where a finding's words are in Word now, or why they can't be used (with the paragraph as just read, if any). */
export type Target =
  | { range: Word.Range; read: ReadParagraph | null }
  | { missing: 'changed' | 'not-found'; read: ReadParagraph | null };

export interface Edit {
  range: Word.Range;
  text: string;
  read: ReadParagraph;
}

/**
 * Critique ranges and paragraph texts in one batch (plus whatever `queueAlso` adds); if a critique or a paragraph
 * is gone, the paragraphs again through the list (readKeys) and Word's search for each finding.
 */
export async function locateAll(
  context: Word.RequestContext,
  items: Located[],
  critiques: Array<string | undefined>,
  caps: Capabilities,
  underlines: boolean,
  queueAlso: () => void,
): Promise<Target[]> {
  const keys = [...new Set(items.map((i) => i.key))];
  if (critiques.some(Boolean) && !keys.some(isIndexKey)) {
    const ranges = critiques.map((id) => {
      if (!id) return null;
      const range = context.document.getAnnotationById(id).critiqueAnnotation.range;
      range.load('text');
      return range;
    });
    const searches: Array<Word.RangeCollection | null> = [];
    try {
      const reads = await readKeysStrict(context, keys, caps, underlines, queueAlso, (byKey) =>
        items.forEach((item, i) => {
          searches[i] = critiques[i] ? null : searchFinding(byKey.get(item.key)!, item.finding);
        }),
      );
      return items.map((item, i): Target => {
        const read = reads.get(item.key) ?? null;
        const range = ranges[i];
        if (range) return range.text === item.finding.text ? { range, read } : { missing: 'changed', read };
        return fromSearch(item, read, searches[i]);
      });
    } catch {
      // A critique (its words were edited) or a paragraph is gone: search instead.
    }
  }
  const reads = await readKeys(context, keys, caps, underlines, queueAlso);
  const byKey = new Map(reads.filter((r): r is ReadParagraph => r !== null).map((r) => [r.key, r]));
  const searches = items.map((item) => {
    const read = byKey.get(item.key);
    return read && read.text === item.text ? searchFinding(read.paragraph, item.finding) : null;
  });
  if (searches.some(Boolean)) await context.sync();
  return items.map((item, i) => fromSearch(item, byKey.get(item.key) ?? null, searches[i]));
}

function fromSearch(item: Located, read: ReadParagraph | null, ranges: Word.RangeCollection | null): Target {
  if (!read || read.text !== item.text) return { missing: 'changed', read };
  const range = ranges ? pickOccurrence(ranges, item.text, item.finding) : null;
  return range ? { range, read } : { missing: 'not-found', read };
}

/**
 * Replace the ranges in one batch (tracked if asked; `changeTrackingMode` must have been loaded) and read the edited
 * paragraphs back. Office.js skips the rest of a batch after a failed command (a locked content control, a
 * protected document), so the writer's tracking mode goes back in a batch of its own, whatever happened to the edit.
 */
export async function insertAll(
  context: Word.RequestContext,
  edits: Edit[],
  tracking: boolean,
  caps: Capabilities,
  underlines: boolean,
): Promise<ReadParagraph[]> {
  const doc = context.document;
  const switchOn = tracking && doc.changeTrackingMode === 'Off';
  try {
    if (switchOn) doc.changeTrackingMode = 'TrackAll' as Word.ChangeTrackingMode;
    for (const e of edits) e.range.insertText(e.text, 'Replace');
    const paragraphs = [...new Map(edits.map((e) => [e.read.key, e.read.paragraph]))];
    const after = queueReads(
      paragraphs.map(([, p]) => p),
      paragraphs.map(([k]) => k),
      caps,
      underlines,
    );
    await context.sync();
    return after();
  } finally {
    if (switchOn) {
      doc.changeTrackingMode = 'Off' as Word.ChangeTrackingMode;
      await context.sync();
    }
  }
}
