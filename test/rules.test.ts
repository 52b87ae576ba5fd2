// Every rule's own examples are tests: each `match` sentence must be flagged by that rule,
// each `noMatch` sentence must not be, and `fixed` pins the first rewrite.
import assert from 'node:assert/strict';
import { applyFixes, builtinRules, builtinRuleSet, lint, CATEGORIES } from '../shared-rules/src/index';

const rules = builtinRules();

describe('rule packs', () => {
  it('compile into one rule set', () => {
    assert.equal(builtinRuleSet().rules.length, rules.length);
  });

  it('cover at least 150 distinct terms or patterns, each rule with a suggestion and a source', () => {
    const phrases = new Set(rules.flatMap((r) => r.match.map((m) => m.toLowerCase())));
    assert.ok(phrases.size >= 150, `only ${phrases.size} distinct patterns`);
    for (const r of rules) {
      assert.ok(r.suggestions.length >= 1, `${r.id} has no suggestion`);
      assert.ok(r.sources.length >= 1, `${r.id} cites no source`);
    }
  });

  it('use every category', () => {
    for (const c of CATEGORIES) assert.ok(rules.some((r) => r.category === c), `no rule in ${c}`);
  });
});

for (const rule of rules) {
  describe(`rule ${rule.id}`, () => {
    // each rule is tested on its own (every other rule off): a frame that covers the same sentence with a longer
    // span would otherwise replace the phrase rule's finding; off-by-default rules are switched on here too
    const options = { categories: Object.fromEntries(CATEGORIES.map((c) => [c, false])), rules: { [rule.id]: true } };
    for (const example of rule.examples.match) {
      const ex = typeof example === 'string' ? { text: example } : example;
      it(`flags: ${ex.text}`, () => {
        const own = lint(ex.text, options).filter((f) => f.ruleId === rule.id);
        assert.ok(own.length > 0, `not flagged; all findings: ${JSON.stringify(lint(ex.text, options).map((f) => [f.ruleId, f.text]))}`);
        if ('flagged' in ex && ex.flagged) assert.equal(own[0].text, ex.flagged);
        if ('fixed' in ex && ex.fixed !== undefined) assert.equal(applyFixes(ex.text, own), ex.fixed);
      });
    }
    for (const text of rule.examples.noMatch) {
      it(`stays quiet: ${text}`, () => {
        const own = lint(text, options).filter((f) => f.ruleId === rule.id);
        assert.deepEqual(own.map((f) => f.text), []);
      });
    }
  });
}

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the rule data and up to date (run `npm run docs`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderCatalogue } = await import('../shared-rules/scripts/build-docs.ts');
    assert.equal(readFileSync('docs/rules.md', 'utf8'), renderCatalogue());
  });
});
