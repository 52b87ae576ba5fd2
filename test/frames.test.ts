// Frames and word classes: a generated cross-product over a frame's slots (every police actor × every planned-care
// activity fires; every emergency context quiets it), the clause splitter, class extension in .carelintrc.json, and
// frame errors reported at their place.
import assert from 'node:assert/strict';
import {
  builtinClasses,
  builtinRuleSet,
  compileRuleSet,
  builtinInflector,
  describeRule,
  describeRuleAsText,
  lint,
  loadConfig,
  parsePhrase,
  RuleCompileError,
  type PhraseNode,
  type RuleData,
} from '../shared-rules/src/index';
import { ClassIssue, ClassMatcher } from '../shared-rules/src/frames/classes';
import { expandClassRefs, type ClassRefProblem } from '../shared-rules/src/frames/class-refs';

/** One plain spelling of a class entry: first alternative of each group, optional groups left out, @Name a surname. */
function spell(entry: string): string {
  const name = entry.trim().endsWith('@Name');
  const nodes = parsePhrase(name ? entry.trim().slice(0, -5).trim() || 'x' : entry);
  const walk = (seq: PhraseNode[]): string[] =>
    seq.flatMap((n) =>
      n.kind === 'word' ? [n.parts.join('-')] : n.kind === 'alts' ? (n.optional ? [] : walk(n.alts[0])) : [],
    );
  const words = walk(nodes).join(' ');
  return name ? `${words} Morgan` : words;
}

const classes = builtinClasses();
const entries = (cls: string) => classes[cls].entries.map(spell);
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
/** Findings of one rule with every other rule off (a phrase rule finding the same practice would take over the span). */
const only = (ruleId: string, text: string) =>
  lint(text, {
    categories: {
      'police-involvement': false,
      'punitive-approach': false,
      'discriminatory-attitude': false,
      'stigmatizing-language': false,
    },
    rules: { [ruleId]: true },
  });

describe('frames: police in planned care, crossed over its slots', () => {
  const actors = entries('police-actor');
  const activities = entries('planned-care');
  it(`every police actor (${actors.length}) × every planned-care activity (${activities.length}) fires`, () => {
    const missed: string[] = [];
    for (const actor of actors)
      for (const activity of activities) {
        const text = `${cap(actor)} is involved in the ${activity} this month.`;
        if (!only('police-in-planned-care', text).length) missed.push(text);
      }
    assert.deepEqual(missed, []);
  });

  it('every emergency context quiets it, on the same line', () => {
    const loud: string[] = [];
    for (const actor of actors)
      for (const emergency of entries('emergency-context')) {
        const text = `${cap(actor)} is involved in the CPA review (${emergency}).`;
        if (only('police-in-planned-care', text).length) loud.push(text);
      }
    assert.deepEqual(loud, []);
  });

  it('an emergency line after a semicolon under a crisis-plan heading stays quiet; the next line does not', () => {
    const text =
      'Crisis plan:\nIn an emergency call 999; police may attend her CPA review if life is at risk.\nPC Hale will attend her CPA review.';
    const found = lint(text).filter((f) => f.category === 'police-involvement');
    assert.deepEqual(
      found.map((f) => f.text),
      ['PC Hale will attend her CPA review'],
    );
  });

  it('a rank needs a capitalised surname ("PC" alone is a computer, "pc" after meals)', () => {
    assert.equal(
      lint('The PC in the group room is broken.').filter((f) => f.category === 'police-involvement').length,
      0,
    );
    assert.equal(
      lint('Take one tablet pc and attend the group.').filter((f) => f.category === 'police-involvement').length,
      0,
    );
    assert.equal(lint('PC Morgan will attend the group.').filter((f) => f.category === 'police-involvement').length, 1);
  });
});

describe('frames: prohibitions of care, crossed over their slots', () => {
  it('every prohibition × every care verb fires, and the finding covers the whole instruction', () => {
    const missed: string[] = [];
    for (const prohibition of entries('prohibition'))
      for (const verb of entries('care-verb')) {
        const text = `Staff ${prohibition} ${verb} her after self-harm.`;
        const f = only('prohibition-of-care', text)[0];
        if (!f || !f.text.endsWith('after self-harm')) missed.push(text);
      }
    assert.deepEqual(missed, []);
  });

  it('a threat fires in either order; non-attendance and protective negation stay quiet', () => {
    const fires = [
      'If she calls again her place will be withdrawn.',
      'Her place will be withdrawn if she calls again.',
    ];
    for (const t of fires) assert.ok(only('conditional-threat', t).length, t);
    for (const t of [
      'If she does not attend her appointments she will be discharged.',
      'She will not be discharged if she self-harms.',
    ]) {
      assert.ok(!only('conditional-threat', t).length, t);
    }
  });
});

