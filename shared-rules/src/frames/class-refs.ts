/**
 * `@class` inside a class entry: the other class's entries in its place, as one alternation, so
 * "(no|without) (any)? @wound-care" is "no" or "without" before any wound-care entry. A class is written once and
 * qualified elsewhere without a copy that drifts from it (a trust's extra wound-care entries reach the negated class
 * too). Expanded before the class graph is built; a class reaching itself is refused. The final `@Name` of an entry
 * (a capitalised surname) is not a reference: class names are lower case.
 */
import type { WordClasses } from '../types';

const REFERENCE = /@([a-z0-9]+(?:-[a-z0-9]+)*)(?![A-Za-z0-9-])/g;

/** Why a class cannot be expanded: the class, the index of its entry, and the reason. */
export interface ClassRefProblem {
  className: string;
  entry: number;
  message: string;
}

/** The classes with every `@class` reference in their entries replaced (the same object when none has one). */
export function expandClassRefs(classes: WordClasses, fail: (problem: ClassRefProblem) => never): WordClasses {
  // only the classes that refer to another are rebuilt: this runs on every host's start-up
  const referring = Object.keys(classes).filter((n) => classes[n]?.entries?.some?.(hasReference));
  if (referring.length === 0) return classes;
  const done = new Map<string, string[]>();
  const open: string[] = [];

  const entriesOf = (name: string): string[] => {
    const found = done.get(name);
    if (found) return found;
    open.push(name);
    const entries = classes[name].entries.map((entry, i) =>
      hasReference(entry) ? expandEntry(name, entry, i) : entry,
    );
    open.pop();
    done.set(name, entries);
    return entries;
  };

  const expandEntry = (name: string, entry: string, i: number): string =>
    entry.replace(REFERENCE, (_, ref: string) => {
      if (!Object.hasOwn(classes, ref) || !Array.isArray(classes[ref]?.entries))
        fail({ className: name, entry: i, message: `unknown word class "@${ref}" in entry "${entry}"` });
      if (open.includes(ref))
        fail({
          className: name,
          entry: i,
          message: `word class "@${ref}" refers back to itself (${[...open.slice(open.indexOf(ref)), ref].join(' → ')})`,
        });
      const inner = entriesOf(ref);
      if (inner.some((e) => e.trim().endsWith('@Name')))
        fail({
          className: name,
          entry: i,
          message: `word class "@${ref}" has entries ending in @Name, which only a whole entry can have`,
        });
      return `(${inner.map((e) => e.trim()).join('|')})`;
    });

  const out: WordClasses = { ...classes };
  for (const name of referring) out[name] = { ...classes[name], entries: entriesOf(name) };
  return out;
}

function hasReference(entry: unknown): entry is string {
  if (typeof entry !== 'string' || !entry.includes('@')) return false;
  REFERENCE.lastIndex = 0;
  return REFERENCE.test(entry);
}
