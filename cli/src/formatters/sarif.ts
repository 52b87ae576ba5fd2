import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  autoRewrite,
  describeRuleData,
  sourceText,
  type RuleData,
  type Severity,
} from '../../../shared-rules/src/index';
import type { CheckedFile, LocatedFinding } from '../types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
};

/** A file's path relative to the working folder, with forward slashes, as code-scanning and CI tools expect. */
export function workspacePath(path: string, cwd: string): string {
  return relative(cwd, path).split(sep).join('/');
}

/** SARIF 2.1.0: one run; driver.rules lists the rules that fired; uris relative to the working folder. */
export function formatSarif(files: CheckedFile[], cwd: string, version: string): string {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  const results: object[] = [];

  for (const file of files) {
    const artifactLocation =
      file.path === undefined
        ? { uri: encodeURI(file.file) }
        : { uri: encodeURI(workspacePath(file.path, cwd)), uriBaseId: '%SRCROOT%' };
    for (const f of file.findings) {
      if (!ruleIndex.has(f.ruleId)) {
        ruleIndex.set(f.ruleId, rules.length);
        rules.push(describeRule(f, file.ruleSet.byId(f.ruleId)));
      }
      const position = {
        startLine: f.line,
        startColumn: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        // A .docx is binary: lines are paragraphs of its text, offsets would mean nothing to a SARIF viewer.
        ...(file.docx ? {} : { charOffset: f.start, charLength: f.end - f.start }),
      };
      const region = { ...position, snippet: { text: f.text } };
      const fix = file.docx ? undefined : autoRewrite(f);
      results.push({
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.suggestions.length ? `${f.message} Consider: ${f.suggestions[0]}` : f.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
        properties: { category: f.category },
        ...(fix === undefined
          ? {}
          : {
              fixes: [
                {
                  description: { text: `Replace "${f.text}" with "${fix}"` },
                  artifactChanges: [
                    { artifactLocation, replacements: [{ deletedRegion: position, insertedContent: { text: fix } }] },
                  ],
                },
              ],
            }),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'CareLint', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(f: LocatedFinding, rule: RuleData | undefined): object {
  const rationale = rule?.rationale ?? f.rationale;
  const sources = f.sources.map(sourceText);
  const rewrites = rule
    ? describeRuleData(rule, f.sources).rewrites
    : f.suggestions.filter((_, i) => f.suggestionKinds[i] === 'rewrite');
  const guidance = rule?.guidance ?? f.guidance ?? [];
  const help = [
    rationale,
    rewrites.length ? `Instead, consider: ${rewrites.join('; ')}.` : '',
    guidance.length ? `Change the plan: ${guidance.join(' ')}` : '',
    sources.length ? `Sources: ${sources.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: f.ruleId,
    shortDescription: { text: rule?.message ?? f.message },
    fullDescription: { text: rationale },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[rule?.severity ?? f.severity] },
    properties: { category: f.category, tags: [f.category] },
  };
}
