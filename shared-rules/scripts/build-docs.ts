/**
 * Generates docs/rules.md, the rule catalogue, from the compiled rule data. Never edit docs/rules.md by hand:
 * `npm run docs` rewrites it, and a test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builtinClasses,
  builtinRules,
  builtinSources,
  describeFrame,
  describeRuleData,
  ruleFamily,
  CATEGORIES,
  type RuleData,
} from '../src/index';

const TITLES: Record<string, string> = {
  'police-involvement': 'Police involvement in planned care (NHS England element 1)',
  'punitive-approach': 'Sanctions, withholding care and punitive approaches (NHS England element 2)',
  'discriminatory-attitude':
    'Discriminatory attitudes towards people who self-harm, are suicidal or are labelled "high intensity users" (NHS England element 3)',
  'stigmatizing-language': 'Stigmatising language in health records (research lexicons)',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCatalogue(rules: RuleData[] = builtinRules()): string {
  const sources = builtinSources();
  const used = new Set<string>();
  const out: string[] = [
    '# CareLint rule catalogue',
    '',
    '<!-- Generated from shared-rules/rules/*.yaml by `npm run docs`. Do not edit by hand. -->',
    '',
    `${rules.length} rules (${rules.filter((r) => r.frame).length} of them frames, ${rules.filter((r) => r.model).length} a trained model's second opinion), ${new Set(rules.flatMap((r) => r.match)).size} patterns, ${Object.keys(builtinClasses()).length} [word classes](#word-classes). Phrase and frame syntax: see [shared-rules/README.md](../shared-rules/README.md).`,
    '',
  ];
  for (const category of CATEGORIES) {
    const inCat = rules.filter((r) => r.category === category);
    out.push(`## ${TITLES[category]}`, '', `Category id \`${category}\`: ${inCat.length} rules.`, '');
    out.push('| rule | severity | matches | rewrites, prompts or guidance | sources |', '|---|---|---|---|---|');
    for (const r of inCat) {
      r.sources.forEach((s) => used.add(s));
      const off = r.enabled === false ? ' (off by default)' : '';
      const matches = r.frame
        ? `frame: ${r.frame.patterns.map((p) => `\`${p}\``).join(', ')}`
        : r.model
          ? 'a trained model (a second opinion on sentences no rule flagged)'
          : r.match.map((m) => `\`${m}\``).join(', ');
      // The engine's description shows suggestions as a writer sees them (`die~ by suicide` is "die by suicide").
      const d = describeRuleData(r, []);
      out.push(
        `| [\`${r.id}\`](#${r.id}) | ${r.severity} (${d.severityLabel})${off} | ${cell(matches)} | ${cell([...d.rewrites, ...d.prompts, ...d.guidance].join('; '))} | ${r.sources.join(', ')} |`,
      );
    }
    out.push('');
    for (const r of inCat) {
      const d = describeRuleData(r, []);
      out.push(
        `### ${r.id}`,
        '',
        `*${ruleFamily(r.id) ?? 'custom'} · ${r.category} · ${r.severity} (${d.severityLabel})${r.enabled === false ? ' · off by default' : ''}*`,
        '',
      );
      out.push(`**Message.** ${r.message}`, '', `**Why.** ${r.rationale}`, '');
      if (r.frame) {
        const d = describeFrame(r.frame, builtinClasses());
        out.push(
          `**Frame** (${d.scope}). ${d.patterns.map((p) => `${p}.`).join(' Or: ')}${[...d.require, ...d.quiet].map((q) => ` ${q[0].toUpperCase()}${q.slice(1)}.`).join('')}`,
          '',
        );
      }
      if (d.model) {
        const m = d.model;
        out.push(`**Model.** It is ${m.what}. Trained on ${m.trainedOn}. Fires ${m.fires}.`, '');
      }
      const quoted = (list: string[]) => list.map((s) => `“${s}”`).join(' · ');
      if (d.rewrites.length) out.push(`**Rewrites.** ${quoted(d.rewrites)}`, '');
      if (d.prompts.length) out.push(`**Prompts** (inserted only when chosen). ${quoted(d.prompts)}`, '');
      if (d.guidance.length) out.push(`**Guidance** (change the plan, not the words). ${d.guidance.join(' ')}`, '');
      // An example's fixed text, where the rule data gives one, is the rewrite as the engine applies it.
      const flagged = d.examples.flagged
        .slice(0, 2)
        .map((e) => (e.fixed ? `“${e.text}” → “${e.fixed}”` : `“${e.text}”`));
      out.push(`**Flags.** ${flagged.join(' · ')}`, '', `**Stays quiet.** ${quoted(d.examples.fine.slice(0, 2))}`, '');
    }
  }
  out.push(
    '## Word classes',
    '',
    'Frames name these classes (shared-rules/lexicon/*.yaml). A trust can add entries to any of them in `.carelintrc.json` (`"classes": {"police-actor": ["..."]}`) without writing a rule.',
    '',
  );
  out.push('| class | what it is | entries |', '|---|---|---|');
  for (const [name, c] of Object.entries(builtinClasses())) {
    const shown = c.entries
      .slice(0, 8)
      .map((e) => `\`${e}\``)
      .join(', ');
    out.push(
      `| \`${name}\` | ${cell(c.description ?? '')} | ${cell(shown)}${c.entries.length > 8 ? ` and ${c.entries.length - 8} more` : ''} |`,
    );
  }
  out.push('');
  out.push('## Sources', '');
  for (const key of [...used].sort()) {
    const s = sources[key];
    out.push(`- **${key}**: ${s ? s.title : key}${s?.url ? ` <${s.url}>` : ''}`);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1]?.endsWith('build-docs.ts')) {
  writeFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), renderCatalogue());
  console.log('docs/rules.md written');
}