describe('a frame for a label (span: match)', () => {
  it('covers only the matched words, so its prompt replaces the label and not the clause around it', () => {
    for (const slur of entries('person-slur')) {
      const text = `The procedure was explained as he is a ${slur} and lives alone.`;
      const f = only('person-slur', text)[0];
      if (f) assert.equal(f.text, slur, text);
    }
    assert.equal(only('person-slur', 'He is a vagrant who sleeps at the bus station.')[0]?.text, 'vagrant');
  });
});

describe('word classes in .carelintrc.json', () => {
  const text = 'The HIN liaison will co-facilitate her DBT group.';
  it('a trust extends a class without writing a rule', () => {
    assert.equal(lint(text).filter((f) => f.ruleId === 'police-in-planned-care').length, 0);
    const { ruleSet, problems } = loadConfig('{ "classes": { "police-actor": ["HIN liaison"] } }', '.carelintrc.json');
    assert.deepEqual(problems, []);
    assert.equal(lint(text, { ruleSet }).filter((f) => f.ruleId === 'police-in-planned-care').length, 1);
  });

  it('an unknown class or a bad entry is reported at its line, and the rest keeps working', () => {
    const config = '{\n  "classes": {\n    "polise-actor": ["x"],\n    "police-actor": ["(unclosed"]\n  }\n}';
    const { ruleSet, problems } = loadConfig(config, '.carelintrc.json');
    assert.deepEqual(
      problems.map((p) => [p.line, /polise-actor|police-actor\[0\]/.test(p.message)]),
      [
        [3, true],
        [4, true],
      ],
    );
    assert.match(problems[0].fix, /police-actor/);
    assert.equal(lint('PC Morgan will attend the group.', { ruleSet }).length, 1);
  });
});

describe('a word class inside a class entry (@class)', () => {
  const inflect = builtinInflector;
  const fail = (p: ClassRefProblem): never => {
    throw new Error(`${p.className}[${p.entry}]: ${p.message}`);
  };

  it("stands for the other class's entries, as one alternation; a final @Name is not a reference", () => {
    const out = expandClassRefs(
      {
        care: { entries: ['local anaesthetic', '(sutures|glue)'] },
        'no-care': { entries: ['(no|without) @care'] },
        'no-care-ever': { entries: ['never @no-care'] },
        officer: { entries: ['DC @Name'] },
      },
      fail,
    );
    assert.deepEqual(out['no-care'].entries, ['(no|without) (local anaesthetic|(sutures|glue))']);
    assert.deepEqual(out['no-care-ever'].entries, ['never ((no|without) (local anaesthetic|(sutures|glue)))']);
    assert.deepEqual(out.officer.entries, ['DC @Name']);
  });

  it('is refused, with the reason, when it loops, is unknown, or would put @Name inside an entry', () => {
    const refused = (classes: Record<string, { entries: string[] }>) => {
      try {
        new ClassMatcher(classes, inflect);
        return '';
      } catch (e) {
        assert.ok(e instanceof ClassIssue);
        return `${e.className}[${e.entry}]: ${e.message}`;
      }
    };
    assert.equal(
      refused({ a: { entries: ['x', 'y @b'] }, b: { entries: ['z @a'] } }),
      'b[0]: word class "@a" refers back to itself (a → b → a)',
    );
    assert.equal(refused({ a: { entries: ['no @care'] } }), 'a[0]: unknown word class "@care" in entry "no @care"');
    assert.match(refused({ a: { entries: ['DC @Name'] }, b: { entries: ['not @a'] } }), /^b\[0\]: .*@Name/);
  });

  it("a trust's extra wound-care entry reaches the negated class built from it (no-wound-care)", () => {
    const text = 'No butterfly clips for his self-inflicted wounds.';
    assert.equal(lint(text).filter((f) => f.ruleId === 'care-withheld-on-self-harm').length, 0);
    const { ruleSet, problems } = loadConfig(
      '{ "classes": { "wound-care": ["butterfly clips"] } }',
      '.carelintrc.json',
    );
    assert.deepEqual(problems, []);
    assert.equal(lint(text, { ruleSet }).filter((f) => f.ruleId === 'care-withheld-on-self-harm').length, 1);
  });
});

