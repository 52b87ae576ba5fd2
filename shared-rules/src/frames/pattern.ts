/**
 * Frame patterns: slots of word classes in order, with bounded gaps, inside one clause or sentence.
 *   @police-actor          a slot: any entry of the class
 *   @care-verb|@care-noun  a slot taking either class;  offer~  a literal word (an anonymous class)
 *   @staff-actor?          an optional slot;           @loss!  the anchor (default: the first required slot)
 *   ..6                    up to 6 other words (default 4, at most 12)
 *   <..10>                 either order: the slots before and after it may come in either order, up to 10 words apart
 * Like phrases, a pattern's reach is bounded by the pattern, never by the text, which keeps matching linear.
 */
import { PhraseError } from '../matching/phrase';
import { letterPattern } from '../text/letter-regexp';

export type Element = { kind: 'slot'; names: string[]; optional: boolean } | { kind: 'gap'; max: number };

export interface ParsedPattern {
  /** One sequence, or two for an either-order pattern (as written, then swapped). */
  sequences: Element[][];
  /** The class names of the anchor slot: where the rule graph starts looking. */
  anchor: string[];
  /** Words written literally (each becomes a one-entry class named `=word`). */
  literals: string[];
}

export const MAX_FRAME_GAP = 12;
const MAX_FRAME_GAPS_TOTAL = 24;
const MAX_SLOTS = 10;
const DEFAULT_GAP = 4;
/** A literal word of a pattern, `word~` for its inflections. */
const PATTERN_WORD = letterPattern(String.raw`^[\p{L}\p{N}'\u2019&-]+~?$`, 'u');

export function literalClass(word: string): string {
  return `=${word.toLowerCase()}`;
}

export function parsePattern(source: string): ParsedPattern {
  const items = source.trim().split(/\s+/).filter(Boolean);
  if (!items.length) throw new PhraseError('empty frame pattern');
  const before: Element[] = [];
  const after: Element[] = [];
  let either: number | null = null;
  let anchor: string[] | null = null;
  let firstRequired: string[] | null = null;
  const literals: string[] = [];
  let gaps = 0;
  let slots = 0;
  for (const item of items) {
    const target = either === null ? before : after;
    const swap = /^<\.\.(\d+)?>$/.exec(item);
    if (swap) {
      if (either !== null) throw new PhraseError('a frame pattern can have only one either-order gap <..N>');
      either = swap[1] ? Number(swap[1]) : DEFAULT_GAP;
      if (!(either >= 0 && either <= MAX_FRAME_GAP))
        throw new PhraseError(`gap '${item}' must allow 0 to ${MAX_FRAME_GAP} words`);
      gaps += either;
      continue;
    }
    const gap = /^\.\.(\d+)?$/.exec(item);
    if (gap) {
      const max = gap[1] ? Number(gap[1]) : DEFAULT_GAP;
      if (!(max >= 1 && max <= MAX_FRAME_GAP))
        throw new PhraseError(`gap '${item}' must allow 1 to ${MAX_FRAME_GAP} words`);
      gaps += max;
      target.push({ kind: 'gap', max });
      continue;
    }
    let body = item;
    let optional = false;
    let isAnchor = false;
    while (/[?!]$/.test(body)) {
      if (body.endsWith('?')) optional = true;
      else isAnchor = true;
      body = body.slice(0, -1);
    }
    const names = body.split('|').map((alt) => {
      if (alt.startsWith('@')) {
        if (!/^@[a-z0-9]+(-[a-z0-9]+)*$/.test(alt))
          throw new PhraseError(`'${alt}' is not a class name (kebab-case after @)`);
        return alt.slice(1);
      }
      if (!PATTERN_WORD.test(alt)) throw new PhraseError(`'${alt}' is neither a @class nor a word`);
      literals.push(alt);
      return literalClass(alt);
    });
    if (isAnchor && optional) throw new PhraseError(`the anchor '${item}' cannot be optional`);
    if (isAnchor) {
      if (anchor) throw new PhraseError('a frame pattern can have only one anchor (!)');
      anchor = names;
    }
    if (!optional && !firstRequired) firstRequired = names;
    target.push({ kind: 'slot', names, optional });
    slots++;
  }
  if (slots > MAX_SLOTS) throw new PhraseError(`a frame pattern can have at most ${MAX_SLOTS} slots`);
  if (gaps > MAX_FRAME_GAPS_TOTAL)
    throw new PhraseError(`gaps allow ${gaps} words in all; at most ${MAX_FRAME_GAPS_TOTAL} per frame pattern`);
  if (!firstRequired) throw new PhraseError('a frame pattern needs at least one required slot');
  for (const seq of [before, after]) {
    if (seq.length && (seq[0].kind === 'gap' || seq[seq.length - 1].kind === 'gap'))
      throw new PhraseError('a frame pattern cannot start or end with a gap');
  }
  if (either !== null && (!before.some(required) || !after.some(required))) {
    throw new PhraseError('both sides of an either-order gap <..N> need a required slot');
  }
  const sequences =
    either === null
      ? [before]
      : [
          [...before, { kind: 'gap', max: either } as Element, ...after],
          [...after, { kind: 'gap', max: either } as Element, ...before],
        ].map((s) => s.filter((e) => e.kind !== 'gap' || e.max > 0));
  return { sequences, anchor: anchor ?? firstRequired, literals };
}

function required(e: Element): boolean {
  return e.kind === 'slot' && !e.optional;
}
