// Fix all on every rule example, the bundled samples and the shared dev sets: each rewrite it applies must keep the
// sentence's structure (a modifier still fits the new head, a determiner is still followed by a noun phrase, a
// complement still has a word to attach to, a person stays a person, one stays one, "in part" does not become
// "not"). The judge is compromise's tagging of the original sentence plus the rewrite's shape
// (test/support/rewrite-structure.ts), not the engine's word lists.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, lint, planFixes, type TextFormat } from '../../shared-rules/src/index';
import { ROOT } from '../support/cli';
import { structureProblems } from '../support/rewrite-structure';

function texts(): Array<{ source: string; text: string; format: TextFormat }> {
  const out: Array<{ source: string; text: string; format: TextFormat }> = [];
  for (const rule of builtinRules())
    for (const e of rule.examples.match)
      out.push({ source: rule.id, text: typeof e === 'string' ? e : e.text, format: 'plaintext' });
  for (const name of readdirSync(join(ROOT, 'samples'))) {
    const format = name.endsWith('.md') ? 'markdown' : name.endsWith('.html') ? 'html' : 'plaintext';
    out.push({ source: `samples/${name}`, text: readFileSync(join(ROOT, 'samples', name), 'utf8'), format });
  }
  // the shared evaluation sets sit beside the project (read-only) in the main checkout; read, never copied in
  for (const set of ['dev.jsonl', 'dev2.jsonl']) {
    const file = join(ROOT, '..', 'shared', 'eval', set);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { id: string; text: string; ext?: string };
      const format = item.ext === 'md' ? 'markdown' : item.ext === 'html' ? 'html' : 'plaintext';
      out.push({ source: `${set} ${item.id}`, text: item.text, format });
    }
  }
  return out;
}

describe('Fix all keeps the structure of every sentence it rewrites', function () {
  this.timeout(120000);
  it('no rewrite applied to a rule example, a sample or a dev note breaks its sentence', () => {
    const broken: string[] = [];
    let applied = 0;
    for (const { source, text, format } of texts()) {
      for (const edit of planFixes(text, lint(text, { format }), { format }).edits) {
        applied++;
        const problems = structureProblems({ text, start: edit.start, end: edit.end, rewrite: edit.newText });
        if (problems.length)
          broken.push(
            `${edit.finding.ruleId} (${source}): "${text.slice(Math.max(0, edit.start - 40), edit.end + 40)}" → "${edit.newText}": ${problems.join('; ')}`,
          );
      }
    }
    if (process.env.CARELINT_REWRITE_REPORT) console.log(`${applied} rewrites applied, ${broken.length} broken`);
    assert.ok(applied > 150, `only ${applied} rewrites applied`);
    assert.deepEqual(broken, []);
  });
});
