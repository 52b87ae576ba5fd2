import type { Finding } from '../../../shared-rules/src/types';

/** A paragraph as read from Word: its key (uniqueLocalId, or "#index" where Word has no ids) and its text. */
export interface ParagraphText {
  key: string;
  text: string;
}

/** A paragraph with the findings of the exact text they were linted from. */
export interface ParagraphEntry extends ParagraphText {
  findings: Finding[];
}

/**
 * The linted state of the document, keyed by paragraph. A paragraph is linted again only when its text differs
 * from the text cached under its key, so as-you-type checks cost one paragraph, not the document.
 */
export class ParagraphCache {
  private entries = new Map<string, ParagraphEntry>();
  private order: string[] = [];

  constructor(private lintText: (text: string) => Finding[]) {}

  /** Paragraphs in document order. */
  all(): ParagraphEntry[] {
    return this.order.map((key) => this.entries.get(key)!);
  }

  get(key: string): ParagraphEntry | undefined {
    return this.entries.get(key);
  }

  /**
   * A full read of the document. Returns the paragraphs whose text is new under their key and the keys that
   * are gone. Text seen before under another key (paragraphs shifted by an insertion when Word has no ids)
   * reuses its findings instead of being linted again.
   */
  replaceAll(paragraphs: ParagraphText[]): { changed: ParagraphEntry[]; removed: string[] } {
    const previous = this.entries;
    const byText = new Map<string, Finding[]>();
    for (const e of previous.values()) byText.set(e.text, e.findings);
    const changed: ParagraphEntry[] = [];
    this.entries = new Map();
    this.order = [];
    for (const p of paragraphs) {
      const old = previous.get(p.key);
      if (old && old.text === p.text) {
        this.entries.set(p.key, old);
      } else {
        const entry = { key: p.key, text: p.text, findings: byText.get(p.text) ?? this.lintText(p.text) };
        this.entries.set(p.key, entry);
        changed.push(entry);
      }
      this.order.push(p.key);
    }
    const removed = [...previous.keys()].filter((key) => !this.entries.has(key));
    return { changed, removed };
  }

  /** One paragraph read again (after a change event). Returns its entry when the text changed, else null. */
  update(p: ParagraphText): ParagraphEntry | null {
    const old = this.entries.get(p.key);
    if (old && old.text === p.text) return null;
    const entry = { key: p.key, text: p.text, findings: this.lintText(p.text) };
    // A key not seen yet goes last until the next full read puts it in place.
    if (!old) this.order.push(p.key);
    this.entries.set(p.key, entry);
    return entry;
  }

  /** Forget paragraphs; returns the keys that were known. */
  remove(keys: readonly string[]): string[] {
    const known = keys.filter((key) => this.entries.delete(key));
    if (known.length > 0) this.order = this.order.filter((key) => this.entries.has(key));
    return known;
  }

  /** New rules or options: lint every paragraph again with the new linter. */
  relintAll(lintText: (text: string) => Finding[]): ParagraphEntry[] {
    this.lintText = lintText;
    for (const key of this.order) {
      const e = this.entries.get(key)!;
      this.entries.set(key, { ...e, findings: lintText(e.text) });
    }
    return this.all();
  }
}
