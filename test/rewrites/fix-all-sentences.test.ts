// Fix all on sentences whose rewrites once broke the record: a rewrite that cannot follow the words around it (a
// plural, a verb form, an auxiliary, an article, the noun it modifies) is not applied, and a frame's clause is never
// replaced by a word. Each line is what `carelint check --fix` writes.
import assert from 'node:assert/strict';
import { applyEdits, lint, planFixes } from '../../shared-rules/src/index';

const fixAll = (text: string) => applyEdits(text, planFixes(text, lint(text)).edits);

const CASES: Array<[string, string]> = [
  ['She demanded to be discharged.', 'She demanded to be discharged.'],
  [
    'Eventually admitted to drinking a bottle of wine a day.',
    'Eventually admitted to drinking a bottle of wine a day.',
  ],
  ['The ward has three bed blockers awaiting placement.', 'The ward has three bed blockers awaiting placement.'],
  ['Two refusals of blood tests this week.', 'Two refusals of blood tests this week.'],
  [
    'He is a borderline who has been admitted four times this year.',
    'He is a person with a diagnosis of borderline personality disorder who has been admitted four times this year.',
  ],
  [
    'Her high intensity behaviour places demands on services.',
    'Her high intensity behaviour places demands on services.',
  ],
  ['Two failed suicide attempts in the past year.', 'Two failed suicide attempts in the past year.'],
  [
    'A regular abuser of opiates, on methadone script.',
    'A regular person with a substance use disorder, on methadone script.',
  ],
  ['He made a successful attempt to end his life in 2015.', 'He made a successful attempt to end his life in 2015.'],
  ['He is a known self-mutilator.', 'He is a known self-mutilator.'],
  ['Known drug seeker, multiple ED visits this month.', 'Known drug seeker, multiple ED visits this month.'],
  ['He is resistant to help from the crisis team.', 'He is resistant to help from the crisis team.'],
  ['Neighbours say she has been acting crazy.', 'Neighbours say she has been acting crazy.'],
  [
    'She is a high intensity user and is discussed monthly.',
    'She is a person with frequent crisis contacts and is discussed monthly.',
  ],
];

describe('fix all keeps the sentence a sentence', () => {
  for (const [before, after] of CASES) it(before, () => assert.equal(fixAll(before), after));

  it('never leaves a subject before a bare infinitive, an auxiliary after "did", or a label before its noun', () => {
    for (const text of [
      'He threatens suicide because he wants attention.',
      'She did not engage with the assessment.',
      'PC Daniels from the high intensity user team will attend her reviews.',
    ]) {
      const out = fixAll(text);
      assert.doesNotMatch(out, /\b(he|she) to\b|\bdid has\b|contacts team\b/i, out);
    }
  });
});
