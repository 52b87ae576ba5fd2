import { MAX_GAP, parsePhrase, PhraseError, type FormName, type Inflector, type PhraseNode } from './phrase';
import type { Token } from '../text/tokenize';
import { normalizeWord } from '../text/tokenize';
import { work } from '../work';

/**
 * An edge of a graph. An edge read from build-time data knows only its target's index until something follows it:
 * the roots of the built-in graphs have some 7,000 edges each, and making a node for every target was most of reading
 * them at start-up.
 */
export class Edge {
  private target: TrieNode | null;

  constructor(
    target: TrieNode | null,
    readonly form: FormName | null,
    private readonly nodes: SerializedNodes | null = null,
    private readonly index = -1,
  ) {
    this.target = target;
  }

  get node(): TrieNode {
    return (this.target ??= this.nodes!.node(this.index));
  }

  /** Whether the target node has been made (an edge of a prebuilt graph makes it when first followed). */
  get followed(): boolean {
    return this.target !== null;
  }
}
interface GapEdge {
  max: number;
  node: TrieNode;
}

/**
 * A word graph: each phrase is added as its own path of fresh nodes, so alternatives cost the sum of
 * their sizes rather than their product. Several edges may leave a node on the same word; the walker
 * follows them all.
 */
export class TrieNode {
  /** The edges by word: a Map for a graph built here, PackedEdges for most nodes of a prebuilt one. */
  next: ReadonlyMap<string, Edge[]> | null = null;
  gaps: GapEdge[] | null = null;
  accepts: number[] | null = null;
  /**
   * A node of a graph read from build-time data whose edges are not read yet, and its index there; null once read.
   * Code outside this file reads a node's fields after `ready()`.
   */
  pending: SerializedNodes | null = null;
  index = -1;

  /** The node with its edges, gaps and accepts read (a prebuilt graph reads each node the first time it is used). */
  ready(): this {
    if (this.pending !== null) this.pending.read(this);
    return this;
  }

  edge(word: string, node: TrieNode, form: FormName | null): void {
    this.ready();
    const next: Map<string, Edge[]> = this.next instanceof Map ? this.next : (this.next = new Map(this.next ?? []));
    const list = next.get(word);
    if (!list) next.set(word, [new Edge(node, form)]);
    else if (!list.some((e) => e.node === node)) list.push(new Edge(node, form));
  }

  gapTo(max: number): TrieNode {
    this.ready();
    this.gaps ??= [];
    let g = this.gaps.find((x) => x.max === max);
    if (!g) {
      g = { max, node: new TrieNode() };
      this.gaps.push(g);
    }
    return g.node;
  }
}

/**
 * The nodes of a serialized graph, each made and read on first use: a phrase walk visits a few nodes of the thousands
 * in the built-in graphs, and reading all of them was most of building the rule set at start-up.
 */
class SerializedNodes {
  private readonly nodes: Array<TrieNode | undefined>;
  /** For an encoded graph: where every CHECKPOINT-th node's numbers start in its code. */
  private readonly offsets: Int32Array | null = null;
  private readonly reader: VarintReader | null = null;
  private wordIndexes: Map<string, number> | undefined;

  constructor(private readonly data: SerializedTrie | EncodedTrie) {
    if ('code' in data) {
      const r = (this.reader = new VarintReader(data.code));
      const offsets = (this.offsets = new Int32Array(Math.ceil(data.nodeCount / CHECKPOINT)));
      if (data.checkpoints !== undefined) {
        // written at build time: no pass over the whole code at start-up
        const c = new VarintReader(data.checkpoints);
        for (let k = 0, at = 0; k < offsets.length; k++) offsets[k] = at += c.next();
      } else
        for (let i = 0; i < data.nodeCount; i++) {
          if (i % CHECKPOINT === 0) offsets[i / CHECKPOINT] = r.pos;
          skipNode(r);
        }
      this.nodes = new Array(data.nodeCount);
    } else this.nodes = new Array(data.nodes.length);
  }

  /** Node i, made (its edges not yet read) the first time it is asked for. */
  node(i: number): TrieNode {
    let n = this.nodes[i];
    if (!n) {
      if (!(i >= 0 && i < this.nodes.length)) throw new Error('corrupt prebuilt graph: rebuild with npm run build');
      n = this.nodes[i] = new TrieNode();
      n.pending = this;
      n.index = i;
    }
    return n;
  }

  /** Where node i's numbers start: from the checkpoint before it, past the nodes in between. */
  private offsetOf(i: number): number {
    const r = this.reader!;
    r.pos = this.offsets![Math.floor(i / CHECKPOINT)];
    for (let k = i % CHECKPOINT; k > 0; k--) skipNode(r);
    return r.pos;
  }

