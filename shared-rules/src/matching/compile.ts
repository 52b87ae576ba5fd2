import {
  CATEGORIES,
  PRACTICE_CATEGORIES,
  SEVERITIES,
  type Category,
  type RuleData,
  type SectionEffect,
  type SectionKind,
  type SourceRef,
  type SuggestionKind,
} from '../types';
import { suggestionKind } from '../text/prompts';
import { namesOne, namesPerson, namesThing, VERB_PHRASE, verbTakesToInfinitive } from '../text/rewrite-shape';
import { INFLECTED_WORD, PhraseError, type FormName, type Inflector, type WordForms } from './phrase';
import { encodeTrie, PhraseTrie, serializeForest, wordsByUse, type EncodedTrie, type SerializedTrie } from './trie';
import { StartIndex } from './starts';
import { WalkVocabulary } from './walk-tokens';
import { ClassIssue, ClassMatcher, type WordClasses } from '../frames/classes';
import { compileFrame, literalClasses, parseFrame, type CompiledFrame } from '../frames/frame';
import { literalClass, type ParsedPattern } from '../frames/pattern';

export interface CompiledNear {
  trie: PhraseTrie;
  within: number;
  side: 'before' | 'after' | 'both';
  orSection: ReadonlySet<SectionKind>;
  /** Look along the hit's whole line (notNear): "In an emergency call 999; police may attend" is one line. */
  line: boolean;
}

/** Phrases that must sit right next to a hit; `^`/`$` stand for the start/end of the sentence or clause. */
export interface CompiledAdjacent {
  trie: PhraseTrie | null;
  edge: boolean;
}

export interface CompiledSuggestion {
  template: string;
  kind: SuggestionKind;
  /** Forms of each `word~` in the template, keyed by the literal `word~` text. */
  inflected: Array<{ marker: string; forms: WordForms }>;
  /** The template opens with a verb phrase ("requesting …"), so it cannot stand for a person (findings.ts). */
  opensWithVerb: boolean;
  /** The template names one thing, so it cannot stand for a plural label (findings.ts). */
  namesOne: boolean;
  /** The template names a person ("person with …"), so it cannot stand for a thing ("a borderline personality"). */
  namesPerson: boolean;
  /** The template names a thing ("death by suicide"), so it cannot stand for a person ("a suicide completer"). */
  namesThing: boolean;
  /** For a template opening with an inflected verb: whether it takes "to do" ("decline~" does, "report~" not). */
  takesToInfinitive: boolean | undefined;
}

export interface CompiledRule {
  data: RuleData;
  index: number;
  near: CompiledNear[];
  notNear: CompiledNear[];
  after: CompiledAdjacent | null;
  before: CompiledAdjacent | null;
  notAfter: CompiledAdjacent | null;
  notBefore: CompiledAdjacent | null;
  negatable: boolean;
  sections: Partial<Record<SectionKind, SectionEffect>>;
  extendToNear: boolean;
  /** Widest `within` among near/notNear, to size the token window. */
  window: number;
  suggestions: CompiledSuggestion[];
  sources: SourceRef[];
  /** A frame rule's slots, scope and quieting classes; null for a phrase rule. */
  frame: CompiledFrame | null;
}

export interface RuleIssue {
  /** Path from the array handed to compileRuleSet: [ruleIndex, 'match', 2]. */
  path: Array<string | number>;
  message: string;
}

export class RuleCompileError extends Error {
  constructor(readonly issues: RuleIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    this.name = 'RuleCompileError';
  }
}

/** Police and punitive wording weighs more in a plan and less in a history (see README: Sections). */
const CATEGORY_SECTIONS: Record<Category, Partial<Record<SectionKind, SectionEffect>>> = {
  'police-involvement': { plan: 'raise', history: 'lower' },
  'punitive-approach': { plan: 'raise', history: 'lower' },
  'discriminatory-attitude': {},
  'stigmatizing-language': {},
};

export interface SourceRegistry {
  [key: string]: { title: string; url?: string };
}