describe('frame rules as data', () => {
  const base = {
    id: 'custom-frame',
    category: 'punitive-approach',
    severity: 'warning',
    message: 'm',
    rationale: 'r',
    sources: ['s'],
    suggestions: [],
    guidance: ['g'],
    examples: { match: ['x'], noMatch: [] },
  } as const;
  it('a rewrite on a frame whose finding is its clause is refused (it would replace the clause); a prompt is not', () => {
    const frame = { patterns: ['@care-verb ..4 @care-noun'] };
    const withRewrite = {
      ...base,
      category: 'stigmatizing-language',
      frame,
      suggestions: ['reports'],
    } as unknown as RuleData;
    assert.throws(
      () => compileRuleSet([withRewrite], builtinInflector, {}, { classes: builtinClasses() }),
      (e: unknown) =>
        e instanceof RuleCompileError &&
        e.issues.some((i) => i.path.join('.') === '0.suggestions' && /whole clause/.test(i.message)),
    );
    for (const ok of [
      { ...base, category: 'stigmatizing-language', frame, suggestions: ['[reports ...]'] },
      { ...base, category: 'stigmatizing-language', frame: { ...frame, span: 'match' }, suggestions: ['reports'] },
    ])
      assert.doesNotThrow(() =>
        compileRuleSet([ok as unknown as RuleData], builtinInflector, {}, { classes: builtinClasses() }),
      );
  });

  it('an unknown class or a bad pattern is refused with its path', () => {
    const rule = {
      ...base,
      frame: { patterns: ['@no-such-class ..4 @care-verb', '@care-verb ..20 @care-noun'] },
    } as unknown as RuleData;
    try {
      compileRuleSet([rule], builtinInflector, {}, { classes: builtinClasses() });
      assert.fail('compiled');
    } catch (e) {
      assert.ok(e instanceof RuleCompileError);
      const issues = e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      assert.ok(
        issues.some((i) => /^0\.frame\.patterns\.0: unknown word class "no-such-class"/.test(i)),
        issues.join('\n'),
      );
      assert.ok(
        issues.some((i) => /^0\.frame\.patterns\.1: .*gap/.test(i)),
        issues.join('\n'),
      );
    }
  });

  it('a custom frame rule works like a built-in one', () => {
    const rule = {
      ...base,
      frame: { patterns: ['@staff-actor ..3 @withhold-act ..3 @care-noun'] },
    } as unknown as RuleData;
    const rs = compileRuleSet([rule], builtinInflector, {}, { classes: builtinClasses() });
    assert.deepEqual(
      lint('The team will withhold support this week.', { ruleSet: rs }).map((f) => f.text),
      ['The team will withhold support this week'],
    );
  });
});

describe('a frame explained', () => {
  it('carelint explain and every host show its slots, scope, quieting classes and the classes it uses', () => {
    const text = describeRuleAsText(describeRule(builtinRuleSet(), 'police-in-planned-care')!);
    assert.match(text, /How it matches \(a frame: word classes in order, in one sentence\)/);
    assert.match(text, /police actor then within 10 words planned care or planned work \(either order\)/);
    assert.match(text, /Quiet when the line \(list item or table row\) has: emergency context/);
    assert.match(text, /- police-actor: a police officer by role, rank and surname/);
  });
});

describe('a frame and a phrase rule on one practice', () => {
  it('give one finding: the phrase rule names it, the frame spans the whole instruction or threat', () => {
    const cases: Array<[string, string, string]> = [
      [
        'Staff should not see her in A&E after self-harm.',
        'do-not-see-plan',
        'Staff should not see her in A&E after self-harm',
      ],
      [
        'She will be discharged if she self-harms again.',
        'threat-of-discharge',
        'She will be discharged if she self-harms again',
      ],
    ];
    for (const [text, ruleId, span] of cases) {
      assert.deepEqual(
        lint(text).map((f) => [f.ruleId, f.text]),
        [[ruleId, span]],
      );
    }
  });
});

describe('a label after a statement on the same line', () => {
  it('keeps its list in one statement, as a label at the start of a line does', () => {
    const text = 'CPA review held 10:00 today. Attendees: Dr Ray, CPN, Sgt Ann Holt (Kent Police), mother.';
    assert.deepEqual(
      lint(text).map((f) => f.ruleId),
      ['police-runs-planned-care'],
    );
    // the list word is what ties the officer to the meeting: without it the line is two unrelated statements
    const cut = 'CPA review held 10:00 today. She met Dr Ray, then Sgt Ann Holt (Kent Police) about the theft.';
    assert.deepEqual(lint(cut), []);
  });
});

describe('a colon inside a number', () => {
  it('ends no statement ("1:1 sessions", "at 10:00 with")', () => {
    for (const text of ['Inspector Lane will continue 1:1 sessions with Kyle.', 'At 10:00 PC Day joins her DBT group.'])
      assert.deepEqual(
        lint(text).map((f) => f.category),
        ['police-involvement'],
        text,
      );
  });
});
