import { ASCII, type AsciiWordTable, asciiWordEnd, hashOf, lastWordHash } from '../text/ascii-words';
import { CharClass, charClass } from '../text/chars';
import { spellingTable, surfaceSpellings } from '../text/spelling';
import { normalizeWord, TokenReader, wordEnd } from '../text/tokenize';
import { type Edge, type PhraseTrie, type TrieNode, WideEdges } from './trie';

class FirstWord {
  /** Null when the word starts a candidate on its own; otherwise the words that must come next. Worked out on first use. */
  private resolved: FollowingWords | null | undefined;

  constructor(
    readonly canonical: string,
    private readonly edges: readonly Edge[],
  ) {}

  get following(): FollowingWords | null {
    if (this.resolved === undefined) {
      const targets = this.edges.map((e) => e.node.ready());
      // a word that is a phrase on its own, or before a gap, is a candidate wherever it stands; any other first word
      // only when a word that can follow it comes next ("patient" is common, "patient refused" is not)
      const standsAlone = targets.some((n) => n.accepts || n.gaps || !n.next);
      this.resolved = standsAlone ? null : new FollowingWords(targets);
    }
    return this.resolved;
  }
}

/**
 * The words that may follow a first word that is never a phrase on its own, worked out the first time a text has the
 * word: most of the graph's first words never come up, and the first lint is part of every host's start-up.
 */
class FollowingWords {
  private words: Set<string> | undefined;
  private hashes: Set<number> | undefined;

  constructor(private readonly targets: readonly TrieNode[]) {}

  has(norm: string): boolean {
    return this.all().has(norm);
  }

  /** Whether a plain ASCII word with this hash (any of its spellings) may come next. */
  hasHash(hash: number): boolean {
    this.hashes ??= new Set([...this.all()].flatMap((w) => surfaceSpellings(w).map(hashOf)));
    return this.hashes.has(hash);
  }

  private all(): Set<string> {
    return (this.words ??= new Set(this.targets.flatMap((n) => [...n.ready().next!.keys()])));
  }
}

/**
 * Where a phrase can start, found by one scan over the words of a text. It replaced a prefilter regular expression:
 * the same candidates (a phrase's first word; for a first word that every phrase continues, such as "the" or
 * "patient", only when a word that can follow it does), with no regex to compile on the first lint, and words read
 * exactly as the tokenizer reads them.
 */
export class StartIndex {
  /** The graph's first words (its root's edge words), in the root's order. */
  private readonly words: string[];
  /** Each first word's FirstWord, made the first time a text has the word. */
  private readonly made: Array<FirstWord | undefined>;
  /** Every spelling of every first word: most words are rejected without slicing or case folding. */
  private readonly spellings: AsciiWordTable;
  /** Each first word's index by the word, for a root read otherwise than as WideEdges (made when first needed). */
  private byNorm: Map<string, number> | undefined;

  constructor(private readonly trie: PhraseTrie) {
    // whether a first word stands alone is worked out the first time a text has it: the graph's nodes are read lazily
    this.words = [...(trie.root.next?.keys() ?? [])];
    this.made = new Array(this.words.length);
    this.spellings = spellingTable(this.words);
  }

  private firstWord(i: number): FirstWord {
    return (this.made[i] ??= new FirstWord(this.words[i], this.trie.root.next!.get(this.words[i])!));
  }

  /**
   * Offsets of the words in text[0, end) that can start a phrase, in order. (An array rather than a callback:
   * a fresh closure per chunk would keep throwing away the optimised code of this loop.)
   */
  scan(text: string, end: number): number[] {
    const out: number[] = [];
    let i = 0;
    // start of a plain ASCII word already read by the pair check below (it ends at i; its hash is lastWordHash()):
    // "the", "was", "to" are a third of all words, and reading their next word twice was a fifth of the scan
    let pending = -1;
    while (i < end || pending >= 0) {
      let start: number;
      if (pending >= 0) {
        start = pending;
        pending = -1;
      } else {
        const c = text.charCodeAt(i);
        if ((c < 128 ? ASCII[c] : charClass(c)) !== CharClass.Word) {
          i++;
          continue;
        }
        start = i;
        i = asciiWordEnd(text, start, end);
        if (i < 0) {
          // not plain ASCII: read it exactly as the tokenizer does
          i = wordEnd(text, start, end);
          if (this.checkExact(normalizeWord(text.slice(start, i)), text, i, end)) out.push(start);
          continue;
        }
      }
      const found = this.spellings.find(text, start, i);
      if (found < 0) continue;
      const first = this.firstWord(found);
      const following = first.following;
      if (!following) {
        out.push(start);
        continue;
      }
      // a word every phrase continues: a candidate only if a word that can follow it comes next
      let j = i;
      while (j < end && ASCII[text.charCodeAt(j)] === CharClass.Space) j++;
      if (j < end) {
        // punctuation or an apostrophe next: the tokenizer reads the next word as after a break, so no candidate
        const d = text.charCodeAt(j);
        if (d < 128 && (ASCII[d] === CharClass.Punct || ASCII[d] === CharClass.Inner)) continue;
      }
      const nextEnd =
        j < end && j > i && ASCII[text.charCodeAt(j)] === CharClass.Word ? asciiWordEnd(text, j, end) : -1;
      if (nextEnd >= 0 && !following.hasHash(lastWordHash())) {
        pending = j;
        i = nextEnd;
        continue;
      }
      if (this.checkExact(first.canonical, text, i, end)) out.push(start);
    }
    return out;
  }

  /**
   * A first word's place in `words`, or -1. A prebuilt root answers by its own word index (its words in the same
   * order): a Map of its 5,800 words, made from 5,800 pairs the first time a text had a word outside plain ASCII, was
   * 1 MB allocated, all of it surviving young-generation collections, and 130 KB kept for the process.
   */
  private indexOf(norm: string): number {
    const root = this.trie.root.next;
    if (root instanceof WideEdges) return root.runOf(norm);
    this.byNorm ??= new Map(this.words.map((w, i) => [w, i]));
    return this.byNorm.get(norm) ?? -1;
  }

  /** Whether a word with this normal form, ending at wordEndAt, starts a candidate. */
  private checkExact(norm: string, text: string, wordEndAt: number, end: number): boolean {
    const found = this.indexOf(norm);
    if (found < 0) return false;
    const first = this.firstWord(found);
    const following = first.following;
    if (!following) return true;
    const next = new TokenReader(text, wordEndAt, end).next();
    return next !== null && !next.afterBreak && following.has(next.norm);
  }
}