/** The match graph of a rule set, as data (see `prebuilt` in compileRuleSet). */
export interface PrebuiltMatcher {
  trie: SerializedTrie | EncodedTrie;
  /** The word-class graph frames read (frames/classes.ts). */
  classes?: SerializedTrie | EncodedTrie;
  /** For each word that begins a class entry, the classes it begins (ClassMatcher.beginningsCode()). */
  classBeginnings?: string;
  /** What each class entry is, by its accept number in the class graph (ClassMatcher.ownersCode()). */
  classOwners?: string;
  /** The rules' context phrase lists (near, notNear, after, before …), each distinct list one graph of a forest. */
  context?: SerializedTrie | EncodedTrie;
  /** For each context list in the order compileRuleSet meets them, its graph in `context`. */
  contextRefs?: number[];
  /**
   * The literal words of every frame pattern, in the order their one-word classes are made (literalClasses): with
   * it, frames are parsed and compiled when a candidate first needs them instead of at start-up.
   */
  literals?: string[];
}

/** A context list's graph, compiled now, on first use, or read from the prebuilt forest. */
type TrieHolder = { readonly trie: PhraseTrie };

/**
 * A context list's graph in the prebuilt forest, read when a candidate first needs it. A class, as are the lists
 * below, where an object literal with a getter (or Object.defineProperty) per list made V8 define the accessor at run
 * time for each of some 460 lists at start-up.
 */
class ForestGraph implements TrieHolder {
  constructor(
    private readonly forest: (i: number) => PhraseTrie,
    private readonly ref: number,
  ) {}

  get trie(): PhraseTrie {
    return this.forest(this.ref);
  }
}

/** A near or notNear condition, its graph read through its holder. */
class NearList implements CompiledNear {
  constructor(
    private readonly holder: TrieHolder,
    readonly within: number,
    readonly side: 'before' | 'after' | 'both',
    readonly orSection: ReadonlySet<SectionKind>,
    readonly line: boolean,
  ) {}

  get trie(): PhraseTrie {
    return this.holder.trie;
  }
}

/** An after/before/notAfter/notBefore list with words, its graph read through its holder. */
class AdjacentList implements CompiledAdjacent {
  constructor(
    private readonly holder: TrieHolder,
    readonly edge: boolean,
  ) {}

  get trie(): PhraseTrie {
    return this.holder.trie;
  }
}

export class RuleSet {
  /** Where phrases can start: the only pass over the whole text. */
  readonly starts: StartIndex;
  private readonly ids: Map<string, CompiledRule>;
  private vocabulary: WalkVocabulary | undefined;

  constructor(
    readonly compiled: CompiledRule[],
    readonly inflect: Inflector,
    readonly trie: PhraseTrie,
    readonly classes: ClassMatcher | null = null,
    /** Every context list's graph in the order the rules name them (for matcher()). */
    private readonly contextTries: TrieHolder[] = [],
  ) {
    this.ids = new Map(compiled.map((r) => [r.data.id, r]));
    this.starts = new StartIndex(trie);
    this.modelRules = new Int32Array(CATEGORIES.length).fill(-1);
    for (const r of compiled) if (r.data.model) this.modelRules[CATEGORIES.indexOf(r.data.category)] = r.index;
  }

  /** The model rule (shared-rules/src/model) of each category, by index in CATEGORIES; -1 where there is none. */
  readonly modelRules: Int32Array;

  /** The trie's words by spelling, for phrase walks (built on the first lint). */
  get walkVocabulary(): WalkVocabulary {
    return (this.vocabulary ??= new WalkVocabulary(this.trie));
  }

  /** The compiled matcher as data, for compileRuleSet's `prebuilt` option. */
  matcher(): PrebuiltMatcher {
    // lists shared between rules (YAML anchors) compile to one graph, written once
    const distinct = new Map<PhraseTrie, number>();
    const contextRefs = this.contextTries.map((h) => {
      let i = distinct.get(h.trie);
      if (i === undefined) distinct.set(h.trie, (i = distinct.size));
      return i;
    });
    return {
      trie: encodeTrie(this.trie.serialize()),
      // the other graphs' word tables are their own: most used words first, for shorter codes
      ...(this.classes
        ? {
            classes: encodeTrie(wordsByUse(this.classes.serialize())),
            classBeginnings: this.classes.beginningsCode(),
            classOwners: this.classes.ownersCode(),
          }
        : {}),
      context: encodeTrie(wordsByUse(serializeForest([...distinct.keys()]))),
      contextRefs,
      literals: (this.classes?.names ?? [])
        .filter((n) => n.startsWith('='))
        .map((n) => this.classes!.classes[n].entries[0]),
    };
  }

