/** The model rules in words, for `carelint explain`, `carelint rules` and docs/rules.md. */
import { MODEL_DATA } from '../../model/model-data';

export interface ModelDescription {
  what: string;
  trainedOn: string;
  fires: string;
}

export function describeModel(): ModelDescription {
  return {
    what: 'a trained statistical model, not phrases: a softmax regression over the words, word pairs and 5-letter word beginnings of one sentence (CareLint’s second opinion for wording no rule spells out)',
    trainedOn:
      'every rule’s examples, the tuning sets in test/fixtures/tuning, near misses written for it (test/fixtures/model) and 2,000 MTSamples notes as plain clinical text; `npm run train-model` retrains it and a test holds the committed model to a fresh training',
    fires: `on a sentence of ${MODEL_DATA.minWords} or more words that no rule flagged, when the model gives this category a probability of ${MODEL_DATA.threshold} or more, after the same quotation, mention, section and context checks as any rule; the message names the words that weighed most`,
  };
}
