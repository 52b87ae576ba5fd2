// Engine behaviour that does not depend on particular rule packs: a small rule set is compiled here.
import assert from 'node:assert/strict';
import {
  builtinRuleSet,
  compileRuleSet,
  lint,
  applyEdits,
  applyFixes,
  autoRewrite,
  planFixes,
  LintSession,
  RuleCompileError,
  regularInflect,
  lineIndexAt,
  lineStarts,
  offsetToLineColumn,
  type RuleData,
} from '../shared-rules/src/index';

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
    rule({
      id: 'refused',
      match: ['refuse~'],
      suggestions: ['decline~'],
      context: { notAfter: ['(team|service|insurer)'] },
    }),
    rule({
      id: 'attention',
      category: 'discriminatory-attitude',
      severity: 'error',
      match: ['attention seeking', 'seek~ attention'],
      suggestions: ['seeking help'],
      context: { negatable: true },
    }),
    rule({ id: 'frequent-flyer', match: ['frequent flyer~'], suggestions: ['person who attends often'] }),
    rule({
      id: 'police',
      category: 'police-involvement',
      match: ['police (officer|sergeant)?'],
      suggestions: ['[describe the clinical role]'],
      context: {
        near: [{ any: ['care plan', 'appointment~', 'therapy'], orSection: ['plan'] }],
        notNear: [{ any: ['emergency', '999'] }],
        extendToNear: true,
      },
    }),
    rule({
      id: 'withdrawn',
      category: 'punitive-approach',
      match: ['(access|contact) .. (withdraw~|suspend~)'],
      suggestions: ['[state what support remains]'],
    }),
    rule({ id: 'off-by-default', match: ['denies'], enabled: false, suggestions: ['reports no'] }),
  ],
  regularInflect,
  { test: { title: 'Test source' } },
);

const ids = (text: string, opts = {}) => lint(text, { ruleSet: rs, ...opts }).map((f) => `${f.ruleId}:${f.text}`);

