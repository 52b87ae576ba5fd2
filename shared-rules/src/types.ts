/** The four stable category ids. The first three are the elements NHS England told trusts to eradicate (March 2023). */
export const CATEGORIES = [
  'police-involvement',
  'punitive-approach',
  'discriminatory-attitude',
  'stigmatizing-language',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'information'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a suggestion is. A rewrite says the same thing in other words and is the only kind a host may apply without
 * a person choosing it. A prompt ("[describe what happened]") asks the writer for facts: inserted only when picked.
 */
export const SUGGESTION_KINDS = ['rewrite', 'prompt'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/**
 * Categories that describe a practice, not a word: the fix is to change the plan, so their rules carry guidance
 * (advice) and never a rewrite that would make the record say something that did not happen.
 */
export const PRACTICE_CATEGORIES: readonly Category[] = ['police-involvement', 'punitive-approach'];

/** Section kinds a heading can open; rules react to them (plan raises, history lowers). */
export type SectionKind = 'plan' | 'history' | 'other';

/** How a rule reacts inside a section: raise severity one step, lower it one step, or stay quiet. */
export type SectionEffect = 'raise' | 'lower' | 'quiet';

/** A group of phrases that must (or must not) occur near a hit. */
export interface NearCondition {
  /** Phrases in CareLint phrase syntax. */
  any: string[];
  /** Words either side of the hit, inside its sentence. Default: the whole sentence. */
  within?: number;
  /** Also satisfied when the hit sits in one of these sections (for `near` only). */
  orSection?: SectionKind[];
  /** Only look before (or after) the hit. Default: both sides. */
  side?: 'before' | 'after' | 'both';
  /** notNear only: look along the whole line (list item, table row) the hit is on, not just its sentence. */
  line?: boolean;
}

export interface RuleContext {
  /** Every group must be satisfied for the rule to fire. */
  near?: NearCondition[];
  /** Any group satisfied keeps the rule quiet. */
  notNear?: NearCondition[];
  /** Quiet when one of these phrases ends right before the hit (immediately adjacent). */
  notAfter?: string[];
  /** Quiet when one of these phrases starts right after the hit. */
  notBefore?: string[];
  /** Fire only when one of these phrases ends right before the hit ("^" = start of sentence). */
  after?: string[];
  /** Fire only when one of these phrases starts right after the hit ("$" = end of sentence or clause). */
  before?: string[];
  /** Quiet when negated ("no evidence of aggression", "not manipulative"). */
  negatable?: boolean;
  /** Per-section behaviour. Defaults depend on the category (see compile.ts). */
  sections?: Partial<Record<SectionKind, SectionEffect>>;
  /** Extend the reported span to cover the `near` phrases that made it fire. */
  extendToNear?: boolean;
  /**
   * Fire only when the hit is the whole of a quotation, as in scare quotes around a symptom ("in 'pain'"), and
   * underline the quotation marks too. Every other rule stays quiet inside quotation marks.
   */
  scareQuotes?: boolean;
  /** Quiet when the words before the hit say it of someone or something else ("her husband was combative"). */
  aboutThePerson?: boolean;
  /**
   * Quiet when the hit is part of a name rather than said of a person: a plan, protocol, programme, team or role
   * follows it ("frequent attender action plan", "HIU lead"), or it sits in a heading line that names a plan.
   */
  nameOfService?: boolean;
}

export interface RuleExamples {
  /** Sentences the rule must flag. `{text, fixed}` also checks the first suggestion applied. */
  match: Array<string | { text: string; fixed?: string; flagged?: string }>;
  /** Sentences the rule must leave alone. */
  noMatch: string[];
}

/** Frames: see shared-rules/README.md (Frames) and src/frames/. */
export type FrameScope = 'clause' | 'sentence';
export type FrameWindow = 'match' | 'clause' | 'sentence' | 'line';

/** A group of classes looked for around a frame match. */
export interface FrameClassGroup {
  any: string[];
  /** Where to look: the match's clause, its sentence (default) or its line (list item, table row). */
  in?: FrameWindow;
}

/** A frame as written in rule data (`frame:` instead of `match:`). */
export interface FrameData {
  /** Slot patterns (see pattern.ts); any one of them matching fires the rule. */
  patterns: string[];
  /** The slots must all sit in one clause (default) or may span the clauses of one sentence. */
  scope?: FrameScope;
  /**
   * What the finding covers: the whole instruction or threat, from its clause's start (default), or only the words
   * the pattern matched, for a label whose rewrite replaces the label and not the sentence around it.
   */
  span?: 'clause' | 'match';
  /** Any class found keeps the frame quiet (emergency context, negation, a relative's job …). */
  quiet?: FrameClassGroup[];
  /** Every group must have a class present for the frame to fire. */
  require?: FrameClassGroup[];
}

/** One class as written in the data: entries in phrase syntax; `@Name` at the end of an entry asks for a capitalised name. */
export interface WordClassData {
  description?: string;
  entries: string[];
  /** Phrases that, ending where an entry ends, cancel it ("housing officer" is not a police officer). */
  except?: string[];
}

export type WordClasses = Record<string, WordClassData>;

/** A rule as written in the data files (YAML for built-ins, JSON in .carelintrc.json). */
export interface RuleData {
  id: string;
  category: Category;
  severity: Severity;
  /** Phrases in CareLint phrase syntax (see shared-rules/README.md). A frame rule has `frame` instead. */
  match: string[];
  /** Word-class slots in order within a clause (a frame rule); its anchors stand in for `match`. */
  frame?: FrameData;
  /**
   * true: the rule is the statistical second opinion for its category (shared-rules/src/model): it flags a whole
   * sentence no other rule flagged when the trained model reads it as this category. No `match` or `frame`.
   */
  model?: boolean;
  context?: RuleContext;
  message: string;
  rationale: string;
  /** Keys into shared-rules/sources.yaml, or for custom rules free text / URLs. */
  sources: string[];
  /** Rewrites; `word~` takes the inflection of the matched `word~`; `[...]` marks a slot the writer fills in (a prompt). */
  suggestions: string[];
  /** Advice for a practice (police in planned care, withholding care, sanctions): shown, never inserted. */
  guidance?: string[];
  examples: RuleExamples;
  /** Off unless a config turns it on. */
  enabled?: boolean;
}

export interface SourceRef {
  id: string;
  title: string;
  url?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** 0-based UTF-16 offsets into the linted text. */
  start: number;
  end: number;
  /** The flagged text, as written. */
  text: string;
  message: string;
  rationale: string;
  sources: SourceRef[];
  /** Ready-to-insert texts, case and tense matched: rewrites first, then prompts (which contain `[...]`). */
  suggestions: string[];
  /** The kind of each entry of `suggestions`, in the same order. */
  suggestionKinds: SuggestionKind[];
  /** Advice on changing the practice the finding describes; never inserted into the text. */
  guidance: string[];
}

export type Locale = 'en-GB' | 'en-US';
export type TextFormat = 'plaintext' | 'markdown' | 'html';

export interface AllowEntry {
  /** Exact text (case-insensitive) that may stay, optionally only for one rule. */
  text?: string;
  rule?: string;
  reason: string;
}

/** What a host or the CLI passes to lint(). All fields optional. */
export interface LintOptions {
  format?: TextFormat;
  locale?: Locale;
  /** Rule id → on/off. */
  rules?: Record<string, boolean>;
  /** Category id → on/off. */
  categories?: Partial<Record<Category, boolean>>;
  /** Rule id or category id → severity. */
  severity?: Record<string, Severity>;
  allow?: AllowEntry[];
  /** Honour carelint-disable directives (default true). */
  directives?: boolean;
}
