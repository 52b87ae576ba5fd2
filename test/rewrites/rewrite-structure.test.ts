// Fix all on every rule example, the bundled samples and the shared dev sets: each rewrite it applies must keep the
// sentence's structure (a modifier still fits the new head, a determiner is still followed by a noun phrase, a
// complement still has a word to attach to, a person stays a person, one stays one, "in part" does not become
// "not"). The judge is compromise's tagging of the original sentence plus the rewrite's shape
// (test/support/rewrite-structure.ts), not the engine's word lists.
import assert from 'node:assert/strict';
import { lint, planFixes } from '../../shared-rules/src/index';
import { rewriteCorpus } from '../support/rewrite-corpus';
import { structureProblems } from '../support/rewrite-structure';

describe('Fix all keeps the structure of every sentence it rewrites', function () {
  this.timeout(120000);
  it('no rewrite applied to a rule example, a sample or a dev note breaks its sentence', () => {
    const broken: string[] = [];
    let applied = 0;
    for (const { source, text, format } of rewriteCorpus()) {
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
