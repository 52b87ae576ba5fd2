// Context checks that decide whether a hit is about the person at all (issue 11): negation bound to its own head,
// scare quotes, <q> quotations in HTML, and sentences that advise against or criticise a practice.
// A small rule set is compiled here so the tests hold whatever the rule packs say.
import assert from 'node:assert/strict';
import { compileRuleSet, lint, regularInflect, type RuleData } from '../shared-rules/src/index';

function rule(over: Partial<RuleData> & Pick<RuleData, 'id' | 'match'>): RuleData {
  return {
    category: 'stigmatizing-language',
    severity: 'warning',
    message: 'm',
    rationale: 'r',
    sources: ['test'],
    suggestions: ['x'],
    examples: { match: ['x'], noMatch: ['y'] },
    ...over,
  };
}

const rs = compileRuleSet(
  [
    rule({ id: 'combative', match: ['combative', 'aggressive', 'attention seeking'], context: { negatable: true } }),
    rule({ id: 'scare', match: ['(in)? pain', 'hearing voices'], context: { scareQuotes: true } }),
    rule({
      id: 'contract',
      category: 'punitive-approach',
      match: ['behavioural contract~', 'police led mentoring'],
      suggestions: ['[describe the plan agreed with the person]'],
    }),
    rule({ id: 'demanding', match: ['demanding', 'rude'], context: { aboutThePerson: true } }),
    rule({ id: 'demanding-anyone', match: ['hysterical'] }),
    rule({
      id: 'label',
      category: 'discriminatory-attitude',
      match: ['(frequent|repeat) (caller~|attender~)', 'high intensity (user~|use)', 'HIU~'],
      context: { nameOfService: true },
    }),
    rule({ id: 'label-anywhere', category: 'discriminatory-attitude', match: ['serial caller~'] }),
  ],
  regularInflect,
);

const found = (text: string, format?: 'html') =>
  lint(text, { ruleSet: rs, ...(format ? { format } : {}) }).map((f) => `${f.ruleId}:${f.text}`);

/** Each text gives no finding (the text names the failing case). */
const staysQuiet = (texts: string[]) => {
  for (const text of texts) assert.deepEqual(found(text), [], text);
};

describe('negation binds to its own head', () => {
  it('still negates a hit in the negator\'s own phrase, across a list and through "to be"', () => {
    staysQuiet([
      'Not combative on the ward.',
      'No evidence of combative behaviour.',
      'No fever, distress or combative behaviour.',
      'He is not known to be aggressive.',
      'She did not become aggressive.',
    ]);
  });

  it('stops at a verb that takes the negation for itself', () => {
    assert.deepEqual(found('He does not recall becoming combative.'), ['combative:combative']);
    assert.deepEqual(found('She cannot remember being aggressive to staff.'), ['combative:aggressive']);
    assert.deepEqual(found('He did not stop being aggressive until the police left.'), ['combative:aggressive']);
  });

  it('stops at a word that opens another clause', () => {
    assert.deepEqual(found('Not frightened but aggressive on arrival.'), ['combative:aggressive']);
    assert.deepEqual(found('No injuries when he became combative.'), ['combative:combative']);
  });

  it('does not deny a comparison that asserts the quality', () => {
    assert.deepEqual(found('He has never been as combative as this time.'), ['combative:combative']);
    assert.deepEqual(found('She has never been this aggressive before.'), ['combative:aggressive']);
  });

  it('carries into the clause of a judgement verb ("it is not felt that …")', () => {
    assert.deepEqual(found('It is not thought that his cutting is attention seeking.'), []);
    assert.deepEqual(found('It is not clear, and her self-harm is attention seeking.'), [
      'combative:attention seeking',
    ]);
  });
});