  /** An edge to node `target` (made when first followed); `form` is the form's index + 1, or 0 for none. */
  edgeTo(target: number, form: number): Edge {
    if (!(target >= 0 && target < this.nodes.length))
      throw new Error('corrupt prebuilt graph: rebuild with npm run build');
    return new Edge(this.nodes[target] ?? null, form ? this.data.forms[form - 1] : null, this, target);
  }

  private addEdge(next: Map<string, Edge[]>, word: string, target: number, form: number): void {
    const edge = this.edgeTo(target, form);
    const list = next.get(word);
    if (list) list.push(edge);
    else next.set(word, [edge]);
  }

  get words(): readonly string[] {
    return this.data.words;
  }

  /** The index of each word of an encoded graph's table, made when a packed node is first looked up. */
  wordIndex(): Map<string, number> {
    if (this.wordIndexes === undefined) {
      const words = this.data.words;
      this.wordIndexes = new Map();
      for (let k = 0; k < words.length; k++) this.wordIndexes.set(words[k], k);
    }
    return this.wordIndexes;
  }

  /** Node i's edges as a Map, words in the order the graph was built (what serialize() and key walks read). */
  edgeMap(i: number): Map<string, Edge[]> {
    const r = this.reader!;
    r.pos = this.offsetOf(i);
    const words = this.data.words;
    const next = new Map<string, Edge[]>();
    let target = -1;
    for (let k = r.next(); k > 0; k--) {
      const label = r.next();
      const delta = r.next();
      if (delta !== 0) target = i + unzigzag(delta);
      this.addEdge(next, words[Math.floor(label / FORM_CODES)], target, label % FORM_CODES);
    }
    return next;
  }

  /** Node i's edges as (word, target, form) numbers sorted by word, edges of one word in the order they were built. */
  private packEdges(i: number, count: number): number[] {
    const r = this.reader!;
    const triples = new Array<number>(3 * count);
    let target = -1;
    for (let k = 0; k < count; k++) {
      const label = r.next();
      const delta = r.next();
      if (delta !== 0) target = i + unzigzag(delta);
      const word = Math.floor(label / FORM_CODES);
      // insertion sort, stable (edges of one word keep their order): a node's edges are mostly in word order already
      let at = 3 * k;
      for (; at > 0 && triples[at - 3] > word; at -= 3) {
        triples[at] = triples[at - 3];
        triples[at + 1] = triples[at - 2];
        triples[at + 2] = triples[at - 1];
      }
      triples[at] = word;
      triples[at + 1] = target;
      triples[at + 2] = label % FORM_CODES;
    }
    return triples;
  }

  /**
   * A wide node's edges as numbers in the order they were built, and where each word's run of edges starts: one pass
   * over the node's code, no Edge made (see WideEdges). The reader ends past the edges.
   */
  private wideEdges(i: number, count: number): WideEdgeData {
    const r = this.reader!;
    const targets = new Int32Array(count);
    const forms = new Uint8Array(count);
    const wordAt = new Int32Array(this.data.words.length).fill(-1);
    const runWords: number[] = [];
    const runStarts: number[] = [];
    let target = -1;
    for (let k = 0; k < count; k++) {
      const label = r.next();
      const delta = r.next();
      if (delta !== 0) target = i + unzigzag(delta);
      const word = Math.floor(label / FORM_CODES);
      // a node's edges on one word were written together (one Map entry when built)
      if (k === 0 || runWords[runWords.length - 1] !== word) {
        if (!(word < wordAt.length) || wordAt[word] >= 0)
          throw new Error('corrupt prebuilt graph: rebuild with npm run build');
        wordAt[word] = runWords.length;
        runWords.push(word);
        runStarts.push(k);
      }
      targets[k] = target;
      forms[k] = label % FORM_CODES;
    }
    runStarts.push(count);
    return { targets, forms, wordAt, runWords, runStarts };
  }

  read(n: TrieNode): void {
    n.pending = null;
    const i = n.index;
    if (this.reader) {
      const r = this.reader;
      r.pos = this.offsetOf(i);
      const edgeCount = r.next();
      if (edgeCount >= PACK_BELOW) n.next = new WideEdges(this, this.wideEdges(i, edgeCount));
      else if (edgeCount) n.next = new PackedEdges(this, i, this.packEdges(i, edgeCount));
      const gapCount = r.next();
      if (gapCount) {
        n.gaps = [];
        for (let k = 0; k < gapCount; k++) {
          const max = r.next();
          n.gaps.push({ max, node: this.node(i + unzigzag(r.next())) });
        }
      }
      const acceptCount = r.next();
      if (acceptCount) {
        n.accepts = [];
        for (let k = 0; k < acceptCount; k++) n.accepts.push(r.next());
      }
      return;
    }
    const { words } = this.data;
    const [edges, gaps, accepts] = (this.data as SerializedTrie).nodes[i];
    if (edges.length) {
      const next = (n.next = new Map<string, Edge[]>());
      for (let k = 0; k < edges.length; k += 3) this.addEdge(next, words[edges[k]], edges[k + 1], edges[k + 2]);
    }
    if (gaps.length) {
      n.gaps = [];
      for (let k = 0; k < gaps.length; k += 2) n.gaps.push({ max: gaps[k], node: this.node(gaps[k + 1]) });
    }
    if (accepts.length) n.accepts = accepts.slice();
  }
}

