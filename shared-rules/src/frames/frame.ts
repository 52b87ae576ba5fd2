/** A frame rule compiled against the word classes: its patterns as class-slot sequences, its scope and its quieting classes. */
import { PhraseError } from '../matching/phrase';
import { runSequence, type CompiledElement, type TokenRange } from './automaton';
import type { ClassMatcher } from './classes';
import { literalClass, parsePattern, type ParsedPattern } from './pattern';
import type { FrameClassGroup, FrameData, FrameScope, FrameWindow } from '../types';

export type { FrameClassGroup, FrameData, FrameScope, FrameWindow };

export interface CompiledGroup {
  classes: ReadonlySet<number>;
  in: FrameWindow;
}

export interface CompiledFrame {
  data: FrameData;
  /** Per pattern, its sequences (two for either-order patterns). */
  sequences: CompiledElement[][][];
  scope: FrameScope;
  quiet: CompiledGroup[];
  require: CompiledGroup[];
  /** Phrases the rule graph starts candidates on: the anchor slots' entries. */
  anchors: string[];
  /**
   * Per sequence of every pattern, its required slots as lists of class indexes: a sequence can match only where
   * each of them has a class present (ClassMatcher.present), which judge.ts checks before reading the class table.
   */
  needs: number[][][];
}

export interface FrameIssue {
  path: Array<string | number>;
  message: string;
}

/** Parse every pattern of a frame (before the class matcher exists, to learn its literal words). */
export function parseFrame(frame: FrameData, issues: FrameIssue[], path: Array<string | number>): ParsedPattern[] {
  if (!frame || !Array.isArray(frame.patterns) || frame.patterns.length === 0) {
    issues.push({ path: [...path, 'patterns'], message: 'a frame needs at least one pattern' });
    return [];
  }
  const out: ParsedPattern[] = [];
  frame.patterns.forEach((p, i) => {
    try {
      out.push(parsePattern(p));
    } catch (e) {
      issues.push({
        path: [...path, 'patterns', i],
        message: e instanceof PhraseError ? `pattern "${p}": ${e.message}` : String(e),
      });
    }
  });
  return out;
}

export function compileFrame(
  frame: FrameData,
  parsed: ParsedPattern[],
  classes: ClassMatcher,
  issues: FrameIssue[],
  path: Array<string | number>,
): CompiledFrame {
  const resolve = (names: string[], where: Array<string | number>): Set<number> => {
    const set = new Set<number>();
    for (const n of names) {
      const i = classes.indexOf(n);
      if (i < 0)
        issues.push({
          path: where,
          message: `unknown word class "${n}"; known classes: ${classes.names.filter((c) => !c.startsWith('=')).join(', ')}`,
        });
      else set.add(i);
    }
    return set;
  };
  const sequences = parsed.map((p, i) =>
    p.sequences.map((seq) =>
      seq.map(
        (el): CompiledElement =>
          el.kind === 'gap'
            ? el
            : { kind: 'slot', optional: el.optional, classes: resolve(el.names, [...path, 'patterns', i]) },
      ),
    ),
  );
  let anchors: string[] | undefined;
  const groups = (list: FrameClassGroup[] | undefined, key: string): CompiledGroup[] =>
    (list ?? []).map((g, i) => ({
      classes: resolve(g.any ?? [], [...path, key, i, 'any']),
      in: g.in ?? 'sentence',
    }));
  const needs = sequences.flatMap((pattern) =>
    pattern.map((seq) => seq.flatMap((el) => (el.kind === 'slot' && !el.optional ? [[...el.classes]] : []))),
  );
  return {
    data: frame,
    sequences,
    needs,
    scope: frame.scope ?? 'clause',
    quiet: groups(frame.quiet, 'quiet'),
    require: groups(frame.require, 'require'),
    // read only where the rule graph is compiled here (no prebuilt graph): working them out reads every class's entries
    get anchors() {
      return (anchors ??= anchorPhrases(parsed, classes));
    },
  };
}

/** The entries of the patterns' anchor slots' classes, once each. */
function anchorPhrases(parsed: ParsedPattern[], classes: ClassMatcher): string[] {
  const anchors = new Set<string>();
  for (const p of parsed)
    for (const name of p.anchor) {
      const i = classes.indexOf(name);
      if (i >= 0) for (const a of classes.anchors[i]) anchors.add(a);
    }
  return [...anchors];
}

/** Literal words used by frame patterns, as one-entry classes. */
export function literalClasses(parsed: ParsedPattern[]): Record<string, { entries: string[] }> {
  const out: Record<string, { entries: string[] }> = {};
  for (const p of parsed) for (const w of p.literals) out[literalClass(w)] = { entries: [w] };
  return out;
}

export type { TokenRange };

/** Whether every required slot of a sequence (its `needs`) has a class present (a 1 in `present`). */
function seqMayMatch(slots: readonly number[][], present: Uint8Array): boolean {
  for (const slot of slots) {
    let any = false;
    for (const c of slot) if (present[c]) any = true;
    if (!any) return false;
  }
  return true;
}

/** Whether some sequence of the frame has every required slot among the classes present (a 1 in `present`). */
export function frameMayMatch(frame: CompiledFrame, present: Uint8Array): boolean {
  for (const seq of frame.needs) if (seqMayMatch(seq, present)) return true;
  return false;
}

/**
 * Every match of a frame's patterns in tokens [lo, hi) of a class table. With `present` (the classes beginning in the
 * same tokens), a sequence with a required slot absent is not run: it cannot match, and a frame of 17 patterns (34
 * sequences with either-order ones) would otherwise read the whole window once per sequence.
 */
export function frameMatches(
  frame: CompiledFrame,
  table: Parameters<typeof runSequence>[1],
  lo: number,
  hi: number,
  present?: Uint8Array,
): TokenRange[] {
  const out: TokenRange[] = [];
  let k = 0;
  for (const pattern of frame.sequences)
    for (const seq of pattern) {
      if (!present || seqMayMatch(frame.needs[k], present)) out.push(...runSequence(seq, table, lo, hi));
      k++;
    }
  return out;
}
