/**
 * Build step for the rule packs: validates every shared-rules/rules/*.yaml file (JSON Schema, duplicate ids,
 * unknown categories, unknown source keys, phrase syntax, unsafe or exploding patterns), expands
 * inflections once with compromise, and writes shared-rules/generated/rules.json for the engine, with the
 * compiled match graph in shared-rules/generated/matcher.json.
 * Any problem fails the build with file:line:column.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, LineCounter, parse as parseYaml } from 'yaml';
import Ajv from 'ajv';
import nlp from 'compromise';
import { compileRuleSet, RuleCompileError, type RuleSet } from '../src/matching/compile';
import { inflectedWords, type WordForms } from '../src/matching/phrase';
import { lexiconInflector } from '../src/matching/inflect';
import type { RuleData, WordClasses } from '../src/types';
import { compileCueTrie, mentionCueList, type PrebuiltCues } from '../src/context/mention';
import { encodeTrie } from '../src/matching/trie';

const root = join(__dirname, '..');
const rulesDir = join(root, 'rules');
const lexiconDir = join(root, 'lexicon');
const outDir = join(root, 'generated');

interface Located {
  file: string;
  lines: LineCounter;
  doc: ReturnType<typeof parseDocument>;
  index: number;
}

const problems: string[] = [];
function report(loc: Located | undefined, path: Array<string | number>, message: string): void {
  if (!loc) {
    problems.push(`${message}`);
    return;
  }
  const full = ['rules', loc.index, ...path];
  let node: unknown;
  for (let n = full.length; n > 0 && !node; n--) node = loc.doc.getIn(full.slice(0, n), true);
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
  const { line, col } = loc.lines.linePos(offset);
  problems.push(`${relative(process.cwd(), loc.file)}:${line}:${col}: ${path.join('.') || 'rule'}: ${message}`);
}

/** Inflections of a base word, from compromise: verbs get tenses, nouns their plural. */
function formsOf(word: string): WordForms {
  const tags = nlp(word).json()[0]?.terms[0]?.tags ?? [];
  const nounOnly = tags.includes('Noun') && !tags.includes('Verb');
  const plural = nlp(word).tag('Noun').nouns().toPlural().text() || word + 's';
  if (nounOnly) return { base: word, plural };
  const v = nlp(word).tag('Verb').verbs().conjugate()[0] as Record<string, string> | undefined;
  if (!v) return { base: word, plural };
  return {
    base: v.Infinitive ?? word,
    past: v.PastTense,
    present: v.PresentTense,
    gerund: v.Gerund,
    participle: v.Participle ?? v.PastTense,
    plural,
  };
}