/**
 * Nodes of a prebuilt graph with fewer edges than this keep them packed (PackedEdges); the roots, looked up at every
 * candidate, keep a direct index from word to edges (WideEdges).
 */
const PACK_BELOW = 256;

/**
 * A prebuilt node's edges as numbers, three an edge, instead of a Map of Edge arrays: a lint reads every node its
 * walks reach (some 7,000 with 50,000 edges in 10 MB of notes), and as Maps they were most of what lint() kept in
 * memory, and, surviving young-generation collections, what made V8 grow its young generation to the largest size.
 * `get` makes the few edges a walk follows and `keys` none; anything else that lists the edges reads them as a Map.
 */
class PackedEdges implements ReadonlyMap<string, Edge[]> {
  private full: Map<string, Edge[]> | null = null;

  constructor(
    private readonly graph: SerializedNodes,
    private readonly index: number,
    /** (word index, target node, form index + 1 or 0) per edge, sorted by word. */
    private readonly triples: number[],
  ) {}

  get(word: string): Edge[] | undefined {
    // once listed, the Map's edges are the node's edges (an edge remembers the node it was followed to)
    if (this.full) return this.full.get(word);
    const w = this.graph.wordIndex().get(word);
    if (w === undefined) return undefined;
    const t = this.triples;
    let lo = 0;
    let hi = t.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[3 * mid] < w) lo = mid + 1;
      else hi = mid;
    }
    if (3 * lo >= t.length || t[3 * lo] !== w) return undefined;
    const edges: Edge[] = [];
    for (let k = 3 * lo; k < t.length && t[k] === w; k += 3) edges.push(this.graph.edgeTo(t[k + 1], t[k + 2]));
    return edges;
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  get size(): number {
    return this.map().size;
  }

  forEach(fn: (edges: Edge[], word: string, map: ReadonlyMap<string, Edge[]>) => void, self?: unknown): void {
    for (const [word, edges] of this.map()) fn.call(self, edges, word, this);
  }

  entries(): MapIterator<[string, Edge[]]> {
    return this.map().entries();
  }

  /**
   * The words, once each, in the order of the graph's word table rather than the built order (callers gather them
   * into sets): listing them makes no edges, and the start index lists the words after every first word it meets.
   * An array's iterator, which runs natively, where a generator cost a call per word.
   */
  keys(): MapIterator<string> {
    const t = this.triples;
    const words = this.graph.words;
    const out: string[] = [];
    for (let k = 0; k < t.length; k += 3) if (k === 0 || t[k] !== t[k - 3]) out.push(words[t[k]]);
    return out.values() as unknown as MapIterator<string>;
  }

  values(): MapIterator<Edge[]> {
    return this.map().values();
  }

  [Symbol.iterator](): MapIterator<[string, Edge[]]> {
    return this.map().entries();
  }

  private map(): Map<string, Edge[]> {
    return (this.full ??= this.graph.edgeMap(this.index));
  }
}

interface WideEdgeData {
  /** Per edge, in the order built: its target node and its form index + 1 (0 for none). */
  targets: Int32Array;
  forms: Uint8Array;
  /** Per word of the graph's table, its run's index among the node's words, or -1. */
  wordAt: Int32Array;
  /** Per run (a word's edges), the word's index in the table, in the order built. */
  runWords: number[];
  /** Where each run's edges start, and the edge count last. */
  runStarts: number[];
}

/**
 * The edges of a prebuilt node with many (the roots of the built-in graphs, some 7,000 edges each) as numbers, with
 * each word's Edge list made the first time a walk asks for that word and kept: reading such a root into a Map of
 * Edge lists was a tenth of building the rule set at start-up, and the start scan only ever asks for the first words
 * a text has. A lookup is the graph's word index and two array reads, as cheap as the Map it replaces.
 */
export class WideEdges implements ReadonlyMap<string, Edge[]> {
  private readonly lists: Array<Edge[] | undefined>;
  private full: Map<string, Edge[]> | null = null;

  constructor(
    private readonly graph: SerializedNodes,
    private readonly edges: WideEdgeData,
  ) {
    this.lists = new Array(edges.runWords.length);
  }

