// Which inline critique shows which finding. Critiques replaced by a re-lint are remembered a while, because Word may
// deliver a popup action after the edit it caused.
import { locatedId, type Located } from './located';

const RETIRED_LIMIT = 500;

export class CritiqueIndex {
  private byId = new Map<string, Located>();
  private byParagraph = new Map<string, string[]>();
  private retired = new Map<string, Located>();

  /** A paragraph's critiques as just inserted: ids in the order of `items`. */
  set(key: string, ids: string[], items: Located[]): void {
    this.drop([key]);
    this.byParagraph.set(key, ids);
    ids.forEach((id, i) => this.byId.set(id, items[i]));
  }

  /** The finding a live critique shows. */
  live(id: string): Located | undefined {
    return this.byId.get(id);
  }

  /** The finding a live or recently replaced critique showed. */
  any(id: string): Located | undefined {
    return this.byId.get(id) ?? this.retired.get(id);
  }

  /** The live critique showing this finding. */
  idOf(item: Located): string | undefined {
    const wanted = locatedId(item);
    for (const [id, located] of this.byId) if (locatedId(located) === wanted) return id;
    return undefined;
  }

  /** One critique taken away (Ignore). */
  forgetCritique(id: string): void {
    this.byId.delete(id);
  }

  /** Paragraphs whose critiques were replaced or removed. */
  drop(keys: string[]): void {
    for (const key of keys) {
      for (const id of this.byParagraph.get(key) ?? []) {
        const item = this.byId.get(id);
        if (item) this.retired.set(id, item);
        this.byId.delete(id);
      }
      this.byParagraph.delete(key);
    }
    for (const id of this.retired.keys()) {
      if (this.retired.size <= RETIRED_LIMIT) break;
      this.retired.delete(id);
    }
  }

  clear(): void {
    this.byId.clear();
    this.byParagraph.clear();
  }
}