describe('engine: matching', () => {
  it('matches inflections in any case and keeps case and tense in rewrites', () => {
    const f = lint('He Refused. She refuses. REFUSING', { ruleSet: rs });
    assert.deepEqual(
      f.map((x) => [x.text, x.suggestions[0]]),
      [
        ['Refused', 'Declined'],
        ['refuses', 'declines'],
        ['REFUSING', 'DECLINING'],
      ],
    );
  });

  it('matches hyphen, space, joined and line-break variants', () => {
    for (const t of [
      'attention-seeking',
      'attention seeking',
      'attentionseeking',
      'attention\nseeking',
      'attention\r\nseeking',
      'attention-\nseeking',
    ]) {
      assert.deepEqual(ids(t), [`attention:${t}`], t);
    }
  });

  it('handles en-US/en-GB spelling and curly quotes', () => {
    assert.deepEqual(ids('a frequent flier'), ['frequent-flyer:frequent flier']);
    assert.deepEqual(ids('frequent flyers'), ['frequent-flyer:frequent flyers']);
  });

  it('never matches across punctuation or blank lines', () => {
    assert.deepEqual(ids('attention. Seeking'), []);
    assert.deepEqual(ids('attention\n\nseeking'), []);
  });

  it('reads a colon between digits as part of the word, so a rule can name 1:1 time', () => {
    const oneToOne = compileRuleSet(
      [rule({ id: 'one-to-one', match: ['(withdraw~|stop~) (her|his)? 1:1 (time|session~)'] })],
      regularInflect,
      { test: { title: 'Test source' } },
    );
    const hits = (text: string) => lint(text, { ruleSet: oneToOne }).map((f) => f.text);
    assert.deepEqual(hits('Staff will withdraw her 1:1 time.'), ['withdraw her 1:1 time']);
    assert.deepEqual(hits('Stopped 1:1 sessions, élan 1:1 time.'), ['Stopped 1:1 sessions']);
    // "1 1" and a label's colon are other words: "Plan: 1" is no "1:1", and neither is "1: 1"
    assert.deepEqual(hits('Staff will withdraw her 1 1 time. Withdraw her 1: 1 time.'), []);
  });

  it('reads an age glued to "yo" as the unit, in phrase walks, the start scan and context alike; doses stay whole', () => {
    const ages = compileRuleSet(
      [
        rule({ id: 'yo-first', match: ['yo anorexic'] }),
        rule({ id: 'after-age', match: ['bulimic'], context: { after: ['yo'] } }),
        rule({ id: 'dose', match: ['10mg'] }),
      ],
      regularInflect,
      { test: { title: 'Test source' } },
    );
    const hits = (text: string) => lint(text, { ruleSet: ages }).map((f) => `${f.ruleId}:${f.text}`);
    assert.deepEqual(hits('A 17yo anorexic.'), ['yo-first:A 17yo anorexic']);
    assert.deepEqual(hits('A 45YO bulimic. A 16 yo bulimic.'), ['after-age:bulimic', 'after-age:bulimic']);
    assert.deepEqual(hits('Olanzapine 10mg. A y17o anorexic, a 17yob bulimic.'), ['dose:10mg']);
  });

  it('reports 0-based UTF-16 offsets, also after astral characters', () => {
    const text = '😀 he refused';
    const [f] = lint(text, { ruleSet: rs });
    assert.equal(text.slice(f.start, f.end), 'refused');
    assert.equal(f.start, 6);
  });

  it('respects notAfter, negation, quotes and mentions', () => {
    assert.deepEqual(ids('The team refused the referral.'), []);
    assert.deepEqual(ids('No attention seeking noted.'), []);
    assert.deepEqual(ids('No fever, weight loss, or attention seeking.'), [], 'negation reaches across a list');
    assert.deepEqual(ids('No fever. Attention seeking.'), ['attention:Attention seeking'], 'but not past a full stop');
    assert.deepEqual(ids('She said: "I refused it."'), []);
    assert.deepEqual(ids('Calling people "attention seeking" must stop.'), []);
    assert.deepEqual(
      ids('He must stop attention seeking on the ward.'),
      ['attention:attention seeking'],
      'a person who "must stop" is not talk about wording',
    );
    assert.deepEqual(ids('Staff should avoid the term attention seeking.'), []);
  });

  it('uses near, notNear, sections and extends the span', () => {
    assert.deepEqual(ids('The police officer will attend her appointments.'), [
      'police:police officer will attend her appointments',
    ]);
    assert.deepEqual(ids('Police attended the emergency appointment.'), []);
    assert.deepEqual(ids('Police will visit weekly.'), []);
    const plan = lint('Crisis plan:\nPolice will visit weekly.', { ruleSet: rs });
    assert.equal(plan.length, 1);
    assert.equal(plan[0].severity, 'error', 'plan sections raise police rules');
    const history = lint('History:\nThe police officer came to appointments.', { ruleSet: rs });
    assert.equal(history[0].severity, 'information', 'history sections lower police rules');
  });

  it('matches bounded gaps inside a sentence only', () => {
    assert.deepEqual(ids('Her contact will be suspended.'), ['withdrawn:contact will be suspended']);
    assert.deepEqual(ids('Her contact with the team and many others will be suspended.'), []);
  });

  it('keeps off-by-default rules off until switched on, and honours categories and severities', () => {
    assert.deepEqual(ids('She denies pain.'), []);
    assert.deepEqual(ids('She denies pain.', { rules: { 'off-by-default': true } }), ['off-by-default:denies']);
    assert.deepEqual(ids('He refused.', { categories: { 'stigmatizing-language': false } }), []);
    assert.equal(lint('He refused.', { ruleSet: rs, severity: { refused: 'error' } })[0].severity, 'error');
    assert.equal(
      lint('He refused.', { ruleSet: rs, severity: { 'stigmatizing-language': 'information' } })[0].severity,
      'information',
    );
  });

  it('honours allow entries and directives', () => {
    assert.deepEqual(ids('He refused.', { allow: [{ text: 'refused', reason: 'quoting a form' }] }), []);
    assert.deepEqual(ids('<!-- carelint-disable-next-line refused -->\nHe refused.', { format: 'markdown' }), []);
    assert.deepEqual(ids('carelint-disable-next-line refused\nHe refused.'), []);
    assert.deepEqual(ids('carelint-disable-next-line attention\nHe refused.'), ['refused:refused']);
  });

  it('shouts back only shouted words, not acronyms', () => {
    const acr = compileRuleSet(
      [rule({ id: 'ivdu', match: ['IVDU', 'refused'], suggestions: ['person who injects drugs'] })],
      regularInflect,
    );
    assert.equal(lint('Known IVDU.', { ruleSet: acr })[0].suggestions[0], 'person who injects drugs');
    assert.equal(lint('REFUSED', { ruleSet: acr })[0].suggestions[0], 'PERSON WHO INJECTS DRUGS');
  });

  it('localises rewrites', () => {
    const us = compileRuleSet(
      [rule({ id: 'b', match: ['behavioural contract'], suggestions: ['behaviour support plan'] })],
      regularInflect,
    );
    assert.equal(
      lint('A behavioral contract', { ruleSet: us, locale: 'en-US' })[0].suggestions[0],
      'behavior support plan',
    );
    assert.equal(lint('A behavioural contract', { ruleSet: us })[0].suggestions[0], 'behaviour support plan');
  });
});

