// Discriminatory and doubt frames crossed over their word classes (lexicon/attitude.yaml): every diagnosis ×
// every ruling-out of care fires, either way round, and every other reason quiets it; every capacity claim ×
// every permission fires when the sentence is about dying; every denial × connector × observation fires.
import assert from 'node:assert/strict';
import { builtinClasses, lint, parsePhrase, type PhraseNode } from '../shared-rules/src/index';

/** One plain spelling of a class entry: first alternative of each group, optional groups left out. */
function spell(entry: string): string {
  const walk = (seq: PhraseNode[]): string[] =>
    seq.flatMap((n) =>
      n.kind === 'word' ? [n.parts.join('-')] : n.kind === 'alts' ? (n.optional ? [] : walk(n.alts[0])) : [],
    );
  return walk(parsePhrase(entry)).join(' ');
}

const classes = builtinClasses();
const entries = (cls: string) => classes[cls].entries.map(spell);
const fires = (text: string, rule: string) => lint(text).some((f) => f.ruleId === rule);

describe('frames: a diagnosis used to exclude care', () => {
  const diagnoses = entries('personality-diagnosis');
  const exclusions = entries('care-exclusion');

  it(`every diagnosis (${diagnoses.length}) × every ruling-out of care (${exclusions.length}) fires, either way round`, () => {
    const missed: string[] = [];
    for (const dx of diagnoses)
      for (const ex of exclusions) {
        for (const text of [`Known ${dx}, so ${ex} at present.`, `Reviewed today: ${ex}, given the ${dx}.`]) {
          if (!fires(text, 'diagnosis-excludes-care')) missed.push(text);
        }
      }
    assert.deepEqual(missed, []);
  });

  it("every other reason (a physical one, the person's own wish) quiets it", () => {
    const loud: string[] = [];
    for (const reason of entries('exclusion-other-reason'))
      for (const ex of exclusions) {
        const text = `Known EUPD; ${reason} - ${ex}.`.replace('; ', ', ');
        if (fires(text, 'diagnosis-excludes-care')) loud.push(text);
      }
    assert.deepEqual(loud, []);
  });

  it('a diagnosis alone, or care ruled out alone, stays quiet', () => {
    assert.equal(fires('She has a diagnosis of EUPD and was admitted informally.', 'diagnosis-excludes-care'), false);
    assert.equal(
      fires('Not for admission tonight; home treatment team to visit at 9.', 'diagnosis-excludes-care'),
      false,
    );
  });

  it('reads across a semicolon after a word or two that head what follows, not after a statement', () => {
    for (const text of ['PD; no role for secondary care.', 'Known EUPD; not suitable for admission.'])
      assert.equal(fires(text, 'diagnosis-excludes-care'), true, text);
    for (const text of [
      'She has had a diagnosis of EUPD since 2019; no role for secondary care in her diabetes.',
      'In an emergency call 999; police may attend.',
    ])
      assert.equal(fires(text, 'diagnosis-excludes-care'), false, text);
  });
});

describe('frames: capacity framed as a choice to die', () => {
  const claims = entries('capacity-claim');
  const permissions = entries('choice-permission');

  it(`every capacity claim (${claims.length}) × every permission (${permissions.length}) fires about an overdose`, () => {
    const missed: string[] = [];
    for (const claim of claims)
      for (const permission of permissions) {
        const text = `She ${claim} and after the overdose ${permission}.`;
        if (!fires(text, 'capacity-and-choice-to-die')) missed.push(text);
      }
    assert.deepEqual(missed, []);
  });

  it('a capacity claim about another decision, lacking capacity and end-of-life care stay quiet', () => {
    assert.equal(
      fires(
        'She has capacity to consent to the hip operation and chose the morning list.',
        'capacity-and-choice-to-die',
      ),
      false,
    );
    for (const lacking of entries('capacity-lacking')) {
      const text = `He ${lacking} and after the overdose it is his choice.`;
      assert.equal(fires(text, 'capacity-and-choice-to-die'), false, text);
    }
    assert.equal(
      fires(
        'He has capacity and, with motor neurone disease, it is his choice whether to die at the hospice.',
        'capacity-and-choice-to-die',
      ),
      false,
    );
  });
});

describe('frames: a denial set against an observation', () => {
  it('every use × every connector × every observation fires; a review of systems stays quiet', () => {
    const missed: string[] = [];
    for (const use of entries('use-object'))
      for (const connector of entries('doubt-connector'))
        for (const seen of entries('contrary-evidence')) {
          const text = `He denies ${use} ${connector} ${seen} noted by the nurse.`;
          if (!fires(text, 'denies-despite')) missed.push(text);
        }
    assert.deepEqual(missed, []);
    assert.equal(fires('Denies chest pain but reports shortness of breath.', 'denies-despite'), false);
    assert.equal(fires('She denies suicidal thoughts despite the recent bereavement.', 'denies-despite'), false);
  });
});