  /** The word classes frames use (literal pattern words left out), by name. */
  wordClasses(): WordClasses {
    const all = this.classes?.classes ?? {};
    return Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('=')));
  }

  get rules(): RuleData[] {
    return this.compiled.map((r) => r.data);
  }

  byId(id: string): RuleData | undefined {
    return this.ids.get(id)?.data;
  }

  compiledById(id: string): CompiledRule | undefined {
    return this.ids.get(id);
  }
}

// Context lists are often shared between rules (YAML anchors): compile each distinct list once per inflector.
const trieCache = new WeakMap<Inflector, Map<string, PhraseTrie>>();

function compileTrie(
  phrases: string[],
  inflect: Inflector,
  path: Array<string | number>,
  issues: RuleIssue[],
): PhraseTrie {
  let cache = trieCache.get(inflect);
  if (!cache) trieCache.set(inflect, (cache = new Map()));
  const key = phrases.join('\u0001');
  const cached = cache.get(key);
  if (cached) return cached;
  const trie = new PhraseTrie();
  const before = issues.length;
  phrases.forEach((p, i) => {
    try {
      trie.addPhrase(p, 0, inflect);
    } catch (e) {
      issues.push({ path: [...path, i], message: `phrase "${p}": ${(e as Error).message}` });
    }
  });
  if (issues.length === before) cache.set(key, trie);
  return trie;
}

type ContextTrie = (phrases: string[], path: Array<string | number>) => TrieHolder;

function compileAdjacent(
  phrases: string[] | undefined,
  contextTrie: ContextTrie,
  path: Array<string | number>,
  issues: RuleIssue[],
): CompiledAdjacent | null {
  if (!phrases || phrases.length === 0) return null;
  const words = phrases.filter((p) => p !== '^' && p !== '$');
  phrases.forEach((p, i) => {
    if (p.includes('..'))
      issues.push({ path: [...path, i], message: `phrase "${p}": gaps are not allowed next to a hit` });
  });
  const edge = words.length !== phrases.length;
  if (!words.length) return { trie: null, edge };
  return new AdjacentList(contextTrie(words, path), edge);
}

function compileSuggestion(template: string, inflect: Inflector): CompiledSuggestion {
  const inflected = [...template.matchAll(INFLECTED_WORD.for(template))].map((m) => ({
    marker: m[0],
    forms: inflect(m[1]) ?? { base: m[1] },
  }));
  return {
    template,
    kind: suggestionKind(template),
    inflected,
    opensWithVerb: VERB_PHRASE.test(template),
    namesOne: namesOne(template),
    namesPerson: namesPerson(template),
    namesThing: namesThing(template),
    takesToInfinitive: verbTakesToInfinitive(template),
  };
}

/** A rule's suggestions, rewrites before prompts, so a host showing the first suggestion shows one it may apply. */
function compileSuggestions(data: RuleData, inflect: Inflector): CompiledSuggestion[] {
  return (Array.isArray(data.suggestions) ? data.suggestions : [])
    .map((s) => compileSuggestion(s, inflect))
    .sort((a, b) => Number(a.kind === 'prompt') - Number(b.kind === 'prompt'));
}

function resolveSources(keys: string[], registry: SourceRegistry): SourceRef[] {
  return keys.map((key) => {
    const known = registry[key];
    if (known) return { id: key, title: known.title, ...(known.url ? { url: known.url } : {}) };
    const url = /^https?:\/\//.test(key) ? key : undefined;
    return { id: key, title: key, ...(url ? { url } : {}) };
  });
}

