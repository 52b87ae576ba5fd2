// Every rule's own examples are tests: each `match` sentence must be flagged by that rule,
// each `noMatch` sentence must not be, and `fixed` pins the first rewrite.
import assert from 'node:assert/strict';
import { builtinRules, builtinRuleSet, checkRuleExample, testRule, CATEGORIES } from '../shared-rules/src/index';

const rules = builtinRules();

describe('rule packs', () => {
  it('compile into one rule set', () => {
    assert.equal(builtinRuleSet().rules.length, rules.length);
  });

  it('cover at least 150 distinct terms or patterns, each rule with a suggestion or guidance and a source', () => {
    const phrases = new Set(rules.flatMap((r) => r.match.map((m) => m.toLowerCase())));
    assert.ok(phrases.size >= 150, `only ${phrases.size} distinct patterns`);
    for (const r of rules) {
      assert.ok(r.suggestions.length + (r.guidance?.length ?? 0) >= 1, `${r.id} has neither suggestion nor guidance`);
      assert.ok(r.sources.length >= 1, `${r.id} cites no source`);
    }
  });

  it('use every category', () => {
    for (const c of CATEGORIES)
      assert.ok(
        rules.some((r) => r.category === c),
        `no rule in ${c}`,
      );
  });
});

const ruleSet = builtinRuleSet();
for (const rule of rules) {
  describe(`rule ${rule.id}`, () => {
    rule.examples.match.forEach((example, i) => {
      it(`flags: ${typeof example === 'string' ? example : example.text}`, () => {
        assert.equal(checkRuleExample(ruleSet, rule, 'match', i)?.message, undefined);
      });
    });
    rule.examples.noMatch.forEach((text, i) => {
      it(`stays quiet: ${text}`, () => {
        assert.equal(checkRuleExample(ruleSet, rule, 'noMatch', i)?.message, undefined);
      });
    });
    it('writes no example twice', () => {
      assert.deepEqual(
        testRule(ruleSet, rule).filter((f) => f.message.startsWith('the same example')),
        [],
      );
    });
  });
}

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the rule data and up to date (run `npm run docs`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { renderCatalogue } = await import('../shared-rules/scripts/build-docs.ts');
    assert.equal(readFileSync('docs/rules.md', 'utf8'), renderCatalogue());
  });

  it("shows rewrites as a writer sees them (the engine's describeRuleData), never a raw template such as `die~`", async () => {
    const { renderCatalogue } = await import('../shared-rules/scripts/build-docs.ts');
    const docs = renderCatalogue();
    const rewriteLines = docs.split('\n').filter((l) => l.startsWith('**Rewrites.**'));
    assert.ok(rewriteLines.length > 50, `rewrite lines: ${rewriteLines.length}`);
    assert.deepEqual(
      rewriteLines.filter((l) => l.includes('~')),
      [],
    );
    assert.match(docs, /“die by suicide”/);
    assert.match(docs, /\| warning \(Review\) \|/);
  });
});
