/// <reference types="office-js" />
// Reading paragraphs out of Word without a round trip per paragraph. With WordApi 1.6 a paragraph is known by its
// uniqueLocalId; without it, by its position ("#3"), which polling re-reads anyway. A paragraph id that is gone
// (deleted, merged, or moved to the other half of a split, office-js#5784) fails a batch that names it, so the
// fallback finds the living ones by loading `body.paragraphs` with their ids: one batch, whatever the count.
import { loadAnnotations } from './annotations';
import type { Capabilities } from './capabilities';
import { checkedText, queueText } from './text';

export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** A paragraph read in this batch: its key, checked text, proxy, and (with underlines) its critiques. */
export interface ReadParagraph {
  key: string;
  text: string;
  paragraph: Word.Paragraph;
  old: Word.AnnotationCollection | null;
}

const INDEX_KEY = /^#(\d+)$/;

export const isIndexKey = (key: string) => INDEX_KEY.test(key);

/** Queued: the paragraph list, with ids (1.6) and, below 1.7 where getText() is missing, the texts. */
export function queueParagraphList(context: Word.RequestContext, caps: Capabilities): Word.ParagraphCollection {
  const list = context.document.body.paragraphs;
  const fields = [caps.paragraphEvents ? 'items/uniqueLocalId' : '', caps.annotations ? '' : 'items/text'].filter(
    Boolean,
  );
  list.load(fields.join(','));
  return list;
}

export function keyAt(list: Word.ParagraphCollection, i: number, caps: Capabilities): string {
  return caps.paragraphEvents ? list.items[i].uniqueLocalId : `#${i}`;
}

/** Queued per paragraph: its text (getText on 1.7) and, with underlines, its critiques. Read after the sync. */
export function queueReads(
  paragraphs: Word.Paragraph[],
  keys: string[],
  caps: Capabilities,
  underlines: boolean,
): () => ReadParagraph[] {
  const queued = paragraphs.map((paragraph, i) => ({
    key: keys[i],
    paragraph,
    text: queueText(paragraph, caps),
    old: underlines ? loadAnnotations(paragraph) : null,
  }));
  return () => queued.map((q) => ({ key: q.key, paragraph: q.paragraph, text: q.text(), old: q.old }));
}

/** The whole document in document order: two batches on 1.7 (list, then texts), one below. */
export async function readAll(
  context: Word.RequestContext,
  caps: Capabilities,
  underlines: boolean,
  sync: (queue: () => unknown, step: 'list' | 'texts') => Promise<void> = async () => {
    await context.sync();
  },
): Promise<ReadParagraph[]> {
  let list!: Word.ParagraphCollection;
  await sync(() => {
    list = queueParagraphList(context, caps);
  }, 'list');
  const keys = list.items.map((_, i) => keyAt(list, i, caps));
  if (!caps.annotations)
    return list.items.map((paragraph, i) => ({
      key: keys[i],
      paragraph,
      text: checkedText(paragraph.text),
      old: null,
    }));
  let reads!: () => ReadParagraph[];
  await sync(() => {
    reads = queueReads(list.items, keys, caps, underlines);
  }, 'texts');
  return reads();
}

/**
 * The paragraphs with these keys, read in this batch; null for a key whose paragraph is gone. Id keys cost one
 * batch (two more only when an id no longer resolves); index keys one batch for the list (plus one on 1.7).
 */
export async function readKeys(
  context: Word.RequestContext,
  keys: readonly string[],
  caps: Capabilities,
  underlines: boolean,
  queueAlso: () => void = () => undefined,
): Promise<Array<ReadParagraph | null>> {
  if (keys.length === 0) return [];
  if (!keys.some(isIndexKey)) {
    const proxies = keys.map((id) => context.document.getParagraphByUniqueLocalId(id));
    const reads = queueReads(proxies, [...keys], caps, underlines);
    queueAlso();
    try {
      await context.sync();
      return reads();
    } catch {
      // An id no longer resolves: find the living paragraphs by their ids in the list.
    }
  }
  const list = queueParagraphList(context, caps);
  const textsInList = !caps.annotations; // below 1.7 the list load brings the texts
  if (textsInList) queueAlso();
  await context.sync();
  const found = new Map<string, Word.Paragraph>();
  list.items.forEach((paragraph, index) => found.set(keyAt(list, index, caps), paragraph));
  const live = keys.filter((k) => found.has(k));
  const paragraphs = live.map((k) => found.get(k)!);
  let reads: () => ReadParagraph[];
  if (textsInList) {
    reads = () =>
      paragraphs.map((paragraph, i) => ({ key: live[i], paragraph, text: checkedText(paragraph.text), old: null }));
  } else {
    reads = queueReads(paragraphs, live, caps, underlines);
    queueAlso();
    await context.sync();
  }
  const byKey = new Map(reads().map((r) => [r.key, r]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** Read id-keyed paragraphs in one batch together with whatever else is queued; throws if any id is gone. */
export async function readKeysStrict(
  context: Word.RequestContext,
  keys: string[],
  caps: Capabilities,
  underlines: boolean,
  queueAlso: () => void,
  queueWith: (byKey: Map<string, Word.Paragraph>) => void,
): Promise<Map<string, ReadParagraph>> {
  const proxies = keys.map((id) => context.document.getParagraphByUniqueLocalId(id));
  const reads = queueReads(proxies, keys, caps, underlines);
  queueWith(new Map(keys.map((k, i) => [k, proxies[i]])));
  queueAlso();
  await context.sync();
  return new Map(reads().map((r) => [r.key, r]));
}

/** The paragraph the cursor is in (WordApi 1.6, for its id), read in one batch. */
export async function readAtSelection(
  context: Word.RequestContext,
  caps: Capabilities,
  underlines: boolean,
): Promise<ReadParagraph> {
  const paragraph = context.document.getSelection().paragraphs.getFirst();
  paragraph.load('uniqueLocalId');
  const reads = queueReads([paragraph], [''], caps, underlines);
  await context.sync();
  return { ...reads()[0], key: paragraph.uniqueLocalId };
}
