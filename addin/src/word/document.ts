/// <reference types="office-js" />
// Reading paragraphs out of Word. With WordApi 1.6 a paragraph is known by its uniqueLocalId; without it, by its
// position ("#3"), which polling re-reads anyway.
import type { Capabilities } from './capabilities';
import type { ParagraphText } from './paragraph-cache';

export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

const INDEX_KEY = /^#(\d+)$/;

/** Every paragraph's key and text, in document order. */
export async function readParagraphs(context: Word.RequestContext, caps: Capabilities): Promise<ParagraphText[]> {
  const paragraphs = context.document.body.paragraphs;
  paragraphs.load(caps.paragraphEvents ? 'items/uniqueLocalId,items/text' : 'items/text');
  await context.sync();
  return paragraphs.items.map((p, i) => ({ key: caps.paragraphEvents ? p.uniqueLocalId : `#${i}`, text: p.text }));
}

/**
 * Proxies for paragraphs by key, with their text queued for loading. Index keys need the paragraph list,
 * which costs a sync here; id keys don't. A paragraph that no longer exists makes the next sync throw
 * ItemNotFound (id keys) or is null (index keys).
 */
export async function locateParagraphs(context: Word.RequestContext, keys: readonly string[]): Promise<Array<Word.Paragraph | null>> {
  let list: Word.ParagraphCollection | null = null;
  if (keys.some((k) => INDEX_KEY.test(k))) {
    list = context.document.body.paragraphs;
    list.load('items/text');
    await context.sync();
  }
  return keys.map((key) => {
    const index = INDEX_KEY.exec(key);
    const paragraph = index ? list!.items[Number(index[1])] ?? null : context.document.getParagraphByUniqueLocalId(key);
    paragraph?.load('text');
    return paragraph;
  });
}

/** Read the current text of paragraphs by id; ids that are gone come back as null. One round trip per id only when one fails. */
export async function readParagraphsById(context: Word.RequestContext, ids: readonly string[]): Promise<Array<ParagraphText | null>> {
  const proxies = ids.map((id) => {
    const p = context.document.getParagraphByUniqueLocalId(id);
    p.load('text');
    return p;
  });
  try {
    await context.sync();
    return proxies.map((p, i) => ({ key: ids[i], text: p.text }));
  } catch {
    // Some id no longer resolves (the paragraph was deleted or merged): read them one by one.
    const out: Array<ParagraphText | null> = [];
    for (const id of ids) {
      const p = context.document.getParagraphByUniqueLocalId(id);
      p.load('text');
      try {
        await context.sync();
        out.push({ key: id, text: p.text });
      } catch {
        out.push(null);
      }
    }
    return out;
  }
}
