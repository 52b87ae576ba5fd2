/**
 * Trains the statistical second opinion (shared-rules/src/model) and writes shared-rules/model/model-data.ts.
 *   npm run train-model [-- --notes PATH] [-- --check] [-- --l2 N --epochs N --positiveWeight N --keep N]
 * --cv K: K-fold cross-validation of the recipe on the training data (how the threshold and options were chosen).
 * --notes: MTSamples notes.jsonl (default ../shared/corpus/mtsamples/notes.jsonl beside the project or its worktree
 * folder, or $CARELINT_CORPUS). --check: exit 1 when the committed file differs from a fresh training.
 * Never trains on test/fixtures/heldout (the rounds' measurement) or on the shared evaluation sets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES } from '../src/types';
import { crossValidateRecipe, defaultNotesPath, MODEL_FILE, trainModelFile } from './model/pipeline';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const notes = option('notes') ?? defaultNotesPath();
// experiments only (the committed model uses the defaults, which the reproduction test retrains with)
const numeric = (name: string) => (option(name) === undefined ? undefined : Number(option(name)));
const overrides = Object.fromEntries(
  (['epochs', 'l2', 'positiveWeight', 'keep'] as const)
    .map((k) => [k, numeric(k)] as const)
    .filter(([, v]) => v !== undefined),
);
const started = Date.now();
const folds = numeric('cv');
if (folds) {
  for (const r of crossValidateRecipe(notes, folds, overrides)) {
    console.log(
      `p >= ${r.threshold}: positives caught ${r.caught}/${r.positives} (${((100 * r.caught) / r.positives).toFixed(1)}%), written negatives flagged ${r.falseWritten}/${r.written}, note sentences flagged ${r.falseNotes}/${r.notes}`,
    );
    r.byCategory.forEach((k, i) =>
      console.log(
        `  ${CATEGORIES[i]}: caught ${k.caught}/${k.positives}, read on ${k.falseWritten} written negatives and ${k.falseNotes} note sentences`,
      ),
    );
  }
  process.exit(0);
}
const text = trainModelFile(notes, overrides);
if (args.includes('--check')) {
  const same = readFileSync(MODEL_FILE, 'utf8') === text;
  console.log(
    same ? 'model-data.ts is up to date' : 'model-data.ts differs from a fresh training: run npm run train-model',
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(MODEL_FILE, text);
console.log(`wrote ${MODEL_FILE} (${text.length} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