describe('scare quotes', () => {
  it('flag a symptom that is the whole of its quotation, marks included', () => {
    assert.deepEqual(found("Patient 'in pain', asking for more."), ["scare:'in pain'"]);
    assert.deepEqual(found('She was "hearing voices." last night'), ['scare:"hearing voices."']);
  });

  it('leave a quoted sentence and unquoted words alone', () => {
    assert.deepEqual(found('She said "I am in pain" and cried.'), []);
    assert.deepEqual(found('She is in pain.'), []);
  });

  it('read guillemets and low-9 marks as quotation marks, in the pairs each language uses', () => {
    for (const [open, close] of [
      ['\u00ab', '\u00bb'], // « » French
      ['\u00bb', '\u00ab'], // » « German
      ['\u201e', '\u201c'], // „ “ German
      ['\u201e', '\u201d'], // „ ” Polish
      ['\u201a', '\u2018'], // ‚ ‘ German single
      ['\u2039', '\u203a'], // ‹ › single guillemets
    ]) {
      assert.deepEqual(found(`Patient ${open}in pain${close}, asking for more.`), [`scare:${open}in pain${close}`]);
      assert.deepEqual(found(`She said ${open}I am combative${close} and cried.`), []);
    }
  });

  it('leave a stray closing guillemet and a mail-merge field alone', () => {
    assert.deepEqual(found('She is in pain\u00bb and combative.'), ['combative:combative']);
    assert.deepEqual(found('Dear \u00abPatient_Name\u00bb, you were combative.'), ['combative:combative']);
  });

  it('take in an HTML entity quotation mark whole', () => {
    assert.deepEqual(found('<p>She is &quot;in pain&quot; again.</p>', 'html'), ['scare:&quot;in pain&quot;']);
  });
});

describe('quotations in HTML', () => {
  it('<q> keeps its words quoted, so a term in it stays quiet', () => {
    assert.deepEqual(found('<p>She said <q>I am combative</q> and laughed.</p>', 'html'), []);
    assert.deepEqual(found('<p>She said <b>I am combative</b> and laughed.</p>', 'html'), ['combative:combative']);
  });
});

describe('advice against or criticism of a practice is a mention', () => {
  it('stays quiet when the sentence advises against, opposes or bans the practice', () => {
    staysQuiet([
      'NICE advises against behavioural contracts for people who self-harm.',
      'The campaign opposed police-led mentoring in the trust.',
      'Service users criticised the use of behavioural contracts.',
      'Trust policy now bans behavioural contracts.',
    ]);
  });

  it('hears "the term" as a word being talked about, not a school term or a full-term birth', () => {
    assert.deepEqual(found('The term combative blames the patient.'), []);
    for (const text of [
      'She was combative at school this term.',
      'He was aggressive towards staff at the end of the term.',
      'The term ends soon and she has been combative at home.',
    ])
      assert.deepEqual(
        found(text),
        [text.includes('aggressive') ? 'combative:aggressive' : 'combative:combative'],
        text,
      );
  });

  it('hears labelling or describing people as a word is a mention, in the present tense too', () => {
    staysQuiet([
      'Notes should not describe people as combative.',
      'Staff described patients as combative in the audit.',
      'We label people as attention seeking too readily.',
    ]);
  });

  it('still flags the practice itself', () => {
    assert.deepEqual(found('A behavioural contract was agreed with her.'), ['contract:behavioural contract']);
    assert.deepEqual(found('She opposed the behavioural contract the team wrote.'), ['contract:behavioural contract']);
  });
});

