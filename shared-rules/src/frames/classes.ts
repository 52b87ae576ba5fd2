/**
 * Word classes: named lists of words and short phrases ("police-actor": PC, Sgt, DC + a surname, law enforcement
 * officer …) defined once in shared-rules/lexicon/*.yaml and referred to by frames. All classes compile into one
 * phrase graph; a clause is read once and each token gets the class entries that start at it (a token-class table),
 * so a frame never enumerates the spellings of its slots.
 */
import type { Inflector } from '../matching/phrase';
import {
  PhraseTrie,
  VarintReader,
  WideEdges,
  writeVarint,
  type EncodedTrie,
  type SerializedTrie,
  type TrieNode,
} from '../matching/trie';
import type { Token } from '../text/tokenize';
import { expandClassRefs } from './class-refs';
import { work } from '../work';

import type { WordClassData, WordClasses } from '../types';

export type { WordClassData, WordClasses };

/** A class entry found in a clause: class index and the last token it covers. */
export interface ClassSpan {
  cls: number;
  last: number;
}

/**
 * What an entry (an accept owner of the class graph) is, as one number: its class × 4, + 2 when it asks for a name
 * after it (@Name), + 1 for an exception.
 */
const NAME_FACT = 2;
const EXCEPT_FACT = 1;
const classOfFact = (fact: number) => fact >> 2;

/** Marker at the end of an entry: the next word must be a capitalised name ("DC @Name" matches "DC Morgan"). */
export const NAME_MARKER = '@Name';

// capitalised words that start a clause rather than name a person ("PC To attend", "Sgt Will …" are not names)
const NOT_NAMES = new Set([
  'to',
  'will',
  'is',
  'was',
  'has',
  'had',
  'and',
  'or',
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'for',
  'with',
  'who',
  'should',
  'must',
  'may',
  'can',
  'would',
  'could',
  'shall',
  'be',
  'are',
  'were',
  'not',
  'no',
  'from',
  'by',
  'as',
  'if',
  'she',
  'he',
  'they',
  'her',
  'his',
  'their',
  'i',
  'we',
  'it',
  'this',
  'that',
]);

export class ClassIssue extends Error {
  constructor(
    readonly className: string,
    readonly entry: number,
    message: string,
    readonly field: 'entries' | 'except' = 'entries',
  ) {
    super(message);
  }
}

/** Every class compiled into one graph. Class indexes follow the order of `names`. */
export class ClassMatcher {
  readonly names: string[];
  private readonly index = new Map<string, number>();
  private graph: PhraseTrie | undefined;
  /** Each entry's fact (NAME_FACT, EXCEPT_FACT, class), by owner: read from the entries, or from the prebuilt code. */
  private facts: number[] | Int32Array | undefined;
  private readonly pending: Array<{ name: string; phrase: string; raw: string; i: number; except: boolean }> = [];
  private anchorLists: string[][] | undefined;

  /**
   * `lazy`: classes validated at build time compile their graph on the first clause that needs it; `prebuilt`: the
   * graph compiled at build time from exactly these classes (serialize()), read instead of compiled (cold start).
   */
  constructor(
    readonly classes: WordClasses,
    private readonly inflect: Inflector,
    lazy = false,
    private readonly prebuilt?: SerializedTrie | EncodedTrie,
    /** beginningsCode() of exactly this prebuilt graph. */
    private readonly prebuiltBeginnings?: string,
    /** ownersCode() of exactly this prebuilt graph. */
    private readonly prebuiltOwners?: string,
  ) {
    this.names = Object.keys(classes);
    this.names.forEach((n, i) => this.index.set(n, i));
    // with the graph and its entries' facts written at build time (where the classes were checked), the entries are
    // read only when something asks for the anchors: reading all of them was 20 M instructions of every start-up
    if (prebuilt && prebuiltOwners !== undefined) return;
    this.readEntries();
    if (!lazy) void this.trie;
  }

  /** Per class, its entries with any @Name marker removed: what a frame anchors on in the rule graph. */
  get anchors(): string[][] {
    if (!this.anchorLists) this.readEntries();
    return this.anchorLists!;
  }

