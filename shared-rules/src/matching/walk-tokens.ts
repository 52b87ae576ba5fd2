import { type AsciiWordTable, asciiWordEnd } from '../text/ascii-words';
import { spellingTable } from '../text/spelling';
import { normalizeWord, TokenReader, wordEnd, type Token } from '../text/tokenize';
import type { PhraseTrie, TokenSource } from './trie';

/** The norm of a word that no edge of the trie uses: a walk only ever compares norms with edge words. */
export const UNUSED_WORD = '\u0000';

/** A spelling asciiWordEnd can read whole (a colon only between digits, "1:1"): other words are read with normalizeWord. */
const PLAIN = /^[a-z0-9]+(?:['&][a-z0-9]+|(?<=[0-9]):[0-9]+)*$/;

/**
 * Every word on the trie's edges, by the hash of each spelling that folds to it. A phrase walk looks a plain ASCII
 * word up here in place, so the words it passes over (most of them) are never sliced or case-folded.
 */
export class WalkVocabulary {
  private readonly words: readonly string[];
  private readonly table: AsciiWordTable;

  constructor(trie: PhraseTrie) {
    this.words = trie.words();
    this.table = spellingTable(this.words, (text) => PLAIN.test(text));
  }

  /** The norm of the ASCII word text[start, end) that asciiWordEnd just read. */
  normOf(text: string, start: number, end: number): string {
    const i = this.table.find(text, start, end);
    return i < 0 ? UNUSED_WORD : this.words[i];
  }
}

/**
 * The tokens of one phrase walk, read only as far as the walk asks and never past punctuation, for one candidate
 * after another in a chunk. The reader and the token objects are reused from candidate to candidate, so a walk over
 * a common first word allocates nothing; tokens are valid until the next `from()`.
 */
export class WalkTokens {
  private readonly reader: TokenReader;
  private readonly tokens: Token[] = [];
  private count = 0;
  private done = false;
  readonly at: TokenSource = (k) => {
    while (!this.done && this.count <= k) this.read();
    return k < this.count ? this.tokens[k] : undefined;
  };

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly vocabulary: WalkVocabulary,
  ) {
    this.reader = new TokenReader(text, 0, end);
  }

  /** Starts a new walk at `pos`. */
  from(pos: number): void {
    this.reader.moveTo(pos);
    this.count = 0;
    this.done = false;
  }

  private read(): void {
    const { text, end, reader } = this;
    const start = reader.seekWord();
    // a phrase never crosses punctuation, so a walk stops at the first word after it
    if (start < 0 || (this.count > 0 && reader.broke)) {
      this.done = true;
      return;
    }
    let wordEndAt = asciiWordEnd(text, start, end);
    let norm: string;
    if (wordEndAt >= 0) norm = this.vocabulary.normOf(text, start, wordEndAt);
    else {
      wordEndAt = wordEnd(text, start, end);
      norm = normalizeWord(text.slice(start, wordEndAt));
    }
    reader.moveTo(wordEndAt);
    const t = this.tokens[this.count];
    if (t) {
      t.start = start;
      t.end = wordEndAt;
      t.norm = norm;
      t.afterBreak = reader.broke;
    } else this.tokens[this.count] = { start, end: wordEndAt, norm, afterBreak: reader.broke };
    this.count++;
  }
}