describe('policy, evidence and teaching text about a practice is a mention', () => {
  it('stays quiet under a label naming guidance, evidence, a survey or teaching', () => {
    staysQuiet([
      'NICE CG16: a behavioural contract must not stand in for an assessment.',
      'Research summary: behavioural contracts did not lower repeat presentations.',
      'Survey findings: half the nurses had heard a patient called combative this month.',
      'Notes audit: a behavioural contract was found in 12 of 40 records.',
      '## Teaching points: police led mentoring and why it ended',
    ]);
  });

  it('still flags under a plan, a board paper or a reflective log, and after a label that does not start its line', () => {
    assert.deepEqual(found('Care plan: behavioural contract to be signed on Monday.'), [
      'contract:behavioural contract',
    ]);
    assert.deepEqual(found('Board paper: a behavioural contract for each of the ten callers.'), [
      'contract:behavioural contract',
    ]);
    assert.deepEqual(found('Reflective log: she was combative again.'), ['combative:combative']);
    assert.deepEqual(found('Seen today. Research summary: behavioural contract discussed.'), [
      'contract:behavioural contract',
    ]);
  });

  it('stays quiet when the practice has been retired, in the passive too', () => {
    staysQuiet([
      'The police led mentoring scheme was decommissioned last spring.',
      'Behavioural contracts, which the crisis team wrote for years, have now been rescinded.',
      'Behavioural contracts are no longer to be used on the ward.',
      'The trust stopped using behavioural contracts in 2022.',
    ]);
  });

  it("still flags a sanction that closes something of the person's", () => {
    assert.deepEqual(found('Under the behavioural contract her crisis bed was closed.'), [
      'contract:behavioural contract',
    ]);
    assert.deepEqual(found('Breach the behavioural contract and your case will be closed.'), [
      'contract:behavioural contract',
    ]);
    assert.deepEqual(found('She stopped using cocaine but is still combative.'), ['combative:combative']);
    assert.deepEqual(found('In line with the behavioural contract, crisis line contact has been paused.'), [
      'contract:behavioural contract',
    ]);
  });

  it('stays quiet when critics, a statement or an annex say what is wrong with it, or when labelling is the topic', () => {
    staysQuiet([
      'Critics say police led mentoring put people off calling for help.',
      'The position statement says a behavioural contract must never replace a care plan.',
      'Labelling people combative closes down curiosity about what happened.',
      'In supervision we talked about labelling him as combative.',
      'NHSE asked trusts to review any police led mentoring.',
      'Support must not be withheld under a behavioural contract.',
    ]);
  });
});

describe('a descriptor said of someone or something else', () => {
  it('stays quiet for a relative, a member of staff or a task', () => {
    staysQuiet([
      'Her husband was rude to the receptionist.',
      "Her mother's boyfriend is very demanding.",
      'Looking after his elderly father is demanding.',
      'The job is demanding and she is tired.',
    ]);
  });

  it('still flags the person, whoever reports it', () => {
    assert.deepEqual(found('Her husband says she is very demanding.'), ['demanding:demanding']);
    assert.deepEqual(found('She was rude to her mother on the phone.'), ['demanding:rude']);
    assert.deepEqual(found('Rude to staff.'), ['demanding:Rude']);
  });

  it('only for rules that ask for it', () => {
    assert.deepEqual(found('Her mother was hysterical.'), ['demanding-anyone:hysterical']);
  });
});

describe('a label inside the name of a plan, protocol, team or role', () => {
  it('stays quiet when a plan, protocol, policy, team or role follows it', () => {
    staysQuiet([
      'Repeat caller support plan for Mr T agreed with the crisis line.',
      'Discharged from the frequent attender pathway in June.',
      'Reviewed under the trust high intensity use response plan.',
      'The HIU coordinator sent the minutes round.',
      'Seen by the frequent attender service this morning.',
      'Copy to the repeat caller team.',
    ]);
  });

  it('stays quiet in a short heading line that names a plan', () => {
    assert.deepEqual(found('CRISIS RESPONSE PLAN - REPEAT CALLER\nName: Mr T.'), []);
    assert.deepEqual(found('# Joint Plan: Frequent Attender (ED)\nReviewed monthly.'), []);
    assert.deepEqual(found('Support Plan - Frequent Caller\nSeen weekly.'), []);
  });

  it('still flags the label said of the person, or a tag with no plan named', () => {
    assert.deepEqual(found('He is a frequent caller and the team know him well.'), ['label:frequent caller']);
    assert.deepEqual(found('Alert: high intensity user'), ['label:high intensity user']);
    assert.deepEqual(found('Repeat attender who likes the fuss the nurses make of her.'), ['label:Repeat attender']);
    // a plan named later in the sentence, past punctuation, does not make the label a name
    assert.deepEqual(found('Frequent attender, plan as before.'), ['label:Frequent attender']);
    // a long line in capitals is a sentence, not a heading
    assert.deepEqual(found('PLAN: SHE IS A REPEAT CALLER AND WILL BE TOLD THAT THE TEAM WILL NOT CALL BACK TONIGHT'), [
      'label:REPEAT CALLER',
    ]);
    // a heading's words from its start to the label must be a title
    assert.deepEqual(found('Plan: she is a repeat caller'), ['label:repeat caller']);
  });

  it('only for rules that ask for it', () => {
    assert.deepEqual(found('Serial caller protocol reviewed.'), ['label-anywhere:Serial caller']);
  });
});