  /** Every class's entries, checked, with @class references expanded: the anchors, each entry's fact, the phrases. */
  private readEntries(): void {
    const facts: number[] = [];
    this.anchorLists = this.names.map(() => []);
    const expanded = expandClassRefs(this.classes, (p) => {
      throw new ClassIssue(p.className, p.entry, p.message);
    });
    this.names.forEach((name, cls) => {
      const data = expanded[name];
      if (!data || !Array.isArray(data.entries) || data.entries.length === 0)
        throw new ClassIssue(name, 0, 'a word class needs at least one entry');
      data.entries.forEach((raw, i) => facts.push(this.add(name, cls, raw, i, false)));
      (data.except ?? []).forEach((raw, i) => facts.push(this.add(name, cls, raw, i, true)));
    });
    this.facts ??= facts;
  }

  /** Each entry's fact by owner, decoded from the prebuilt code the first time a walk needs one. */
  private entryFacts(): number[] | Int32Array {
    if (this.facts) return this.facts;
    if (this.prebuiltOwners === undefined) {
      this.readEntries();
      return this.facts!;
    }
    const r = new VarintReader(this.prebuiltOwners);
    const facts = new Int32Array(r.next());
    for (let k = 0; k < facts.length; k++) facts[k] = r.next();
    return (this.facts = facts);
  }

  /** Every entry's fact, in owner order: the `prebuiltOwners` of a prebuilt matcher. */
  ownersCode(): string {
    const facts = this.entryFacts();
    const out: string[] = [];
    writeVarint(out, facts.length);
    for (const f of facts) writeVarint(out, f);
    return out.join('');
  }

  /** The class graph as data, for the constructor's `prebuilt`. */
  serialize(): SerializedTrie {
    return this.trie.serialize();
  }

  private get trie(): PhraseTrie {
    if (this.graph) return this.graph;
    if (this.prebuilt) return (this.graph = PhraseTrie.deserialize(this.prebuilt));
    const trie = new PhraseTrie();
    this.pending.forEach((p, owner) => {
      try {
        trie.addPhrase(p.phrase, owner, this.inflect);
      } catch (e) {
        throw new ClassIssue(
          p.name,
          p.i,
          `phrase "${p.raw}": ${(e as Error).message}`,
          p.except ? 'except' : 'entries',
        );
      }
    });
    return (this.graph = trie);
  }