export interface CompileOptions {
  /** Rules validated at build time: compile context phrases only when a candidate first needs them. */
  lazyContext?: boolean;
  /**
   * The match graph compiled from exactly these rules and this inflector at build time
   * (RuleSet.matcher()): match phrases are then not parsed again, which is most of the cold start.
   */
  prebuilt?: PrebuiltMatcher;
  /** Word classes frames refer to by name (shared-rules/lexicon, plus any a config extends). */
  classes?: WordClasses;
}

/**
 * Compiles rule data into one matcher. Throws RuleCompileError listing every problem found
 * (paths index into `rules`), so a host can point at the exact field.
 */
export function compileRuleSet(
  rules: RuleData[],
  inflect: Inflector,
  registry: SourceRegistry = {},
  options: CompileOptions = {},
): RuleSet {
  const issues: RuleIssue[] = [];
  const prebuilt = options.prebuilt;
  const contextForest = prebuilt?.context && prebuilt.contextRefs ? PhraseTrie.forest(prebuilt.context) : null;
  const contextTries: TrieHolder[] = [];
  const contextTrie = (phrases: string[], path: Array<string | number>): TrieHolder => {
    const holder = contextHolder(phrases, path, contextTries.length);
    contextTries.push(holder);
    return holder;
  };
  const contextHolder = (phrases: string[], path: Array<string | number>, k: number): TrieHolder => {
    if (contextForest) {
      // compiled at build time from exactly these rules: read when a candidate first needs it
      return new ForestGraph(contextForest, prebuilt!.contextRefs![k]);
    }
    if (!options.lazyContext) return { trie: compileTrie(phrases, inflect, path, issues) };
    // Rules validated at build time can defer their context phrases until a candidate first needs them (cold start).
    let trie: PhraseTrie | undefined;
    return {
      get trie() {
        return (trie ??= compileTrie(phrases, inflect, path, issues));
      },
    };
  };
  const trie = prebuilt ? PhraseTrie.deserialize(prebuilt.trie) : new PhraseTrie();
  const frameIssues: RuleIssue[] = [];
  // with the prebuilt literal words, a frame is parsed and compiled the first time a candidate of its rule needs it
  // (the rules were checked at build time): parsing and compiling 88 frames was a fifth of building the rule set
  const lazyFrames = prebuilt?.literals !== undefined;
  const parsedFrames = rules.map((r, i) =>
    !lazyFrames && r && typeof r === 'object' && r.frame !== undefined
      ? parseFrame(r.frame, frameIssues, [i, 'frame'])
      : null,
  );
  const classes = compileClasses(
    lazyFrames ? { ...options.classes, ...literalWordClasses(prebuilt!.literals!) } : (options.classes ?? {}),
    parsedFrames,
    inflect,
    issues,
    options.lazyContext ?? false,
    prebuilt?.classes,
    prebuilt?.classBeginnings,
    prebuilt?.classOwners,
  );
  const seen = new Map<string, number>();
  const compiled: CompiledRule[] = [];
  rules.forEach((data, index) => {
    const at = (...p: Array<string | number>) => [index, ...p];
    if (!data || typeof data !== 'object') {
      issues.push({ path: [index], message: 'a rule must be an object' });
      return;
    }
    const isFrame = data.frame !== undefined;
    // rules with a prebuilt matcher were compiled, so checked, at build time: checking them again was 8% of building
    // the built-in rule set at start-up (15 M instructions)
    if (!prebuilt) checkRule(data, index, seen, compiled, issues);
    if (!isFrame && !Array.isArray(data.match)) return;
    const ruleIndex = compiled.length;
    let frame: CompiledFrame | null = null;
    let lazyFrame: (() => CompiledFrame) | null = null;
    if (isFrame && lazyFrames && classes) {
      const frameData = data.frame!;
      lazyFrame = () => compileFrame(frameData, parseFrame(frameData, [], at('frame')), classes, [], at('frame'));
    } else if (isFrame) {
      issues.push(...frameIssues.filter((f) => f.path[0] === index));
      if (!classes) return;
      frame = compileFrame(data.frame!, parsedFrames[index] ?? [], classes, issues, at('frame'));
      // a frame's candidates start where its anchor slot's entries do: the class entries, never their cross product
      if (!prebuilt)
        for (const p of frame.anchors) {
          try {
            trie.addPhrase(p, ruleIndex, inflect);
          } catch (e) {
            issues.push({ path: at('frame'), message: `anchor "${p}": ${(e as Error).message}` });
          }
        }
    } else if (!prebuilt)
      data.match.forEach((p, i) => {
        try {
          trie.addPhrase(p, ruleIndex, inflect);
        } catch (e) {
          issues.push({
            path: at('match', i),
            message: e instanceof PhraseError ? `phrase "${p}": ${e.message}` : String(e),
          });
        }
      });
    const ctx = data.context ?? {};
    const nears = (list: typeof ctx.near, key: string): CompiledNear[] =>
      (list ?? []).map(
        (n, i) =>
          new NearList(
            contextTrie(n.any ?? [], at('context', key, i, 'any')),
            n.within ?? Infinity,
            n.side ?? 'both',
            new Set(n.orSection ?? []),
            n.line ?? false,
          ),
      );
    const near = nears(ctx.near, 'near');
    const notNear = nears(ctx.notNear, 'notNear');
    const widths = [...near, ...notNear].map((n) => n.within);
    let suggestions: CompiledSuggestion[] | undefined;
    let sources: SourceRef[] | undefined;
    const rule: CompiledRule = {
      data,
      index: ruleIndex,
      near,
      notNear,
      after: compileAdjacent(ctx.after, contextTrie, at('context', 'after'), issues),
      before: compileAdjacent(ctx.before, contextTrie, at('context', 'before'), issues),
      notAfter: compileAdjacent(ctx.notAfter, contextTrie, at('context', 'notAfter'), issues),
      notBefore: compileAdjacent(ctx.notBefore, contextTrie, at('context', 'notBefore'), issues),
      negatable: ctx.negatable ?? false,
      sections: { ...CATEGORY_SECTIONS[data.category], ...(ctx.sections ?? {}) },
      extendToNear: ctx.extendToNear ?? false,
      window: widths.length ? Math.max(...widths) : 0,
      // compiled when a finding first needs them: inflecting every rule's rewrites was a tenth of the start-up
      get suggestions() {
        return (suggestions ??= compileSuggestions(data, inflect));
      },
      // resolved when a finding or a description first needs them, as the suggestions are
      get sources() {
        return (sources ??= resolveSources(data.sources ?? [], registry));
      },
      frame,
    };
    if (lazyFrame) {
      const make = lazyFrame;
      Object.defineProperty(rule, 'frame', {
        enumerable: true,
        configurable: true,
        get: () => (frame ??= make()),
      });
    }
    compiled.push(rule);
  });
  if (issues.length) throw new RuleCompileError(issues);
  if (contextForest && contextTries.length !== prebuilt!.contextRefs!.length)
    throw new Error('the prebuilt matcher was compiled from other rules: rebuild with npm run build');
  return new RuleSet(compiled, inflect, trie, classes, contextTries);
}