const schema = JSON.parse(readFileSync(join(root, 'rule.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const sources = parseYaml(readFileSync(join(root, 'sources.yaml'), 'utf8')) as Record<
  string,
  { title: string; url?: string }
>;

// Word classes (shared-rules/lexicon/*.yaml): one file per family, each class a list of phrase entries.
const classes: WordClasses = {};
const classWhere = new Map<string, { file: string; lines: LineCounter; doc: ReturnType<typeof parseDocument> }>();
function reportClass(name: string, path: Array<string | number>, message: string): void {
  const loc = classWhere.get(name);
  if (!loc) {
    problems.push(`word class "${name}": ${message}`);
    return;
  }
  const full = ['classes', name, ...path];
  let node: unknown;
  for (let n = full.length; n > 0 && !node; n--) node = loc.doc.getIn(full.slice(0, n), true);
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
  const { line, col } = loc.lines.linePos(offset);
  problems.push(
    `${relative(process.cwd(), loc.file)}:${line}:${col}: classes.${[name, ...path].join('.')}: ${message}`,
  );
}
for (const name of readdirSync(lexiconDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const file = join(lexiconDir, name);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: true });
  for (const err of doc.errors)
    problems.push(
      `${relative(process.cwd(), file)}:${err.linePos?.[0].line ?? 1}:${err.linePos?.[0].col ?? 1}: YAML: ${err.message.split('\n')[0]}`,
    );
  if (doc.errors.length) continue;
  const data = doc.toJS() as {
    family?: string;
    classes?: Record<string, { description?: string; entries?: unknown; except?: unknown }>;
  };
  if (!data || typeof data.family !== 'string' || !data.classes || typeof data.classes !== 'object') {
    problems.push(`${relative(process.cwd(), file)}:1:1: a lexicon file needs 'family: <name>' and a 'classes:' map`);
    continue;
  }
  for (const [cls, body] of Object.entries(data.classes)) {
    const prior = classWhere.get(cls);
    classWhere.set(cls, { file, lines, doc });
    if (prior) {
      reportClass(cls, [], `word class "${cls}" is also defined in ${relative(process.cwd(), prior.file)}`);
      continue;
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(cls)) {
      reportClass(cls, [], 'a class name must be kebab-case (a-z, 0-9, hyphens)');
      continue;
    }
    const bad = (v: unknown) =>
      v !== undefined && (!Array.isArray(v) || v.some((e) => typeof e !== 'string' || !e.trim()));
    if (!body || !Array.isArray(body.entries) || body.entries.length === 0 || bad(body.entries)) {
      reportClass(cls, ['entries'], 'needs an entries: list of phrases');
      continue;
    }
    if (bad(body.except)) {
      reportClass(cls, ['except'], 'except: must be a list of phrases');
      continue;
    }
    const extra = Object.keys(body).filter((k) => !['description', 'entries', 'except'].includes(k));
    if (extra.length) {
      reportClass(cls, [extra[0]], `unknown key "${extra[0]}"; a class has description, entries and except`);
      continue;
    }
    classes[cls] = {
      ...(body.description ? { description: body.description } : {}),
      entries: body.entries as string[],
      ...(body.except ? { except: body.except as string[] } : {}),
    };
  }
}

const rules: RuleData[] = [];
const where: Located[] = [];
const families: Record<string, string> = {};
const files = readdirSync(rulesDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
for (const name of files) {
  const file = join(rulesDir, name);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, prettyErrors: true });
  for (const err of doc.errors)
    problems.push(
      `${relative(process.cwd(), file)}:${err.linePos?.[0].line ?? 1}:${err.linePos?.[0].col ?? 1}: YAML: ${err.message.split('\n')[0]}`,
    );
  if (doc.errors.length) continue;
  const data = doc.toJS() as { family?: string; rules?: RuleData[] };
  if (!data || typeof data.family !== 'string' || !Array.isArray(data.rules)) {
    problems.push(`${relative(process.cwd(), file)}:1:1: a rule file needs 'family: <name>' and a 'rules:' list`);
    continue;
  }
  data.rules.forEach((rule, index) => {
    const loc = { file, lines, doc, index };
    if (!validate(rule)) {
      for (const e of validate.errors ?? []) {
        const path = e.instancePath
          .split('/')
          .filter(Boolean)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const extra =
          e.keyword === 'additionalProperties'
            ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
            : '';
        report(loc, path, `${e.message}${extra}`);
      }
      return;
    }
    for (const [i, key] of rule.sources.entries()) {
      if (!sources[key])
        report(loc, ['sources', i], `unknown source key "${key}"; add it to shared-rules/sources.yaml`);
    }
    if ((rule.frame || rule.model) && !rule.match) rule.match = [];
    rules.push(rule);
    where.push(loc);
    families[rule.id] = data.family!;
  });
}

// Every `word~` anywhere in the data is inflected once, here, so the engine never runs NLP per keystroke.
const lexicon: Record<string, WordForms> = {};
const collect = (s: string) => {
  for (const w of inflectedWords(s)) lexicon[w] ??= formsOf(w);
};
for (const c of Object.values(classes)) [...c.entries, ...(c.except ?? [])].forEach(collect);
for (const r of rules) {
  r.match.forEach(collect);
  r.suggestions.forEach(collect);
  const c = r.context ?? {};
  for (const group of [...(c.near ?? []), ...(c.notNear ?? [])]) group.any.forEach(collect);
  for (const list of [c.after, c.before, c.notAfter, c.notBefore]) list?.forEach(collect);
}

let matcher: (ReturnType<RuleSet['matcher']> & { mention: PrebuiltCues }) | undefined;
try {
  const inflect = lexiconInflector(lexicon);
  matcher = {
    ...compileRuleSet(rules, inflect, sources, { classes }).matcher(),
    // the mention cues, with the inflector the built-in rules use at run time (builtinInflector)
    mention: { cues: [...mentionCueList()], trie: encodeTrie(compileCueTrie(inflect).serialize()) },
  };
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  for (const issue of e.issues) {
    const [index, ...path] = issue.path;
    if (index === 'classes') reportClass(String(path[0]), path.slice(1), issue.message);
    else report(where[index as number], path, issue.message);
  }
}

if (problems.length) {
  console.error(`CareLint rule data has ${problems.length} problem(s):\n${problems.join('\n')}`);
  process.exit(1);
}
/**
 * JSON with every character outside printable ASCII, and the apostrophe, written as a \\u escape. The engine's
 * start-up reads this text twice (the JS parser scans the literal, then JSON.parse): all ASCII, the literal is a
 * one-byte string for both; without apostrophes the bundler can write it in plain quotes with no escapes, which the
 * parser scans several times faster than the template literal it would choose otherwise.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff']/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'rules.json'), JSON.stringify({ rules, sources, lexicon, families, classes }));
// The compiled match graph, so the engine's first lint does not re-parse every phrase (cold start).
writeFileSync(join(outDir, 'matcher.json'), JSON.stringify(matcher));
// Both as JSON text in a module the engine imports (see src/matching/builtin.ts for why text). A rule's examples are
// read only to describe it (explain, docs, rule tests), never to lint: they are their own text, parsed when first asked
// for, in rule order.
const runtimeRules = rules.map(({ examples, ...rule }) => rule);
writeFileSync(
  join(outDir, 'builtin-data.ts'),
  '// Generated by shared-rules/scripts/build-rules.ts from rules.json and matcher.json; do not edit.\n' +
    `export const RULES_JSON = ${JSON.stringify(asciiJson({ rules: runtimeRules, sources, lexicon, families, classes }))};\n` +
    `export const MATCHER_JSON = ${JSON.stringify(asciiJson(matcher))};\n` +
    `export const EXAMPLES_JSON = ${JSON.stringify(asciiJson(rules.map((r) => r.examples)))};\n`,
);
console.log(
  `rules: ${rules.length} rules (${rules.filter((r) => r.frame).length} frames) from ${files.length} files, ${Object.keys(classes).length} word classes, ${Object.keys(lexicon).length} inflected words`,
);
