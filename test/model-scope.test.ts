// Where the model may speak: not over a rule's own judgement of the same wording.
import { strict as assert } from 'node:assert';
import { builtinRules, lint } from '../shared-rules/src/index';
import { modelReading } from '../shared-rules/src/model/score';

const modelRules = new Set(
  builtinRules()
    .filter((r) => r.model)
    .map((r) => r.id),
);

describe('model scope', () => {
  it('leaves a sentence alone where a rule found its wording negated (the model weighs words, not negation)', () => {
    // dev2's 'We will not be using a behavioural contract.' no longer reads as sure to the model alone (0.79 after the
    // written discriminatory/stigma data), so the negation is exercised on sentences the model still reads as punitive
    for (const text of [
      'We will not be using a behavioural contract to limit her attendances.',
      'The team agreed we will not be using a behavioural contract to restrict his visits to the ED.',
    ]) {
      // the sentence alone reads as punitive to the model, so only the negated rule wording can keep it quiet
      const alone = modelReading(text);
      assert.deepEqual(
        { category: alone.category, sure: alone.sure },
        { category: 'punitive-approach', sure: true },
        text,
      );
      const byModel = lint(text).filter((f) => modelRules.has(f.ruleId));
      assert.deepEqual(
        byModel.map((f) => f.ruleId),
        [],
        text,
      );
    }
  });

  it('still reads a sentence that holds no rule wording', () => {
    const text = 'If he keeps ringing the ward at night, his outpatient slot will be given to someone else.';
    assert.deepEqual(
      lint(text).map((f) => f.ruleId),
      ['likely-punitive-approach'],
    );
  });
});
