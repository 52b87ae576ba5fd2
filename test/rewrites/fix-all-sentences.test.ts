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
  // a modifier written for the label ("regular", "heavy", "town", "chronic") cannot go before a rewrite with its own
  // head; "known" and an age describe the person and can
  ['A regular abuser of opiates, on methadone script.', 'A regular abuser of opiates, on methadone script.'],
  ['He is a heavy drug user.', 'He is a heavy drug user.'],
  ['Staff describe him as the town drunk.', 'Staff describe him as the town drunk.'],
  ['Chronic alcoholic, last drink this morning.', 'Chronic alcoholic, last drink this morning.'],
  ['Her brother is a paranoid schizophrenic.', 'Her brother is a paranoid schizophrenic.'],
  [
    'A 34-year-old schizophrenic presented with chest pain.',
    'A 34-year-old person with schizophrenia presented with chest pain.',
  ],
  ['Known epileptic patient, on levetiracetam.', 'Known person with epilepsy, on levetiracetam.'],
  // an uncounted noun cannot follow "a"; without the article it can
  ['Started a cocaine habit at university.', 'Started a cocaine habit at university.'],
  ['Funds his heroin habit through shoplifting.', 'Funds his heroin use through shoplifting.'],
  // an adjective's complement needs an adjective; a determiner needs a noun phrase
  [
    'She can be manipulative with staff when she wants to be admitted.',
    'She can be manipulative with staff when she wants to be admitted.',
  ],
  [
    'Staff describe her manipulativeness as the main barrier to discharge.',
    'Staff describe her manipulativeness as the main barrier to discharge.',
  ],
  ['Her alleged overdose was ten tablets.', 'Her alleged overdose was ten tablets.'],
  ['Her distress is largely manipulative in nature.', 'Her distress is largely manipulative in nature.'],
  ['He is manipulative.', 'He is trying to get his needs met.'],
  ['He is unwilling to take antipsychotic medication.', 'He is not ready to take antipsychotic medication.'],
  // "to do" needs a verb that takes it; "to the nurse" does not
  ['He claims to have taken 30 paracetamol.', 'He claims to have taken 30 paracetamol.'],
  ['He claims to the nurse that he took 30 tablets.', 'He reports to the nurse that he took 30 tablets.'],
  ['Patient is refusing to have a cannula.', 'Patient is declining to have a cannula.'],
  // a person stays a person, a thing a thing
  ['Her cousin was a suicide completer.', 'Her cousin was a suicide completer.'],
  ['She has a borderline personality and is hard to help.', 'She has a borderline personality and is hard to help.'],
  ['Hx IVDU, hep C positive.', 'Hx injecting drug use, hep C positive.'],
  // what was done in part is not denied outright; what was not done may be
  ['Erratic compliance with lithium, level 0.2.', 'Erratic compliance with lithium, level 0.2.'],
  ['She is poorly compliant with her antihypertensives.', 'She is poorly compliant with her antihypertensives.'],
  ['Non complient with the diet sheet.', 'Not following the diet sheet.'],
  // a named substance is clinical information and stays named
  ['Known crack user, sleeping rough.', 'Known crack user, sleeping rough.'],
  ['He is a former heroin addict.', 'He is a former heroin addict.'],
  ['Known alcohol abuser, CIWA started.', 'Known alcohol abuser, CIWA started.'],
  ['Known drug addict, last used two days ago.', 'Known person with a substance use disorder, last used two days ago.'],
  // a clause is not listed among adjectives
  ['Poorly engaged, lazy and reluctant to get up.', 'Poorly engaged, lazy and reluctant to get up.'],
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