  get(word: string): Edge[] | undefined {
    const w = this.graph.wordIndex().get(word);
    if (w === undefined) return undefined;
    const run = this.edges.wordAt[w];
    return run < 0 ? undefined : this.list(run);
  }

  has(word: string): boolean {
    return this.runOf(word) >= 0;
  }

  /** The word's place among the node's words in the order built (keys()), or -1 when no edge has it. */
  runOf(word: string): number {
    const w = this.graph.wordIndex().get(word);
    return w === undefined ? -1 : this.edges.wordAt[w];
  }

  get size(): number {
    return this.edges.runWords.length;
  }

  forEach(fn: (edges: Edge[], word: string, map: ReadonlyMap<string, Edge[]>) => void, self?: unknown): void {
    for (const [word, edges] of this.map()) fn.call(self, edges, word, this);
  }

  entries(): MapIterator<[string, Edge[]]> {
    return this.map().entries();
  }

  /**
   * The words in the order built, as the Map had them (the class graph's prebuilt beginnings are in that order); an
   * array's iterator, which runs natively, where a generator cost a call per word.
   */
  keys(): MapIterator<string> {
    const words = this.graph.words;
    return this.edges.runWords.map((w) => words[w]).values() as unknown as MapIterator<string>;
  }

  values(): MapIterator<Edge[]> {
    return this.map().values();
  }

  [Symbol.iterator](): MapIterator<[string, Edge[]]> {
    return this.map().entries();
  }

  /** Run `run`'s Edge list, made once: an edge remembers the node it was followed to. */
  private list(run: number): Edge[] {
    let list = this.lists[run];
    if (list === undefined) {
      const { targets, forms, runStarts } = this.edges;
      list = [];
      for (let k = runStarts[run]; k < runStarts[run + 1]; k++) list.push(this.graph.edgeTo(targets[k], forms[k]));
      this.lists[run] = list;
    }
    return list;
  }

  /** Every word's list, in the order built (for serialize() and edits). */
  private map(): Map<string, Edge[]> {
    if (!this.full) {
      const words = this.graph.words;
      this.full = new Map(this.edges.runWords.map((w, run) => [words[w], this.list(run)]));
    }
    return this.full;
  }
}

export interface TrieMatch {
  owner: number;
  form: FormName | null;
  /** Index of the last token of the match in the token array handed to the walker. */
  lastToken: number;
}

/**
 * A phrase graph as plain data, written at build time so the built-in rules load without re-parsing and
 * re-inflecting every phrase (cold start). Node 0 is the root. Each node is
 * [edges, gaps, accepts]: edges as flat (word index, target node, form index + 1 or 0) triples in the order the
 * graph was built (the walker's results depend on it), gaps as flat (max, target) pairs.
 */
export interface SerializedTrie {
  maxLength: number;
  words: string[];
  forms: FormName[];
  nodes: Array<[number[], number[], number[]]>;
  /** A forest (serializeForest): each graph's root node and longest phrase. */
  roots?: number[];
  maxLengths?: number[];
}

/**
 * A serialized graph as it ships in the bundle: the nodes' numbers written as one string, each number a varint of
 * base-32 digits (a digit from the second half of VARINT_DIGITS means more follow), edge and gap targets relative to
 * their node. About a third of the JSON arrays' size, and JSON.parse copies one string instead of making 30,000 arrays.
 * Per node: edge count, (word × 8 + form, target) per edge (target 0: the previous edge's), gap count, (max, target)
 * per gap, accept count, accepts.
 */
export interface EncodedTrie {
  maxLength: number;
  words: string[];
  forms: FormName[];
  nodeCount: number;
  code: string;
  /** Where every CHECKPOINT-th node starts in `code`, as varints of the differences (absent: found at load). */
  checkpoints?: string;
  /** A forest (several graphs sharing one word table): each graph's root node and longest phrase. */
  roots?: number[];
  maxLengths?: number[];
}

/** One node in this many has its place in the code written down; reading another skips at most this many less one. */
const CHECKPOINT = 16;

/** An edge's word and form are one number: word index × FORM_CODES + (form index + 1, or 0 for none). */
const FORM_CODES = 8;

function skipNode(r: VarintReader): void {
  r.skip(r.next() * 2);
  r.skip(r.next() * 2);
  r.skip(r.next());
}

const VARINT_DIGITS = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_';
const VARINT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < VARINT_DIGITS.length; i++) VARINT_VALUE[VARINT_DIGITS.charCodeAt(i)] = i;

export function writeVarint(out: string[], n: number): void {
  let v = n;
  while (v >= 32) {
    out.push(VARINT_DIGITS[32 + (v & 31)]);
    v = Math.floor(v / 32);
  }
  out.push(VARINT_DIGITS[v]);
}

/** Signed to unsigned: 0, -1, 1, -2 … → 0, 1, 2, 3 … */
const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const unzigzag = (n: number) => (n & 1 ? -(n + 1) / 2 : n / 2);

