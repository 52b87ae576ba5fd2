// The layering the project relies on: hosts reach the engine only through its public barrel, the barrel's names are
// pinned (a change to them is a change to every host), no host imports another host's files (what two hosts share
// lives below them), and no module imports itself round a circle.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as engine from '../../shared-rules/src/index';

const ROOT = path.resolve(__dirname, '../..');
const HOSTS = ['cli', 'extension', 'addin', 'language-server', 'browser'];
/** What the hosts share below them (the editor-neutral translation; the web pages' card and styles): held to the same
 * rules as a host, and importing no host. */
const SHARED_BELOW_HOSTS = ['editor-common', 'web-ui'];
const HOST_DIRS = [...HOSTS.map((h) => `${h}/src`), ...SHARED_BELOW_HOSTS];
const SOURCE_DIRS = ['shared-rules/src', ...HOST_DIRS];

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const full = path.join(abs, name);
    if (statSync(full).isDirectory()) return sourceFiles(path.join(dir, name));
    return /\.m?ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Relative module specifiers of static imports and re-exports (type-only ones included: they still couple files). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
}

/** The host (or shared folder) a repository path belongs to, by its top folder; undefined for anything else. */
function ownerOf(file: string): string | undefined {
  const top = path.relative(ROOT, file).split(path.sep)[0];
  return [...HOSTS, ...SHARED_BELOW_HOSTS].includes(top) ? top : undefined;
}

function resolveModule(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

describe('architecture', () => {
  it('hosts import the engine only through shared-rules/src/index.ts', () => {
    const barrel = path.join(ROOT, 'shared-rules/src/index.ts');
    const engineDir = path.join(ROOT, 'shared-rules/src') + path.sep;
    const offenders: string[] = [];
    for (const dir of HOST_DIRS) {
      for (const file of sourceFiles(dir)) {
        for (const spec of importsOf(file)) {
          const target = resolveModule(file, spec);
          if (target?.startsWith(engineDir) && target !== barrel)
            offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("no host imports another host's files, and nothing shared below the hosts imports a host", () => {
    const offenders: string[] = [];
    for (const dir of HOST_DIRS) {
      for (const file of sourceFiles(dir)) {
        const from = ownerOf(file)!;
        for (const spec of importsOf(file)) {
          // stylesheets and other assets count too, so the target need not be a module
          const to = ownerOf(path.resolve(path.dirname(file), spec));
          const allowed =
            to === undefined || to === from || (SHARED_BELOW_HOSTS.includes(to) && !SHARED_BELOW_HOSTS.includes(from));
          if (!allowed) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('pins the public API of the engine', () => {
    assert.deepEqual(Object.keys(engine).sort(), PUBLIC_API);
  });

  it('has no import circle in the engine or any host', () => {
    const graph = new Map<string, string[]>();
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(dir)) {
        graph.set(
          file,
          importsOf(file)
            .map((s) => resolveModule(file, s))
            .filter((t): t is string => t !== undefined),
        );
      }
    }
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open')
          circles.push(
            stack
              .slice(stack.indexOf(next))
              .concat(next)
              .map((f) => path.relative(ROOT, f))
              .join(' → '),
          );
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    assert.deepEqual(circles, []);
  });
});

/** The engine's public names. Adding one is a deliberate API change: add it here too. */
const PUBLIC_API = [
  'CATEGORIES',
  'CATEGORY_ORDER',
  'CONFIG_FILE_NAME',
  'LintSession',
  'PRACTICE_CATEGORIES',
  'RuleCompileError',
  'RuleSet',
  'SEVERITIES',
  'SKIP_REASONS',
  'SUGGESTION_KINDS',
  'applyEdits',
  'applyFixes',
  'autoRewrite',
  'builtinClasses',
  'builtinInflector',
  'builtinRuleSet',
  'builtinRules',
  'builtinSources',
  'categoryLabel',
  'checkRuleExample',
  'compileRuleSet',
  'configuredRules',
  'describeFrame',
  'describeRule',
  'describeRuleAsText',
  'describeRuleData',
  'directiveComment',
  'ignoreDirectiveEdit',
  'isSlotRewrite',
  'lexiconInflector',
  'lineIndexAt',
  'lineStarts',
  'lint',
  'lintPiece',
  'loadConfig',
  'locateCustomRuleIssue',
  'maskNonProse',
  'nearest',
  'offsetToLineColumn',
  'parseConfig',
  'parseDirectives',
  'parsePhrase',
  'planFixes',
  'regularInflect',
  'resetWork',
  'ruleFamily',
  'ruleSetWith',
  'severityLabel',
  'sourceText',
  'suggestionKind',
  'testRule',
  'work',
];