/** The problems of one rule's fields (frames and phrases are checked as they compile). */
function checkRule(
  data: RuleData,
  index: number,
  seen: Map<string, number>,
  compiled: readonly CompiledRule[],
  issues: RuleIssue[],
): void {
  const at = (...p: Array<string | number>) => [index, ...p];
  const isFrame = data.frame !== undefined;
  if (typeof data.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.id))
    issues.push({ path: at('id'), message: 'id must be kebab-case (a-z, 0-9, hyphens)' });
  else if (seen.has(data.id))
    issues.push({ path: at('id'), message: `duplicate rule id "${data.id}" (also rule ${seen.get(data.id)})` });
  else seen.set(data.id, index);
  if (!CATEGORIES.includes(data.category))
    issues.push({
      path: at('category'),
      message: `unknown category "${data.category}"; use one of ${CATEGORIES.join(', ')}`,
    });
  if (!SEVERITIES.includes(data.severity))
    issues.push({
      path: at('severity'),
      message: `unknown severity "${data.severity}"; use error, warning or information`,
    });
  for (const field of ['message', 'rationale'] as const) {
    if (typeof data[field] !== 'string' || !data[field].trim())
      issues.push({ path: at(field), message: `${field} is required` });
  }
  const isModel = data.model === true;
  for (const field of [...(isFrame || isModel ? [] : (['match'] as const)), 'sources'] as const) {
    if (!Array.isArray(data[field]) || data[field].length === 0)
      issues.push({ path: at(field), message: `${field} needs at least one entry` });
  }
  issues.push(...suggestionIssues(data).map(({ field, message }) => ({ path: at(field), message })));
  if (isFrame && Array.isArray(data.match) && data.match.length)
    issues.push({
      path: at('match'),
      message: 'a frame rule has no match phrases: its anchors come from its patterns',
    });
  if (isModel) {
    if ((Array.isArray(data.match) && data.match.length) || isFrame)
      issues.push({
        path: at('model'),
        message: 'a model rule has no match phrases or frame: the model reads the sentence',
      });
    if (CATEGORIES.includes(data.category) && compiled.some((r) => r.data.model && r.data.category === data.category))
      issues.push({ path: at('model'), message: `the category ${data.category} already has its model rule` });
    if (data.suggestions?.some((s) => !s.includes('[')))
      issues.push({
        path: at('suggestions'),
        message: 'a model finding is a whole sentence: prompts only, no rewrite',
      });
  }
}