/** The build-time form of `serialize()`'s graph (PhraseTrie.deserialize reads either). */
export function encodeTrie(data: SerializedTrie): EncodedTrie {
  const out: string[] = [];
  const checkpoints: string[] = [];
  let last = 0;
  data.nodes.forEach(([edges, gaps, accepts], i) => {
    // out holds one digit per entry, so its length is the place in the code
    if (i % CHECKPOINT === 0) {
      writeVarint(checkpoints, out.length - last);
      last = out.length;
    }
    writeVarint(out, edges.length / 3);
    for (let k = 0; k < edges.length; k += 3) {
      if (edges[k + 2] >= FORM_CODES) throw new Error('too many word forms to encode');
      writeVarint(out, edges[k] * FORM_CODES + edges[k + 2]);
      // a graph has no edge from a node to itself, so 0 is free to mean "the previous edge's target"
      writeVarint(out, k > 0 && edges[k + 1] === edges[k - 2] ? 0 : zigzag(edges[k + 1] - i));
    }
    writeVarint(out, gaps.length / 2);
    for (let k = 0; k < gaps.length; k += 2) {
      writeVarint(out, gaps[k]);
      writeVarint(out, zigzag(gaps[k + 1] - i));
    }
    writeVarint(out, accepts.length);
    for (const a of accepts) writeVarint(out, a);
  });
  return {
    maxLength: data.maxLength,
    words: data.words,
    forms: data.forms,
    nodeCount: data.nodes.length,
    code: out.join(''),
    checkpoints: checkpoints.join(''),
    ...(data.roots ? { roots: data.roots, maxLengths: data.maxLengths } : {}),
  };
}

/** Reads the varints of an EncodedTrie's code in order. */
export class VarintReader {
  pos = 0;
  constructor(private readonly code: string) {}

  next(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const d = VARINT_VALUE[this.code.charCodeAt(this.pos++)];
      if (d < 0) throw new Error('corrupt prebuilt graph: rebuild with npm run build');
      if (d < 32) return v + d * scale;
      v += (d - 32) * scale;
      scale *= 32;
    }
  }

  skip(count: number): void {
    for (let i = 0; i < count; i++) this.next();
  }
}

const NO_JOIN = new Set([
  'the',
  'and',
  'for',
  'her',
  'his',
  'she',
  'they',
  'was',
  'are',
  'has',
  'had',
  'not',
  'with',
  'from',
  'will',
  'who',
  'him',
  'them',
  'their',
  'our',
  'any',
  'can',
  'may',
  'been',
  'being',
  'this',
  'that',
  'you',
  'your',
  'its',
  'into',
  'onto',
  'does',
  'did',
  "don't",
  "doesn't",
]);
const MAX_EDGES_PER_PHRASE = 20000;

interface WordChoice {
  words: Array<{ word: string; form: FormName | null }>;
}

export class PhraseTrie {
  /** Longest phrase, in tokens, with gaps at their maximum. */
  maxLength = 0;
  private wordList: string[] | undefined;
  /** Where each phrase added so far ends, by its source. */
  private readonly ends = new Map<string, TrieNode[]>();
  /** The shared node after each first word (firstNode), by its spellings and forms. */
  private readonly firstNodes = new Map<string, TrieNode>();

  constructor(readonly root = new TrieNode()) {}

  /** Add a phrase in CareLint syntax. Throws PhraseError with a readable reason. */
  addPhrase(source: string, owner: number, inflect: Inflector): void {
    // a phrase added again (an anchor class shared by two frames, an entry in two classes) accepts at the same ends:
    // a walk keeps one state per node, so a second copy of the graph would double the states, gaps included
    const twin = this.ends.get(source);
    if (twin) {
      for (const n of twin) (n.accepts ??= []).includes(owner) || n.accepts!.push(owner);
      return;
    }
    const budget = { edges: 0 };
    this.wordList = undefined;
    this.followers.clear();
    const nodes = parsePhrase(source);
    const gapWords = longestGapWords(nodes);
    if (gapWords > MAX_GAP)
      throw new PhraseError(
        `gaps allow ${gapWords} words in all; at most ${MAX_GAP} per phrase keeps matching fast, so split it into several phrases`,
      );
    const { ends, length } = this.attachSeq(nodes, [this.root], inflect, budget, true);
    if (length > MAX_PHRASE_TOKENS)
      throw new PhraseError(
        `phrase can span ${length} words; at most ${MAX_PHRASE_TOKENS} keeps matching fast, so shorten it or use a 'near' context`,
      );
    if (ends.includes(this.root))
      throw new PhraseError('phrase can match nothing at all; make at least one word required');
    for (const n of ends) (n.accepts ??= []).includes(owner) || n.accepts!.push(owner);
    this.ends.set(source, ends);
    this.maxLength = Math.max(this.maxLength, length);
  }

