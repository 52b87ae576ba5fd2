// The committed model (shared-rules/model/model-data.ts) must be exactly what `npm run train-model` makes from the
// data in the repository and the MTSamples notes: no hand-edited weights, no model trained on other data.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { defaultNotesPath, MODEL_FILE, trainModelFile } from '../shared-rules/scripts/model/pipeline';

describe('model reproduction', () => {
  const notes = defaultNotesPath();
  if (!existsSync(notes)) {
    // pending, never passing: a checkout without the corpus cannot tell whether the model is reproducible
    it(
      `retrains to the committed model byte for byte (pending: the MTSamples notes are missing at ${notes}; set CARELINT_CORPUS)`,
    );
    return;
  }
  it('retrains to the committed model byte for byte (run `npm run train-model` after changing rules or fixtures)', function () {
    this.timeout(180_000);
    const committed = readFileSync(MODEL_FILE, 'utf8');
    const fresh = trainModelFile(notes);
    assert.ok(
      fresh === committed,
      'shared-rules/model/model-data.ts differs from a fresh training: run npm run train-model',
    );
  });
});
