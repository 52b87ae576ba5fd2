import type { FormName, PhraseVariant } from './phrase';
import { TokenReader, type Token } from './tokenize';

export interface Accept {
  /** Index of the owner (a rule, or a phrase group in a context condition). */
  owner: number;
  form: FormName | null;
}

interface GapEdge { max: number; node: TrieNode }

export class TrieNode {
  next: Map<string, TrieNode> | null = null;
  gaps: GapEdge[] | null = null;
  accepts: Accept[] | null = null;

  child(word: string): TrieNode {
    this.next ??= new Map();
    let n = this.next.get(word);
    if (!n) { n = new TrieNode(); this.next.set(word, n); }
    return n;
  }

  gapChild(max: number): TrieNode {
    this.gaps ??= [];
    let edge = this.gaps.find((g) => g.max === max);
    if (!edge) { edge = { max, node: new TrieNode() }; this.gaps.push(edge); }
    return edge.node;
  }
}

export interface TrieMatch {
  owner: number;
  form: FormName | null;
  /** Index of the last token of the match in the token array handed to the walker. */
  lastToken: number;
}

/** A word trie over phrase variants, with bounded gaps. Matching is linear: at most (phrase length × gap) steps per start. */
export class PhraseTrie {
  readonly root = new TrieNode();
  /** Longest phrase, in tokens, including gaps at their maximum. */
  maxLength = 0;

  add(variant: PhraseVariant, owner: number): void {
    let node = this.root;
    let length = 0;
    for (const item of variant.items) {
      if (typeof item === 'string') { node = node.child(item); length++; }
      else { node = node.gapChild(item.gap); length += item.gap; }
    }
    (node.accepts ??= []).push({ owner, form: variant.form });
    this.maxLength = Math.max(this.maxLength, length);
  }

  firstWords(): string[] {
    return this.root.next ? [...this.root.next.keys()] : [];
  }

  /**
   * All matches starting at tokens[from]. Phrases never cross punctuation (Token.afterBreak),
   * so a walk stops at the first break. `onMatch` receives each accepting state.
   */
  matchAt(tokens: ArrayLike<Token>, from: number, onMatch: (m: TrieMatch) => void): void {
    type State = { node: TrieNode; gapLeft: number };
    let states: State[] = [{ node: this.root, gapLeft: -1 }];
    for (let k = from; k < tokens.length && states.length > 0; k++) {
      const tok = tokens[k];
      if (k > from && tok.afterBreak) break;
      const nextStates: State[] = [];
      for (const s of states) {
        if (s.gapLeft >= 0) {
          // inside a gap: the token either resumes the phrase or is skipped
          const resumed = s.node.next?.get(tok.norm);
          if (resumed) pushState(nextStates, resumed);
          if (s.gapLeft > 0) nextStates.push({ node: s.node, gapLeft: s.gapLeft - 1 });
        } else {
          const child = s.node.next?.get(tok.norm);
          if (child) pushState(nextStates, child);
        }
      }
      for (const s of nextStates) {
        if (s.gapLeft < 0 && s.node.accepts) for (const a of s.node.accepts) onMatch({ owner: a.owner, form: a.form, lastToken: k });
      }
      states = nextStates;
    }
  }
}

function pushState(into: Array<{ node: TrieNode; gapLeft: number }>, node: TrieNode): void {
  into.push({ node, gapLeft: -1 });
  // entering a gap consumes no token yet; the gap node then waits for up to `max` words
  if (node.gaps) for (const g of node.gaps) into.push({ node: g.node, gapLeft: g.max });
}

/** Read up to `limit` tokens from `pos` without crossing `end`. */
export function readTokens(text: string, pos: number, end: number, limit: number): Token[] {
  const reader = new TokenReader(text, pos, end);
  const out: Token[] = [];
  for (let t = reader.next(); t && out.length < limit; t = reader.next()) {
    if (out.length > 0 && t.afterBreak) break;
    out.push(t);
  }
  return out;
}