  /** Every word on an edge, once each: the prebuilt graph's word table, or gathered on first use. */
  words(): string[] {
    return (this.wordList ??= this.serialize().words);
  }

  serialize(): SerializedTrie {
    const { words, forms, nodes } = serializeGraphs([this.root]);
    return { maxLength: this.maxLength, words, forms, nodes };
  }

  /** The graph of `serialize()` or `encodeTrie()`; its nodes are read as walks first reach them. */
  static deserialize(data: SerializedTrie | EncodedTrie): PhraseTrie {
    const trie = new PhraseTrie(new SerializedNodes(data).node(0).ready());
    trie.maxLength = data.maxLength;
    trie.wordList = data.words;
    return trie;
  }

  /**
   * The graphs of a forest (serializeForest, maybe encoded), each made when first asked for; graph i of the
   * forest is the same PhraseTrie every time.
   */
  static forest(data: SerializedTrie | EncodedTrie): (i: number) => PhraseTrie {
    const nodes = new SerializedNodes(data);
    const tries: PhraseTrie[] = [];
    return (i) => {
      let trie = tries[i];
      if (!trie) {
        if (!data.roots || !(i >= 0 && i < data.roots.length))
          throw new Error('corrupt prebuilt graph: rebuild with npm run build');
        trie = tries[i] = new PhraseTrie(nodes.node(data.roots[i]).ready());
        trie.maxLength = data.maxLengths![i];
      }
      return trie;
    };
  }

  firstWords(): string[] {
    return this.root.next ? [...this.root.next.keys()] : [];
  }

  private readonly followers = new Map<string, ReadonlySet<string> | null>();

  /**
   * The words that can come second in a phrase beginning with `first`, or null when a phrase can end at `first` or
   * skip words after it (a gap). A walk from `first` whose next token is not among them finds nothing: common first
   * words ("the", "to", "was" in the class graph) can skip the walk, which would enter one state per phrase.
   */
  followersOf(first: string): ReadonlySet<string> | null {
    let found = this.followers.get(first);
    if (found === undefined) {
      const targets = (this.root.next?.get(first) ?? []).map((e) => e.node.ready());
      found = targets.some((n) => n.accepts || n.gaps || !n.next)
        ? null
        : new Set(targets.flatMap((n) => [...n.next!.keys()]));
      this.followers.set(first, found);
    }
    return found;
  }

  /** Whether a walk from tokens[k] can find anything: its word begins a phrase and the next token can follow it. */
  mayMatchAt(tokens: readonly Token[], k: number): boolean {
    const norm = tokens[k].norm;
    if (!this.root.next?.has(norm)) return false;
    const following = this.followersOf(norm);
    if (!following) return true;
    const t = tokens[k + 1];
    return t !== undefined && !t.afterBreak && following.has(t.norm);
  }

  private attachSeq(
    nodes: PhraseNode[],
    from: TrieNode[],
    inflect: Inflector,
    budget: { edges: number },
    top: boolean,
  ): { ends: TrieNode[]; length: number } {
    let frontier = from;
    let length = 0;
    // the previous plain word and where it started, for joined spellings ("frequent flyer" → "frequentflyer")
    let prev: { choice: WordChoice; from: TrieNode[] } | null = null;
    nodes.forEach((node, i) => {
      if (node.kind === 'gap') {
        if (top && (i === 0 || i === nodes.length - 1))
          throw new PhraseError('a phrase cannot start or end with a gap');
        frontier = frontier.map((n) => {
          if (n === this.root) throw new PhraseError('a phrase cannot start with a gap');
          return n.gapTo(node.max);
        });
        length += node.max;
        prev = null;
      } else if (node.kind === 'alts') {
        const ends = new Set<TrieNode>(node.optional ? frontier : []);
        let longest = 0;
        for (const alt of node.alts) {
          const r = this.attachSeq(alt, frontier, inflect, budget, false);
          r.ends.forEach((n) => ends.add(n));
          longest = Math.max(longest, r.length);
        }
        frontier = [...ends];
        length += longest;
        prev = null;
      } else {
        const start = frontier;
        // hyphenated words are consecutive tokens, also written joined ("self-harm", "selfharm")
        const parts = node.parts.map((p, k) =>
          k === node.parts.length - 1 && node.inflect
            ? inflectChoices(p, inflect)
            : { words: [{ word: p, form: null }] },
        );
        for (const choice of parts)
          frontier = this.attachWord(choice, frontier, budget, this.firstNode(choice, frontier));
        if (parts.length > 1) this.attachWord(joinChoices(parts), start, budget, frontier[0]);
        const single = parts.length === 1 ? parts[0] : null;
        if (prev && single) {
          const joinable = { words: [] as WordChoice['words'] };
          for (const a of prev.choice.words)
            for (const b of single.words) {
              if (a.word.length >= 3 && b.word.length >= 3 && !NO_JOIN.has(a.word) && !NO_JOIN.has(b.word))
                joinable.words.push({ word: a.word + b.word, form: a.form ?? b.form });
            }
          if (joinable.words.length) this.attachWord(joinable, prev.from, budget, frontier[0]);
        }
        prev = single ? { choice: single, from: start } : null;
        length += node.parts.length;
      }
    });
    return { ends: frontier, length };
  }

