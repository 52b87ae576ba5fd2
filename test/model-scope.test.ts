// Where the model may speak: not over a rule's own judgement of the same wording.
import { strict as assert } from 'node:assert';
import { builtinRules, lint, LintSession, type LintOptions } from '../shared-rules/src/index';
import { modelReading } from '../shared-rules/src/model/score';

const modelRules = new Set(
  builtinRules()
    .filter((r) => r.model)
    .map((r) => r.id),
);

describe('model scope', () => {
  it('leaves a sentence alone where a rule found its wording negated (the model weighs words, not negation)', () => {
    const texts = [
      'We will not be using a behavioural contract.',
      'We will not be using a behaviour contract.',
      'The team agreed we will not be using a behavioural contract this time.',
      'We will not be issuing a behavioural contract.',
      'We will not be using a behavioural contract to limit her attendances.',
      'The team agreed we will not be using a behavioural contract to restrict his visits to the ED.',
    ];
    // the model marks a negated word itself since session 8 (the first sentence alone: p 0.91, under the threshold),
    // so only some of these still read as punitive alone: those are the ones only the negated rule wording keeps quiet
    const sureAlone = texts.filter((t) => {
      const alone = modelReading(t);
      return alone.category === 'punitive-approach' && alone.sure;
    });
    assert.ok(sureAlone.length > 0, 'no sentence reads as punitive to the model alone: the test checks nothing');
    for (const text of texts) {
      const byModel = lint(text).filter((f) => modelRules.has(f.ruleId));
      assert.deepEqual(
        byModel.map((f) => f.ruleId),
        [],
        text,
      );
    }
  });

  // A punitive instruction the rules leave to the model: the first candidate it still reads so (its readings move a
  // little with each retraining, and a rule written since may take a candidate over, as calls-left-unanswered took
  // "the rest will go unanswered").
  const modelOnly = [
    'The team will only return one of her calls per shift and the rest will be logged.',
    'Her calls will only be returned once per shift by the team.',
    'The team will only return one of her calls per shift, the rest will be left.',
    'Her weekly sessions are to be spaced out to monthly while the calls carry on.',
    'Her key worker will be changed if she keeps ringing the office.',
  ].find((t) => {
    const ids = lint(t).map((f) => f.ruleId);
    return ids.length === 1 && ids[0] === 'likely-punitive-approach';
  });

  it('has a punitive instruction that only the model reads', () => {
    assert.ok(modelOnly, 'every candidate is flagged by a rule or read otherwise: write another');
  });

  it('reads a punitive instruction in a plan, and leaves it alone reported under a history heading', () => {
    const text = modelOnly ?? '';
    assert.deepEqual(
      lint(`Plan:\n\n${text}`).map((f) => f.ruleId),
      ['likely-punitive-approach'],
    );
    assert.deepEqual(
      lint(`History:\n\n${text}`).map((f) => f.ruleId),
      [],
    );
  });

  it('still reads a sentence that holds no rule wording', () => {
    const text = modelOnly ?? '';
    assert.deepEqual(
      lint(text).map((f) => f.ruleId),
      ['likely-punitive-approach'],
    );
  });

  describe('a sentence the user quieted for a rule stays quiet', () => {
    // the model alone reads the sentence as the rule's category, so only the rule's claim keeps the model off it; the
    // model's readings move a little with each retraining, so the first candidate it still reads so is the one used
    const candidates = [
      { text: 'He thrives on the attention of the crisis team.', rule: 'enjoys-the-attention' },
      { text: 'She is being manipulative with the nurses again.', rule: 'manipulative' },
      { text: 'Her self-harm is attention seeking behaviour aimed at staff.', rule: 'attention-seeking' },
      { text: 'He is playing the system to get a bed on the ward.', rule: 'staff-feel-played' },
    ];
    // the model alone reads it in the rule's category, and that rule alone flags it
    const readByModel = (c: { text: string; rule: string }) => {
      const alone = modelReading(c.text);
      const category = builtinRules().find((r) => r.id === c.rule)?.category;
      const ids = lint(c.text).map((f) => f.ruleId);
      return alone.sure && alone.category === category && ids.length === 1 && ids[0] === c.rule;
    };
    const { text, rule } = candidates.find(readByModel) ?? candidates[0];
    const ruleIds = (t: string, options: LintOptions = {}) => lint(t, options).map((f) => f.ruleId);
    const sessionIds = (t: string, options: LintOptions = {}) =>
      new LintSession(t, options).findings().map((f) => f.ruleId);

    it("is a sentence the model reads in the rule's category and the rule flags", () => {
      const category = builtinRules().find((r) => r.id === rule)!.category;
      const alone = modelReading(text);
      assert.deepEqual({ category: alone.category, sure: alone.sure }, { category, sure: true });
      assert.deepEqual(ruleIds(text), [rule]);
    });

    for (const [name, ids] of [
      ['lint', ruleIds],
      ['an incremental session', sessionIds],
    ] as const) {
      it(`${name}: under an allow entry for that rule, by rule or by its text`, () => {
        assert.deepEqual(ids(text, { allow: [{ rule, reason: 'team wording' }] }), []);
        const words = lint(text)[0].text;
        assert.deepEqual(ids(text, { allow: [{ rule, text: words, reason: 'team wording' }] }), []);
        assert.deepEqual(ids(text, { allow: [{ text: words, reason: 'team wording' }] }), []);
      });

      it(`${name}: under a disable directive for that rule, on the line or over a region`, () => {
        assert.deepEqual(ids(`// carelint-disable-next-line ${rule}\n${text}`), []);
        assert.deepEqual(ids(`${text} // carelint-disable-line ${rule}`), []);
        assert.deepEqual(ids(`<!-- carelint-disable ${rule} -->\n${text}\n<!-- carelint-enable ${rule} -->`), []);
      });

      it(`${name}: switched off in the configuration`, () => {
        assert.deepEqual(ids(text, { rules: { [rule]: false } }), []);
      });

      it(`${name}: another rule's allow entry or directive leaves the rule's finding, and the model still off`, () => {
        assert.deepEqual(ids(text, { allow: [{ rule: 'refused', reason: 'r' }] }), [rule]);
        assert.deepEqual(ids(`// carelint-disable-next-line refused\n${text}`), [rule]);
      });
    }
  });
});
