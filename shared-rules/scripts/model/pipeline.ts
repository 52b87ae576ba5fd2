/** Rules + tuning sets + near misses + notes → the model file's text: one function for the script and the test. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleData } from '../../src/types';
import { renderModelFile } from './render';
import { triggerHashes } from './triggers';
import { crossValidate } from './cross-validate';
import { buildSamples, jsonlIn, type Samples } from './samples';
import { DEFAULT_TRAINING, pruneAndQuantise, type TrainOptions, trainFloat } from './train';

const ROOT = join(__dirname, '..', '..', '..');
export const MODEL_FILE = join(ROOT, 'shared-rules', 'model', 'model-data.ts');
/** The labelled sets trained on. test/fixtures/heldout is the rounds' measurement and is never read here. */
export const LABELLED_DIRS = [join(ROOT, 'test', 'fixtures', 'tuning'), join(ROOT, 'test', 'fixtures', 'model')];
export const MODEL_USE = { threshold: 0.95, minWords: 6, trigger: 24 };

/** The notes beside the project (or beside its worktree folder), as the bench looks for them. */
export function notesCandidates(): string[] {
  const chosen = process.env.CARELINT_CORPUS;
  if (chosen) return [chosen];
  return [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')].map((d) =>
    join(d, 'corpus', 'mtsamples', 'notes.jsonl'),
  );
}

export const defaultNotesPath = (): string => notesCandidates().find(existsSync) ?? notesCandidates()[0];

/** The built rule data (npm run build writes it), examples included. */
function builtRules(): RuleData[] {
  const path = join(ROOT, 'shared-rules', 'generated', 'rules.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { rules: RuleData[] }).rules;
}

function samplesFor(notesFile: string, seed: number): Samples {
  if (!existsSync(notesFile))
    throw new Error(
      `The MTSamples notes the model trains on are missing: ${notesFile} (pass --notes PATH or set CARELINT_CORPUS)`,
    );
  return buildSamples({
    rules: builtRules(),
    labelledFiles: LABELLED_DIRS.filter(existsSync).flatMap(jsonlIn),
    notesFile,
    seed,
  });
}

export function crossValidateRecipe(notesFile: string, folds: number, overrides: Partial<TrainOptions> = {}) {
  const o = { ...DEFAULT_TRAINING, ...overrides };
  return crossValidate(samplesFor(notesFile, o.seed), o, folds, [0.8, 0.9, 0.95, 0.97, 0.99], MODEL_USE.minWords);
}

export function trainModelFile(notesFile: string, overrides: Partial<TrainOptions> = {}): string {
  const o = { ...DEFAULT_TRAINING, ...overrides };
  const samples = samplesFor(notesFile, o.seed);
  const m = pruneAndQuantise(trainFloat(samples, o), o.keep);
  const positives = samples.labels.reduce((n, y) => n + (y > 0 ? 1 : 0), 0);
  return renderModelFile(
    m,
    triggerHashes(m, samples.vocabulary, MODEL_USE.trigger, samples.common),
    MODEL_USE,
    `${samples.labels.length} sentences (${positives} flagged), ${o.epochs} epochs, L2 ${o.l2}, positives ${o.positiveWeight}:1, seed ${o.seed}, ${m.buckets.length} features kept`,
  );
}
