/**
 * Findings folded into one small record per person, plus the export-wide totals. Only people with at least one
 * finding are kept. Counts, score and first/last dates cover every finding; the excerpts kept per person are
 * capped (`maxItems`) so a person with thousands of flagged notes costs no more than one with fifty: when full, a
 * heavier finding replaces the lightest, latest one. Findings arrive in export order (the pool guarantees it), so
 * the choice is the same on any number of workers.
 */
import { CATEGORIES, type Category } from '../../../shared-rules/src/index';
import type { BadRowKind } from './export-reader';
import type { NoteFinding } from './scan';
import { findingWeight } from './weights';

export interface AuditItem {
  date: string | null;
  ruleId: string;
  category: Category;
  excerpt?: string;
  weight: number;
  /** Position of the finding in the export, for a stable order among equals. */
  order: number;
}

export interface PersonAggregate {
  id: string;
  score: number;
  findings: number;
  categories: Record<Category, number>;
  first: string | null;
  last: string | null;
  items: AuditItem[];
}

export const DEFAULT_MAX_ITEMS = 10;

export const BAD_ROW_KINDS: BadRowKind[] = [
  'missing-id',
  'missing-text',
  'invalid-json',
  'bad-date',
  'missing-date',
  'ragged',
];

export interface Totals {
  files: number;
  records: number;
  notesWithFindings: number;
  people: number;
  findings: number;
  undatedFindings: number;
  categories: Record<Category, number>;
  rules: Record<string, number>;
  /** `YYYY-MM` → findings per category that month (categories with none left out). */
  months: Record<string, Partial<Record<Category, number>>>;
  /** Rows left out by --since / --until (undated rows cannot be placed, so they are left out too). */
  outsideDates: number;
  badRows: Record<BadRowKind, number>;
  notLinted: number;
  itemsPerPersonCap: number;
  redacted: boolean;
  filters: { since: string | null; until: string | null; categories: Category[] };
}

const CATEGORY_CONSTANT = Object.fromEntries(CATEGORIES.map((c) => [c, c])) as Record<Category, Category>;

const zeroCategories = (): Record<Category, number> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

/**
 * A new string with its own storage. An id parsed from the export may be a slice of a whole 1 MB chunk of the
 * file, and keeping the slice would keep the chunk alive for as long as the person is.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

export class Aggregator {
  private readonly byId = new Map<string, PersonAggregate>();
  /** One copy of each rule id, instead of one per finding as they arrive from the workers. */
  private readonly ruleIds = new Map<string, string>();
  private order = 0;
  readonly totals: Totals;

  constructor(
    private readonly maxItems: number,
    redacted: boolean,
    filters: Totals['filters'],
  ) {
    this.totals = {
      files: 0,
      records: 0,
      notesWithFindings: 0,
      people: 0,
      findings: 0,
      undatedFindings: 0,
      categories: zeroCategories(),
      rules: {},
      months: {},
      outsideDates: 0,
      badRows: Object.fromEntries(BAD_ROW_KINDS.map((k) => [k, 0])) as Record<BadRowKind, number>,
      notLinted: 0,
      itemsPerPersonCap: maxItems,
      redacted,
      filters,
    };
  }

  /** Folds one note's findings in; returns the weight of each, in order. */
  addNote(id: string, date: string | null, findings: NoteFinding[]): void {
    const t = this.totals;
    t.records++;
    if (findings.length === 0) return;
    t.notesWithFindings++;
    let person = this.byId.get(id);
    if (!person) {
      id = ownCopy(id);
      person = { id, score: 0, findings: 0, categories: zeroCategories(), first: null, last: null, items: [] };
      this.byId.set(id, person);
      t.people++;
    }
    for (const f of findings) {
      const weight = findingWeight(f.category, f.severity);
      person.score += weight;
      person.findings++;
      person.categories[f.category]++;
      t.findings++;
      t.categories[f.category]++;
      t.rules[f.ruleId] = (t.rules[f.ruleId] ?? 0) + 1;
      if (date) {
        if (person.first === null || date < person.first) person.first = date;
        if (person.last === null || date > person.last) person.last = date;
        const month = (t.months[date.slice(0, 7)] ??= {});
        month[f.category] = (month[f.category] ?? 0) + 1;
      } else t.undatedFindings++;
      let ruleId = this.ruleIds.get(f.ruleId);
      if (ruleId === undefined) this.ruleIds.set(f.ruleId, (ruleId = f.ruleId));
      this.keep(person, {
        date,
        ruleId,
        category: CATEGORY_CONSTANT[f.category],
        excerpt: f.excerpt,
        weight,
        order: this.order++,
      });
    }
  }

  private keep(person: PersonAggregate, item: AuditItem): void {
    const items = person.items;
    if (items.length < this.maxItems) {
      items.push(item);
      return;
    }
    let lightest = -1;
    for (let i = 0; i < items.length; i++) {
      if (
        lightest < 0 ||
        items[i].weight < items[lightest].weight ||
        (items[i].weight === items[lightest].weight && items[i].order > items[lightest].order)
      )
        lightest = i;
    }
    if (lightest >= 0 && item.weight > items[lightest].weight) items[lightest] = item;
  }

  /** People by score (highest first), then id; each person's items by date (undated last), then export order. */
  ranked(): PersonAggregate[] {
    const people = [...this.byId.values()];
    people.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const p of people) {
      p.items.sort((a, b) => {
        if (a.date !== b.date) {
          if (a.date === null) return 1;
          if (b.date === null) return -1;
          return a.date < b.date ? -1 : 1;
        }
        return a.order - b.order;
      });
    }
    return people;
  }
}