  /** Checks an entry and keeps its phrase (and, unless an exception, its anchor); returns its fact. */
  private add(name: string, cls: number, raw: string, i: number, except: boolean): number {
    if (typeof raw !== 'string' || !raw.trim())
      throw new ClassIssue(name, i, 'an entry must be a non-empty phrase', except ? 'except' : 'entries');
    const trimmed = raw.trim();
    const name_ = trimmed.endsWith(NAME_MARKER);
    const phrase = name_ ? trimmed.slice(0, -NAME_MARKER.length).trim() : trimmed;
    if (phrase.includes('@'))
      throw new ClassIssue(
        name,
        i,
        `'@' is only allowed before a word class name (@class) or as a final ${NAME_MARKER} (a capitalised surname)`,
        except ? 'except' : 'entries',
      );
    this.pending.push({ name, phrase, raw, i, except });
    if (!except) this.anchorLists![cls].push(phrase);
    return cls * 4 + (name_ ? NAME_FACT : 0) + (except ? EXCEPT_FACT : 0);
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  indexOf(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** Per first word of an entry: the words that can come second, or null when an entry can end at or gap after it. */
  /**
   * Per word that can begin an entry, the classes whose entries it begins (exceptions left out), worked out the first
   * time a statement has the word: the first lint is part of every host's start-up, and most words never come up.
   */
  private readonly beginnings = new Map<string, Uint16Array>();
  /** Where each first word's classes start in the prebuilt beginnings code. */
  private beginningAt: Map<string, number> | undefined;
  /** The same by the word's place among the root's words, when the root is read as WideEdges. */
  private beginningOffsets: Int32Array | undefined;

  /**
   * Which classes have an entry beginning at some token of tokens[lo, hi): 1 at their index. Every entry a class
   * table holds begins with one of these words, so a class absent here has no span in the range, and a frame whose
   * required slots are absent cannot match there (judge.ts reads the table only when they are present).
   */
  present(tokens: readonly Token[], lo: number, hi: number): Uint8Array {
    const out = new Uint8Array(this.names.length);
    for (let k = lo; k < hi; k++) {
      const classes = this.beginningsOf(tokens[k].norm);
      for (let i = 0; i < classes.length; i++) out[classes[i]] = 1;
    }
    return out;
  }

  /**
   * Every first word's classes (beginningsOf), written at build time: per word on the graph root's edges, in their
   * order, the count and the class indexes (varints). Working them out at run time read most of the class graph.
   */
  beginningsCode(): string {
    const out: string[] = [];
    for (const word of this.trie.root.next?.keys() ?? []) {
      const classes = [...this.beginningsOf(word)].sort((a, b) => a - b);
      writeVarint(out, classes.length);
      for (const c of classes) writeVarint(out, c);
    }
    return out.join('');
  }

  /** The classes with an entry beginning with this word (index order not guaranteed); shared, not to be changed. */
  beginningsOf(norm: string): Uint16Array {
    let found = this.beginnings.get(norm);
    if (found) return found;
    if (this.prebuiltBeginnings !== undefined) {
      const root = this.trie.root.next;
      if (root instanceof WideEdges) {
        // the lists are in the root's word order: where each starts, by the word's place there, found in one loop
        if (!this.beginningOffsets) {
          const r = new VarintReader(this.prebuiltBeginnings);
          const offsets = (this.beginningOffsets = new Int32Array(root.size));
          for (let k = 0; k < offsets.length; k++) {
            offsets[k] = r.pos;
            r.skip(r.next());
          }
        }
        const run = root.runOf(norm);
        found = run < 0 ? NO_CLASSES : this.readBeginnings(this.beginningOffsets[run]);
        this.beginnings.set(norm, found);
        return found;
      }
      // where each word's list starts, found once; a list is read the first time a statement has its word
      if (!this.beginningAt) {
        const r = new VarintReader(this.prebuiltBeginnings);
        this.beginningAt = new Map();
        for (const word of this.trie.root.next?.keys() ?? []) {
          this.beginningAt.set(word, r.pos);
          r.skip(r.next());
        }
      }
      const at = this.beginningAt.get(norm);
      found = at === undefined ? NO_CLASSES : this.readBeginnings(at);
      this.beginnings.set(norm, found);
      return found;
    }
    const edges = this.trie.root.next?.get(norm);
    if (!edges) found = NO_CLASSES;
    else {
      // every node an entry starting with this word passes through (the graph is acyclic: phrases get fresh nodes)
      const classes = new Set<number>();
      const seen = new Set<TrieNode>();
      const stack = edges.map((e) => e.node);
      const facts = this.entryFacts();
      while (stack.length) {
        const node = stack.pop()!.ready();
        if (seen.has(node)) continue;
        seen.add(node);
        for (const owner of node.accepts ?? [])
          if (!(facts[owner] & EXCEPT_FACT)) classes.add(classOfFact(facts[owner]));
        for (const list of node.next?.values() ?? []) for (const e of list) stack.push(e.node);
        for (const g of node.gaps ?? []) stack.push(g.node);
      }
      found = Uint16Array.from(classes);
    }
    this.beginnings.set(norm, found);
    return found;
  }

  /** The class list of the prebuilt beginnings code that starts at `at`. */
  private readBeginnings(at: number): Uint16Array {
    const r = new VarintReader(this.prebuiltBeginnings!);
    r.pos = at;
    const count = r.next();
    const found = count ? new Uint16Array(count) : NO_CLASSES;
    for (let k = 0; k < count; k++) found[k] = r.next();
    return found;
  }

  /**
   * The token-class table of a clause: for each token, the class entries that start at it. One walk of the class
   * graph per token, bounded by the longest entry, so the table costs linear time in the clause. `walked` keeps the
   * walks of statements read before: a statement read again in part (a run-on text's windows, a line inside a
   * statement) takes a walk's matches from there instead of walking again.
   */
  spans(text: string, tokens: readonly Token[], walked?: WalkMemo): ClassSpan[][] {
    const trie = this.trie;
    const out: ClassSpan[][] = new Array(tokens.length).fill(NONE);
    // exceptions by last token: class and first token ("welfare rights officer" cancels the "officer" inside it)
    let cancelled: Array<Array<{ cls: number; first: number }> | undefined> | null = null;
    // a walk from before this token reads (with an @Name after its entry) only tokens before the last, which a cut
    // window may hold in part: its matches are the same in every statement that holds the same tokens
    const settled = tokens.length - 2 - trie.maxLength;
    if (walked && walked.size > MAX_WALKS_KEPT) walked.clear();
    const facts = this.entryFacts();
    const take = (k: number, owner: number, lastToken: number) => {
      const fact = facts[owner];
      const cls = classOfFact(fact);
      let last = lastToken;
      if (fact & EXCEPT_FACT) {
        ((cancelled ??= [])[last] ??= []).push({ cls, first: k });
        return;
      }
      const next = tokens[last + 1];
      const named = next !== undefined && isName(text, next);
      // "Sgt Pepper" in "the Sgt Pepper album" is a title, whether the entry asked for a name or is the bare rank
      if (named && isTitle(tokens, k, last + 1)) return;
      if (fact & NAME_FACT) {
        if (!named) return;
        last++;
      }
      if (out[k] === NONE) out[k] = [];
      if (!out[k].some((s) => s.cls === cls && s.last === last)) out[k].push({ cls, last });
    };
    for (let k = 0; k < tokens.length; k++) {
      if (!trie.mayMatchAt(tokens, k)) continue;
      const tok = tokens[k];
      const keep = walked !== undefined && k < settled;
      const known = keep ? walked.get(tok.start) : undefined;
      if (known && known.end === tok.end) {
        for (let i = 0; i < known.found.length; i += 2) take(k, known.found[i], k + known.found[i + 1]);
        continue;
      }
      const found: number[] | null = keep ? [] : null;
      trie.matchAt(tokens, k, (m) => {
        found?.push(m.owner, m.lastToken - k);
        take(k, m.owner, m.lastToken);
      });
      if (found) walked!.set(tok.start, { end: tok.end, found });
    }
    work.contextTokens += tokens.length;
    // an exception ending where an entry ends cancels it ("welfare rights officer")
    const cut = cancelled as Array<Array<{ cls: number; first: number }> | undefined> | null;
    if (cut)
      for (let k = 0; k < tokens.length; k++) {
        if (out[k].length) out[k] = out[k].filter((s) => !cut[s.last]?.some((c) => c.cls === s.cls && c.first <= k));
      }
    return out;
  }
}

const NONE: ClassSpan[] = [];

/**
 * Class-graph walks of one chunk's statements, by the offset of the token each began at: the end of that token (the
 * same token in another statement) and its matches as pairs of owner and tokens past the first.
 */
export type WalkMemo = Map<number, { end: number; found: number[] }>;
/** Walks kept at most: statements are read in text order, so only recent ones are read again. */
const MAX_WALKS_KEPT = 4096;
const NO_CLASSES = new Uint16Array(0);

// A rank and a capitalised word that go straight on to one of these nouns name a work, a character or a brand: a
// person's name does not modify a noun without "'s" ("Sgt Pepper music group", "Inspector Morse episode", "DC Comics").
const TITLE_NOUNS = new Set([
  'album',
  'albums',
  'lp',
  'record',
  'records',
  'song',
  'songs',
  'track',
  'tracks',
  'lyrics',
  'soundtrack',
  'tribute',
  'music',
  'musical',
  'karaoke',
  'singalong',
  'film',
  'films',
  'movie',
  'movies',
  'episode',
  'episodes',
  'boxset',
  'dvd',
  'comic',
  'comics',
  'cartoon',
  'cartoons',
  'quiz',
  'costume',
  'theme',
  'game',
  'games',
]);

// Verbs whose object is a work rather than a person: "listened to Sgt Pepper", "watched Inspector Morse".
const TITLE_VERBS = new Set([
  'listened',
  'listening',
  'listen',
  'listens',
  'watched',
  'watching',
  'watch',
  'watches',
  'sang',
  'singing',
  'hummed',
]);

/** A capitalised word that can be a surname or initial ("Morgan", "O'Neill", "J", "HARRIS"). */
function isName(text: string, tok: Token): boolean {
  const c = text.charCodeAt(tok.start);
  return c >= 65 && c <= 90 && !NOT_NAMES.has(tok.norm);
}

/** Whether the rank and name tokens[first..name] read as the title of a work (see TITLE_NOUNS and TITLE_VERBS). */
function isTitle(tokens: readonly Token[], first: number, name: number): boolean {
  const after = tokens[name + 1];
  if (after && !after.afterBreak && TITLE_NOUNS.has(after.norm)) return true;
  let before = first - 1;
  if (before >= 0 && !tokens[first].afterBreak && tokens[before].norm === 'to') before--;
  return before >= 0 && !tokens[before + 1].afterBreak && TITLE_VERBS.has(tokens[before].norm);
}
