import type { LintedPiece } from '../../../shared-rules/src/index';
import type { Finding, SectionKind } from '../../../shared-rules/src/index';

/** A paragraph as read from Word: its key (uniqueLocalId, or "#index" where Word has no ids) and its text. */
export interface ParagraphText {
  key: string;
  text: string;
}

/** A paragraph with the findings of the exact text (and section) they were linted from. */
export interface ParagraphEntry extends ParagraphText {
  findings: Finding[];
  /** The section in force where the paragraph starts ("History:", "Plan:" above it) and where it ends. */
  section: SectionKind | null;
  exit: SectionKind | null;
}

/** Lints one paragraph that starts in `section` (see the engine's lintPiece). */
export type PieceLinter = (text: string, section: SectionKind | null) => LintedPiece;

/**
 * The linted state of the document, keyed by paragraph. A paragraph is linted again only when its text, or the
 * section it starts in, differs from what is cached under its key, so as-you-type checks cost one paragraph, not
 * the document; a heading typed or changed re-checks the paragraphs below it, up to where their section is the same.
 */
export class ParagraphCache {
  private entries = new Map<string, ParagraphEntry>();
  private order: string[] = [];

  constructor(private lintText: PieceLinter) {}

  /** Paragraphs in document order. */
  all(): ParagraphEntry[] {
    return this.order.map((key) => this.entries.get(key)!);
  }

  get(key: string): ParagraphEntry | undefined {
    return this.entries.get(key);
  }

  /**
   * A full read of the document. Returns the paragraphs linted anew and the keys that are gone. Text seen before
   * under another key in the same section (paragraphs shifted by an insertion when Word has no ids) reuses its
   * findings instead of being linted again.
   */
  replaceAll(paragraphs: ParagraphText[]): { changed: ParagraphEntry[]; removed: string[] } {
    const previous = this.entries;
    const byText = new Map<string, ParagraphEntry>();
    for (const e of previous.values()) byText.set(reuseKey(e.text, e.section), e);
    const changed: ParagraphEntry[] = [];
    this.entries = new Map();
    this.order = [];
    let section: SectionKind | null = null;
    for (const p of paragraphs) {
      const old = previous.get(p.key);
      let entry: ParagraphEntry;
      if (old && old.text === p.text && old.section === section) entry = old;
      else {
        const seen = byText.get(reuseKey(p.text, section));
        entry = seen ? { ...seen, key: p.key } : this.linted(p, section);
        changed.push(entry);
      }
      this.entries.set(p.key, entry);
      this.order.push(p.key);
      section = entry.exit;
    }
    const removed = [...previous.keys()].filter((key) => !this.entries.has(key));
    return { changed, removed };
  }

  /**
   * One paragraph read again (after a change event). Returns every paragraph linted anew: this one if its text
   * changed, and those below it whose section changed with it.
   */
  update(p: ParagraphText): ParagraphEntry[] {
    const old = this.entries.get(p.key);
    if (old && old.text === p.text) return [];
    // A key not seen yet goes last until the next full read puts it in place.
    if (!old) this.order.push(p.key);
    const at = old ? this.order.indexOf(p.key) : this.order.length - 1;
    const entry = this.linted(p, this.sectionBefore(at));
    this.entries.set(p.key, entry);
    return [entry, ...this.carrySections(at + 1)];
  }

  /** Forget paragraphs; returns the keys that were known and the paragraphs below them linted anew. */
  remove(keys: readonly string[]): { removed: string[]; changed: ParagraphEntry[] } {
    const removed = keys.filter((key) => this.entries.has(key));
    if (removed.length === 0) return { removed, changed: [] };
    const first = Math.min(...removed.map((key) => this.order.indexOf(key)));
    for (const key of removed) this.entries.delete(key);
    this.order = this.order.filter((key) => this.entries.has(key));
    return { removed, changed: this.carrySections(first) };
  }

  /** New rules or options: lint every paragraph again with the new linter. */
  relintAll(lintText: PieceLinter): ParagraphEntry[] {
    this.lintText = lintText;
    let section: SectionKind | null = null;
    for (const key of this.order) {
      const entry = this.linted(this.entries.get(key)!, section);
      this.entries.set(key, entry);
      section = entry.exit;
    }
    return this.all();
  }

  private linted(p: ParagraphText, section: SectionKind | null): ParagraphEntry {
    const { findings, section: exit } = this.lintText(p.text, section);
    return { key: p.key, text: p.text, findings, section, exit };
  }

  private sectionBefore(index: number): SectionKind | null {
    return index > 0 ? this.entries.get(this.order[index - 1])!.exit : null;
  }

  /** Re-lint from `index` down while a paragraph now starts in another section than it was linted in. */
  private carrySections(index: number): ParagraphEntry[] {
    const changed: ParagraphEntry[] = [];
    for (let k = index; k < this.order.length; k++) {
      const old = this.entries.get(this.order[k])!;
      const section = this.sectionBefore(k);
      if (old.section === section) break;
      const entry = this.linted(old, section);
      this.entries.set(old.key, entry);
      changed.push(entry);
    }
    return changed;
  }
}

function reuseKey(text: string, section: SectionKind | null): string {
  return `${section ?? ''}\u0000${text}`;
}
