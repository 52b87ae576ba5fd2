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
    for (const text of [
      // the model's reading of a sentence moves a little with each retraining: a sentence it reads as punitive at
      // 0.98 keeps this test about negation rather than about the threshold
      'We will not be using a behaviour contract.',
      'The team agreed we will not be using a behavioural contract this time.',
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
    const text = 'The team will only return one of her calls per shift and the rest will go unanswered.';
    assert.deepEqual(
      lint(text).map((f) => f.ruleId),
      ['likely-punitive-approach'],
    );
  });
});