describe('engine: rule compilation', () => {
  it('refuses regular-expression syntax with the rule path and a reason', () => {
    assert.throws(
      () => compileRuleSet([rule({ id: 'bad', match: ['(a+)+b'] })], regularInflect),
      (e: unknown) => {
        assert.ok(e instanceof RuleCompileError);
        assert.deepEqual(e.issues[0].path, [0, 'match', 0]);
        assert.match(e.issues[0].message, /regular expression/);
        return true;
      },
    );
  });

  it('reports duplicate ids, unknown categories and missing fields together', () => {
    try {
      compileRuleSet(
        [rule({ id: 'a', match: ['x'] }), rule({ id: 'a', match: ['y'], category: 'nope' as never, suggestions: [] })],
        regularInflect,
      );
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof RuleCompileError);
      const messages = e.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n');
      assert.match(messages, /1\.id duplicate/);
      assert.match(messages, /1\.category unknown category/);
      assert.match(messages, /1\.suggestions/);
    }
  });
});

describe('engine: fixes and sessions', () => {
  it('applyFixes changes only the finding spans', () => {
    const text = 'He refused; attention seeking.';
    assert.equal(applyFixes(text, lint(text, { ruleSet: rs })), 'He declined; seeking help.');
  });

  it('a session matches lint() after every edit', () => {
    let text = 'Care plan:\n\nHe refused.\n\nPolice will attend appointments.';
    const s = new LintSession(text, { ruleSet: rs });
    const edits = [
      { start: 0, end: 0, text: 'History:\n\n' },
      { start: 14, end: 21, text: 'She refuses' },
      { start: 0, end: 11, text: '' },
      { start: 5, end: 5, text: '\n\n' },
    ];
    for (const e of edits) {
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      s.update(e);
      assert.equal(s.text, text);
      assert.deepEqual(s.findings(), lint(text, { ruleSet: rs }));
    }
  });

  // What a person gets who picks the prompt of every finding (prompts are never applied without that choice).
  const choosePrompts = (text: string, ruleSet = rs) =>
    applyEdits(
      text,
      lint(text, { ruleSet }).flatMap((f) => {
        const prompt = f.suggestions.find((_, i) => f.suggestionKinds[i] === 'prompt');
        return prompt ? [{ start: f.start, end: f.end, newText: prompt, finding: f }] : [];
      }),
    );

  it('a full stop glued to a chosen prompt still ends the sentence (found by npm run fuzz)', () => {
    const text = 'On the ward she was combative.He is in denial about his drinking.';
    const fixed = choosePrompts(text, builtinRuleSet());
    assert.match(fixed, /\]\.He is \[describe/);
    assert.deepEqual(lint(fixed), []);
  });

  it('a chosen prompt is not prose: its words neither match nor give context (found by npm run fuzz)', () => {
    const prompted = compileRuleSet(
      [
        rule({
          id: 'police',
          category: 'police-involvement',
          match: ['police officer'],
          suggestions: ['[describe who from the care team attends her therapy]'],
          context: { near: [{ any: ['therapy'] }] },
        }),
      ],
      regularInflect,
      { test: { title: 'Test source' } },
    );
    assert.equal(
      choosePrompts('A police officer attends her therapy.', prompted),
      'A [describe who from the care team attends her therapy] attends her therapy.',
    );
    // "therapy" inside a chosen prompt is not the writer's word, so it gives the police mention no context
    assert.deepEqual(
      lint('The police officer was kind, [describe who from the care team attends her therapy]', { ruleSet: prompted }),
      [],
    );
    // the same words typed by the writer, outside a known prompt, still count
    assert.equal(
      lint('The police officer was kind, describe who from the care team attends her therapy', { ruleSet: prompted })
        .length,
      1,
    );
  });

  it('fix-all applies rewrites only: a prompt or a practice finding is left for the person, with the reason', () => {
    const text = 'He refused lunch. A police officer will attend her therapy appointment.';
    const plan = planFixes(text, lint(text, { ruleSet: rs }));
    assert.deepEqual(
      plan.edits.map((e) => e.newText),
      ['declined'],
    );
    assert.deepEqual(
      plan.skipped.map((s) => [s.finding.ruleId, s.reason]),
      [['police', 'no-rewrite']],
    );
    assert.equal(
      applyFixes(text, lint(text, { ruleSet: rs })),
      'He declined lunch. A police officer will attend her therapy appointment.',
    );
  });

  it('fix-all leaves a finding whose words cross markup, so no tag is left unbalanced', () => {
    for (const [text, format] of [
      ['<p>He <b>refused</b> lunch</p>', 'html'],
      ['He <a href="x">refused</a> lunch.', 'html'],
      ['He **refused** lunch.', 'markdown'],
    ] as const) {
      const findings = lint(text, { ruleSet: rs, format });
      const plan = planFixes(text, findings, { format });
      const fixed = applyEdits(text, plan.edits);
      assert.equal(fixed.match(/<|\*/g)?.length ?? 0, text.match(/<|\*/g)?.length ?? 0, `${text} → ${fixed}`);
    }
    const crossing = 'He <a href="x">committed</a> suicide.';
    const plan = planFixes(crossing, lint(crossing, { format: 'html' }), { format: 'html' });
    assert.deepEqual(
      plan.skipped.map((s) => s.reason),
      ['crosses-markup'],
    );
  });

  it('Unicode line and paragraph separators end a sentence like a space after a full stop', () => {
    for (const sep of ['\u2028', '\u2029', '\u3000']) {
      const findings = lint(
        `A police officer sat in on the psychology session today.${sep}She was issued a fine for calling the police from the bridge.`,
      );
      assert.ok(
        findings.every((f) => !f.text.includes(sep)),
        `a finding spans ${JSON.stringify(sep)}`,
      );
    }
  });

  it('a rewrite gets the indefinite article that suits it, and the finding takes in the article', () => {
    const cases: Array<[string, string, string]> = [
      ['He is an addict.', 'an addict', 'He is a person with a substance use disorder.'],
      ['An addict was seen.', 'An addict', 'A person with a substance use disorder was seen.'],
      ['He is an IV drug abuser.', 'an IV drug abuser', 'He is a person who injects drugs.'],
    ];
    for (const [text, flagged, fixed] of cases) {
      const findings = lint(text);
      assert.deepEqual(
        findings.map((f) => f.text),
        [flagged],
      );
      assert.equal(applyFixes(text, findings), fixed);
    }
    // an article that already suits the rewrite is left out of the finding
    assert.deepEqual(
      lint('She is a known alcoholic.').map((f) => f.text),
      ['alcoholic'],
    );
  });

  it('{their} in a rewrite agrees with the pronoun of its sentence', () => {
    const rewrite = (text: string) => autoRewrite(lint(text).find((f) => f.ruleId === 'manipulative')!);
    assert.equal(rewrite('He is manipulative.'), 'trying to get his needs met');
    assert.equal(rewrite('She can be manipulative.'), 'trying to get her needs met');
    assert.equal(rewrite('They were seen. Known to be manipulative.'), 'trying to get their needs met');
  });

  it('lines end at \\n, \\r\\n and a lone \\r, as in editors', () => {
    const text = 'one\ntwo\r\nthree\rfour';
    assert.deepEqual(lineStarts(text), [0, 4, 9, 15]);
    assert.deepEqual(offsetToLineColumn(text, text.indexOf('four') + 1), { line: 4, column: 2 });
    assert.deepEqual(offsetToLineColumn(text, text.indexOf('\r\n') + 1), { line: 2, column: 5 });
    assert.equal(lineIndexAt(lineStarts(text), text.length), 3);
  });

  it('options prepared for one call are never reused for different options', () => {
    const off = { rules: { refused: false } };
    const ids = (options: object) => lint('She refused. He is an addict.', options).map((f) => f.ruleId);
    assert.deepEqual(ids(off), ['addict']);
    assert.deepEqual(ids({}), ['refused', 'addict']);
    assert.deepEqual(ids({ ...off }), ['addict']);
    assert.deepEqual(ids({ categories: { 'stigmatizing-language': false } }), []);
    assert.deepEqual(ids({ severity: { refused: 'error' } }), ['refused', 'addict']);
    assert.equal(lint('She refused.', { severity: { refused: 'error' } })[0].severity, 'error');
    assert.equal(lint('She refused.', {})[0].severity, 'warning');
  });
});
