// The sample notes `npm start` checks first are what a new user sees: the clean note must stay clean (its traps are
// "wound clean", a person's own choice not to start medication, and police at a road traffic collision), and together
// the others must show all four categories.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkJson, ROOT, type JsonFinding } from './support/cli';

describe('bundled sample notes', () => {
  let code: number | null = null;
  let byName = new Map<string, JsonFinding[]>();
  before(() => {
    const run = checkJson([join(ROOT, 'samples')]);
    code = run.code;
    byName = new Map(run.files.map((f) => [f.file.split(/[\\/]/).pop()!, f.findings]));
  });

  it('the clean note has no findings', () => {
    assert.deepEqual(
      byName.get('clean-note.txt')?.map((f) => `${f.ruleId}: ${f.text}`),
      [],
    );
  });

  it('every other sample is flagged, all four categories between them, and the check exits 1', () => {
    assert.equal(code, 1);
    const categories = new Set<string>();
    for (const name of ['crisis-plan.txt', 'discharge-letter.html', 'ward-note.md']) {
      const findings = byName.get(name);
      assert.ok(findings && findings.length >= 3, `${name}: ${findings?.length} findings`);
      for (const f of findings) categories.add(f.category);
    }
    assert.deepEqual([...categories].sort(), [
      'discriminatory-attitude',
      'police-involvement',
      'punitive-approach',
      'stigmatizing-language',
    ]);
  });
});