  /**
   * The node after a phrase's first word, shared by every phrase whose first word is the same (one word of an
   * alternation each): a walk keeps one state per node, so "will", which begins dozens of class entries, then costs
   * one state instead of one per entry, and so does a gap after it. Only the first word from the root is shared:
   * nothing else leads into that node, so sharing it adds no path. Undefined elsewhere (a fresh node).
   */
  private firstNode(choice: WordChoice, from: TrieNode[]): TrieNode | undefined {
    if (from.length !== 1 || from[0] !== this.root) return undefined;
    const key = choice.words.map((w) => `${w.word}/${w.form ?? ''}`).join(' ');
    let node = this.firstNodes.get(key);
    if (!node) this.firstNodes.set(key, (node = new TrieNode()));
    return node;
  }

  private attachWord(
    choice: WordChoice,
    from: TrieNode[],
    budget: { edges: number },
    target = new TrieNode(),
  ): TrieNode[] {
    for (const n of from)
      for (const w of choice.words) {
        n.edge(w.word, target, w.form);
        if (++budget.edges > MAX_EDGES_PER_PHRASE)
          throw new PhraseError('phrase is too large; split it into several phrases');
      }
    return [target];
  }

  /**
   * All matches starting at tokens[from]. Phrases never cross punctuation (Token.afterBreak).
   * Work is bounded by the phrase graph, never by the text, so matching stays linear.
   */
  matchAt(tokens: ArrayLike<Token> | TokenSource, from: number, onMatch: (m: TrieMatch) => void): void {
    // state lists are reused across walks (one pair per nesting level), so a walk allocates nothing per step
    const level = walkDepth++;
    const pair = (walkBuffers[level] ??= [new WalkStates(), new WalkStates()]);
    let states = pair[0];
    let next = pair[1];
    try {
      states.n = 0;
      addState(states, this.root, -1, null);
      for (let k = from; states.n > 0; k++) {
        const tok = typeof tokens === 'function' ? tokens(k) : tokens[k];
        if (!tok || (k > from && tok.afterBreak)) break;
        work.walkSteps += states.n;
        next.n = 0;
        for (let i = 0; i < states.n; i++) {
          const node = states.nodes[i];
          const gapLeft = states.gaps[i];
          const form = states.forms[i];
          const edges = node.next?.get(tok.norm);
          if (edges) for (const e of edges) enterNode(next, e.node, form ?? e.form);
          if (gapLeft > 0) addState(next, node, gapLeft - 1, form);
        }
        for (let i = 0; i < next.n; i++) {
          const accepts = next.gaps[i] < 0 ? next.nodes[i].accepts : null;
          if (accepts) for (const owner of accepts) onMatch({ owner, form: next.forms[i], lastToken: k });
        }
        const done = states;
        states = next;
        next = done;
      }
    } finally {
      walkDepth--;
    }
  }
}

/** The states of one step of a walk, as parallel lists; `n` of them are in use. */
class WalkStates {
  nodes: TrieNode[] = [];
  /** Words still allowed in the gap the state waits in; -1 when it is not in a gap. */
  gaps: number[] = [];
  forms: Array<FormName | null> = [];
  n = 0;
}

const walkBuffers: Array<[WalkStates, WalkStates]> = [];
let walkDepth = 0;

/**
 * Every walk is bounded by the phrase, never by the text: a phrase spans at most this many words, so the
 * work per text position has a fixed ceiling whatever a custom rule says.
 */
const MAX_PHRASE_TOKENS = 24;

/** The most gap words any one path through the phrase can skip. */
function longestGapWords(nodes: PhraseNode[]): number {
  let total = 0;
  for (const n of nodes) {
    if (n.kind === 'gap') total += n.max;
    else if (n.kind === 'alts') total += Math.max(...n.alts.map(longestGapWords));
  }
  return total;
}

/**
 * One state per node: without this, phrases with several gaps ("a ..8 b ..8 c") multiply their states at
 * every gap and a walk costs 9^gaps. Inside a gap, the state with more words left can do everything the
 * others can, so it is the one kept.
 */
