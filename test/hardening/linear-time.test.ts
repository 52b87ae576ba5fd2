/**
 * Linear time, proven by counting steps (shared-rules/src/work.ts) rather than timing them: for each
 * adversarial text, four times the text must cost about four times the work, and no text may cost more
 * than a fixed number of steps per character.
 */
import assert from 'node:assert/strict';
import { lint, loadConfig, resetWork, ruleSetWith, work, type RuleData } from '../../shared-rules/src/index';

const UNIT = 64 * 1024;

/** Work units done linting `text`. */
function workOf(text: string, ruleSet?: ReturnType<typeof ruleSetWith>): number {
  resetWork();
  lint(text, ruleSet ? { ruleSet } : {});
  return work.walkSteps + work.contextTokens;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const adversarial: Array<[string, string]> = [
  ['one letter', 'a'],
  ['spaces', ' '],
  ['hyphens', '-'],
  ['straight quotes', '"'],
  ['curly quotes', '\u201c\u201d'],
  ['one-word lines', 'word\n'],
  ['a hit in every word, no full stop', 'refused '],
  ['a quoted hit in every word', '"refused" '],
  ['negated hits with no full stop', 'not manipulative and '],
  [
    'a run-on note',
    'seen on the ward today with her mother, mood low, she refused lunch and said staff were attention seeking, ',
  ],
  // frames: an anchor in every few words and no statement end, so windows are cut from a run-on text
  ['frame anchors with no full stop', 'PC Morgan will attend the CPA review and '],
  ['prohibitions with no full stop', 'do not admit her or see her '],
  ['threats with no full stop', 'if she calls again her place will be withdrawn and '],
];

// The ratio is the proof of linear time. The per-character ceiling is a budget for the built-in rules: a walk keeps
// one state per graph node it is in, so it grows with the phrases and class entries alive at a word. Session 5's
// frame classes took run-on threats to 9.3 steps a character (budget 10); phrases beginning with the same word now
// share the node after it and its gaps (trie.ts, firstNode), which took them to 3.7, and the budget back to 4. It
// stays a ceiling, so further growth has to be paid for. Session 7's round 4 took run-on threats from 3.97 to 4.95
// (its frames for consequences put politely and calls rationed by count fire on every clause and read their classes
// there, and the model read the run-on windows). Session 8 paid it back to 3.92 (1,026,926 steps over 256 KB): a
// mention-cue walk is skipped where the next word cannot continue a cue (122 K steps), and statements read again in
// part, as a run-on text's windows are, take the class-graph walks of the tokens they share (147 K steps).
const STEPS_PER_CHARACTER = 4;

describe('linear time: adversarial texts (step counts)', function () {
  this.timeout(120000);

  for (const [name, unit] of adversarial) {
    it(`${name}: 4× the text costs ≤ 4.5× the work, and ≤ ${STEPS_PER_CHARACTER} steps per character`, () => {
      const small = workOf(repeatTo(unit, UNIT));
      const large = workOf(repeatTo(unit, 4 * UNIT));
      assert.ok(large <= 4.5 * Math.max(small, 1), `${name}: ${small} → ${large} steps`);
      assert.ok(large <= STEPS_PER_CHARACTER * 4 * UNIT, `${name}: ${large} steps for ${4 * UNIT} characters`);
    });
  }

  it('100,000 one-word lines and a single 5 MB line both finish, with findings where expected', () => {
    const lines = 'resident\n'.repeat(99_999) + 'refused\n';
    assert.deepEqual(
      lint(lines).map((f) => f.ruleId),
      ['refused'],
    );
    const line =
      repeatTo('The plan was agreed with him and his sister at the review, ', 5 * 1024 * 1024) + 'he refused.';
    resetWork();
    assert.deepEqual(
      lint(line).map((f) => f.ruleId),
      ['refused'],
    );
    assert.ok(work.walkSteps + work.contextTokens <= 10 * line.length);
  });
});

describe('linear time: custom rules', function () {
  this.timeout(60000);
  const rule = (match: string): RuleData => ({
    id: 'custom-gaps',
    category: 'stigmatizing-language',
    severity: 'warning',
    match: [match],
    message: 'm',
    rationale: 'r',
    sources: ['local policy'],
    suggestions: ['x'],
    examples: { match: [], noMatch: [] },
  });

  it('the worst phrase the syntax allows stays linear on text that matches it everywhere', () => {
    const rs = ruleSetWith([rule('aa ..4 aa ..4 aa (bb|aa)? aa aa aa aa aa aa aa aa')]);
    const small = workOf(repeatTo('aa ', UNIT / 4), rs);
    const large = workOf(repeatTo('aa ', UNIT), rs);
    assert.ok(small > 0 && large <= 4.5 * small, `${small} → ${large}`);
  });

  it('phrases whose gaps or length would multiply the work are refused with a reason', () => {
    assert.throws(() => ruleSetWith([rule('aa ..8 bb ..8 cc')]), /gaps allow 16 words in all; at most 8/);
    assert.throws(() => ruleSetWith([rule(Array(25).fill('w').join(' '))]), /can span 25 words; at most 24/);
    assert.throws(() => ruleSetWith([rule('(a+)+b')]), /regular expression/);
  });

  it('an unsafe custom phrase in .carelintrc.json is refused at load, located, and the rest still works', () => {
    const custom = {
      ...rule('discharge ..8 if ..8 again'),
      examples: { match: ['We discharge you if you come in again.'], noMatch: ['Discharge planning began.'] },
    };
    const text = JSON.stringify({ customRules: [custom] }, null, 2);
    const loaded = loadConfig(text, '.carelintrc.json');
    assert.equal(loaded.problems.length, 1);
    const [problem] = loaded.problems;
    assert.equal(problem.line, text.split('\n').findIndex((l) => l.includes('discharge ..8')) + 1);
    assert.match(problem.message, /gaps allow 16 words in all/);
    assert.deepEqual(
      lint('She refused.', { ...loaded.options, ruleSet: loaded.ruleSet }).map((f) => f.ruleId),
      ['refused'],
    );
  });
});