/** The one-word classes of frame patterns' literal words (as literalClasses makes them), from the words alone. */
function literalWordClasses(words: string[]): WordClasses {
  const out: WordClasses = {};
  for (const w of words) out[literalClass(w)] = { entries: [w] };
  return out;
}

/** Word classes plus the literal words frame patterns use, as one matcher; null (with issues) when a class is bad. */
function compileClasses(
  classes: WordClasses,
  parsed: Array<ParsedPattern[] | null>,
  inflect: Inflector,
  issues: RuleIssue[],
  lazy: boolean,
  prebuilt?: SerializedTrie | EncodedTrie,
  prebuiltBeginnings?: string,
  prebuiltOwners?: string,
): ClassMatcher | null {
  try {
    return new ClassMatcher(
      { ...classes, ...literalClasses(parsed.flatMap((p) => p ?? [])) },
      inflect,
      lazy,
      prebuilt,
      prebuilt && prebuiltBeginnings,
      prebuilt && prebuiltOwners,
    );
  } catch (e) {
    if (!(e instanceof ClassIssue)) throw e;
    issues.push({ path: ['classes', e.className, e.field, e.entry], message: e.message });
    return null;
  }
}

export type { FormName };

/**
 * A rule helps the writer with at least one suggestion or one piece of guidance, and a practice rule (police in
 * planned care, sanctions, withholding care) never with a rewrite: rewording a practice would make the record say
 * something that did not happen.
 */
function suggestionIssues(data: RuleData): Array<{ field: 'suggestions' | 'guidance'; message: string }> {
  const suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
  const guidance = Array.isArray(data.guidance) ? data.guidance : [];
  if (!Array.isArray(data.suggestions))
    return [
      { field: 'suggestions', message: 'suggestions must be a list (it may be empty when the rule has guidance)' },
    ];
  if (suggestions.length === 0 && guidance.length === 0)
    return [{ field: 'suggestions', message: 'suggestions needs at least one entry, or the rule needs guidance' }];
  const rewrites = suggestions.some((s) => suggestionKind(s) === 'rewrite');
  // a frame's finding is its whole clause: a rewrite would replace the clause with a word
  if (rewrites && data.frame !== undefined && data.frame.span !== 'match')
    return [
      {
        field: 'suggestions',
        message:
          'a frame finding covers its whole clause, so a rewrite (a text without "[...]") would replace the clause: use a prompt, or "span: match" for a label',
      },
    ];
  if (PRACTICE_CATEGORIES.includes(data.category) && rewrites) {
    return [
      {
        field: 'suggestions',
        message: `a ${data.category} rule describes a practice: it cannot carry a rewrite (a text without "[...]"); put the advice in "guidance"`,
      },
    ];
  }
  return [];
}