function enterNode(into: WalkStates, node: TrieNode, form: FormName | null): void {
  // addState reads a prebuilt node's edges, gaps included
  addState(into, node, -1, form);
  // entering a gap consumes no token: the gap node then waits for up to `max` words
  if (node.gaps) for (const g of node.gaps) addState(into, g.node, g.max, form);
}

function addState(into: WalkStates, node: TrieNode, gapLeft: number, form: FormName | null): void {
  if (node.pending !== null) node.pending.read(node);
  for (let i = 0; i < into.n; i++) {
    if (into.nodes[i] === node && into.gaps[i] < 0 === gapLeft < 0) {
      if (gapLeft > into.gaps[i]) into.gaps[i] = gapLeft;
      return;
    }
  }
  into.nodes[into.n] = node;
  into.gaps[into.n] = gapLeft;
  into.forms[into.n] = form;
  into.n++;
}

function inflectChoices(word: string, inflect: Inflector): WordChoice {
  const forms = inflect(word) ?? { base: word };
  const words: WordChoice['words'] = [];
  const seen = new Set<string>();
  for (const name of ['base', 'past', 'present', 'gerund', 'participle', 'plural'] as FormName[]) {
    const f = forms[name];
    if (!f) continue;
    const w = normalizeWord(f);
    if (!seen.has(w)) {
      seen.add(w);
      words.push({ word: w, form: name });
    }
  }
  if (!seen.has(word)) words.unshift({ word, form: 'base' });
  return { words };
}

function joinChoices(parts: WordChoice[]): WordChoice {
  let acc: WordChoice['words'] = [{ word: '', form: null }];
  for (const p of parts)
    acc = acc.flatMap((a) => p.words.map((b) => ({ word: a.word + b.word, form: a.form ?? b.form })));
  return { words: acc };
}

/**
 * The same graph with its word table reordered, the most used words first, so the encoded indices are shorter. Only
 * for a graph whose word table nothing else reads (the rules' trie keeps its table: the walk vocabulary is built
 * from it in order).
 */
export function wordsByUse(data: SerializedTrie): SerializedTrie {
  const uses = data.words.map(() => 0);
  for (const [edges] of data.nodes) for (let k = 0; k < edges.length; k += 3) uses[edges[k]]++;
  const order = data.words.map((_, i) => i).sort((a, b) => uses[b] - uses[a] || a - b);
  const rank: number[] = [];
  order.forEach((w, r) => {
    rank[w] = r;
  });
  return {
    ...data,
    words: order.map((w) => data.words[w]),
    nodes: data.nodes.map(([edges, gaps, accepts]) => [
      edges.map((x, k) => (k % 3 === 0 ? rank[x] : x)),
      gaps,
      accepts,
    ]),
  };
}

/** Several graphs as one (one word table, one node numbering), for PhraseTrie.forest; graph i starts at roots[i]. */
export function serializeForest(tries: PhraseTrie[]): SerializedTrie {
  const { words, forms, nodes, roots } = serializeGraphs(tries.map((t) => t.root));
  return {
    maxLength: Math.max(0, ...tries.map((t) => t.maxLength)),
    words,
    forms,
    nodes,
    roots,
    maxLengths: tries.map((t) => t.maxLength),
  };
}

/** The nodes reachable from `roots`, numbered depth first from each root in turn, edges in the order they were made. */
function serializeGraphs(rootNodes: TrieNode[]): {
  words: string[];
  forms: FormName[];
  nodes: SerializedTrie['nodes'];
  roots: number[];
} {
  const index = new Map<TrieNode, number>();
  const order: TrieNode[] = [];
  const visit = (n: TrieNode) => {
    if (index.has(n)) return;
    n.ready();
    index.set(n, order.length);
    order.push(n);
    for (const edges of n.next?.values() ?? []) for (const e of edges) visit(e.node);
    for (const g of n.gaps ?? []) visit(g.node);
  };
  for (const r of rootNodes) visit(r);
  const words = new Map<string, number>();
  const forms: FormName[] = [];
  const nodes = order.map((n): [number[], number[], number[]] => {
    const edges: number[] = [];
    for (const [word, list] of n.next ?? []) {
      if (!words.has(word)) words.set(word, words.size);
      for (const e of list) {
        let f = e.form === null ? -1 : forms.indexOf(e.form);
        if (e.form !== null && f < 0) f = forms.push(e.form) - 1;
        edges.push(words.get(word)!, index.get(e.node)!, f + 1);
      }
    }
    return [edges, (n.gaps ?? []).flatMap((g) => [g.max, index.get(g.node)!]), n.accepts ?? []];
  });
  return { words: [...words.keys()], forms, nodes, roots: rootNodes.map((r) => index.get(r)!) };
}

/** Token k of a phrase walk, or undefined past its end. */
export type TokenSource = (k: number) => Token | undefined;
