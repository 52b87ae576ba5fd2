/** .carelintrc.json: parsing, schema and semantic checks, locations, and what still applies when parts are bad. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { loadConfig, locateCustomRuleIssue, nearest, parseConfig } from '../shared-rules/src/config/index';
import { validateConfig } from '../shared-rules/generated/validate-config';
import type { RuleData } from '../shared-rules/src/types';

const ROOT = resolve(__dirname, '..');
const KNOWN = { ruleIds: new Set(['refused', 'manipulative', 'committed-suicide', 'behavioural-contract']) };

function rule(id: string, extra: Partial<RuleData> = {}): RuleData {
  return {
    id,
    category: 'discriminatory-attitude',
    severity: 'warning',
    match: ['red lister~'],
    message: 'Test message.',
    rationale: 'Test rationale.',
    sources: ['Team guide'],
    suggestions: ['person who attends often'],
    examples: { match: ['She is a red lister.'], noMatch: ['She attends often.'] },
    ...extra,
  };
}

/** 1-based line/column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, from = 0) {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} in the config`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('config: parseConfig', () => {
  it('reads JSON with comments and trailing commas into LintOptions', () => {
    const text = `{
      // team settings
      "$schema": "./node_modules/carelint/shared-rules/config.schema.json",
      "locale": "en-US",
      "rules": { "refused": false, "manipulative": true, },
      "categories": { "police-involvement": false },
      /* severities */
      "severity": { "refused": "information", "punitive-approach": "error" },
      "allow": [ { "text": "refused", "rule": "refused", "reason": "quoting the Mental Health Act form" } ],
    }`;
    const r = parseConfig(text, 'a/.carelintrc.json', KNOWN);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.options, {
      locale: 'en-US',
      rules: { refused: false, manipulative: true },
      categories: { 'police-involvement': false },
      severity: { refused: 'information', 'punitive-approach': 'error' },
      allow: [{ text: 'refused', rule: 'refused', reason: 'quoting the Mental Health Act form' }],
    });
    assert.deepEqual(r.customRules, []);
  });

  it('an empty file is an empty config', () => {
    assert.deepEqual(parseConfig('', 'x', KNOWN), {
      options: {},
      customRules: [],
      customRuleIndex: [],
      classes: {},
      problems: [],
    });
    assert.deepEqual(parseConfig('// nothing yet\n', 'x', KNOWN).problems, []);
  });

  it('a JSON syntax error is reported once, at its line and column, and what parsed still applies', () => {
    const text = '{\n  "rules": {\n    "refused": false\n    "manipulative": false\n  }\n}\n';
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.equal(r.problems.length, 1);
    assert.deepEqual(r.problems[0], {
      file: 'c.json',
      line: 4,
      column: 5,
      message: "JSON syntax error: expected ','",
      fix: 'Correct the JSON at this position (comments and trailing commas are allowed).',
    });
    assert.equal(r.options.rules?.refused, false);
  });

  it('unknown rule ids in rules, severity and allow: located at the key, with the nearest id', () => {
    const text =
      '{\n  "rules": { "refuse": false, "manipulative": false },\n  "severity": { "comitted-suicide": "error", "police-involvement": "error" },\n  "allow": [{ "rule": "xyzzy-plugh", "reason": "r" }]\n}';
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.column, p.message, p.fix]),
      [
        [2, positionOf(text, '"refuse"').column, "unknown rule id 'refuse'", "Did you mean 'refused'?"],
        [
          3,
          positionOf(text, '"comitted-suicide"').column,
          "unknown rule or category id 'comitted-suicide'",
          "Did you mean 'committed-suicide'?",
        ],
        [
          4,
          positionOf(text, '"xyzzy-plugh"').column,
          "unknown rule id 'xyzzy-plugh'",
          'Run `carelint rules` for the list of rule ids.',
        ],
      ],
    );
    assert.deepEqual(r.options.rules, { manipulative: false }, 'the valid entry still applies');
    assert.deepEqual(r.options.severity, { 'police-involvement': 'error' });
    assert.deepEqual(r.options.allow, []);
  });

  it('unknown keys and categories are errors naming the key', () => {
    const text =
      '{\n  "rule": { "refused": false },\n  "categories": { "stigmatising-language": false, "punitive-approach": false }\n}';
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.column, p.message, p.fix]),
      [
        [2, 3, "unknown key 'rule'", "Did you mean 'rules'?"],
        [
          3,
          positionOf(text, '"stigmatising').column,
          "unknown category 'stigmatising-language'",
          "Did you mean 'stigmatizing-language'?",
        ],
      ],
    );
    assert.deepEqual(r.options.categories, { 'punitive-approach': false });
  });

  it('bad values: wrong types and enum values, with what to write instead', () => {
    const text = '{ "locale": "en-AU", "rules": { "refused": "off" }, "severity": { "refused": "fatal" } }';
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [
        'locale: "en-AU" is not a valid locale',
        'rules.refused must be a boolean',
        'severity.refused: "fatal" is not a valid severity',
      ],
    );
    assert.equal(r.problems[0].fix, 'Use one of: en-GB, en-US.');
    assert.deepEqual(r.options, { rules: {}, severity: {} });
  });

  it('an allow entry needs a reason, and text or rule; the good entries stay', () => {
    const text =
      '{ "allow": [ { "text": "refused" }, { "reason": "no target" }, { "text": "refused", "reason": "MHA form" } ] }';
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.deepEqual(
      r.problems.map((p) => [p.column, p.message]),
      [
        [positionOf(text, '{ "text"').column, 'allow[0] has no reason'],
        [positionOf(text, '{ "reason": "no').column, 'allow[1] names neither text nor rule'],
      ],
    );
    assert.match(r.problems[0].fix, /reason/);
    assert.deepEqual(r.options.allow, [{ text: 'refused', reason: 'MHA form' }]);
  });

  it('custom rules: missing fields, bad category and clashing ids drop only that rule', () => {
    const rules = [
      rule('red-lister'),
      { id: 'half-rule', category: 'stigmatizing-language', severity: 'warning', match: ['x'] },
      rule('bad-category', { category: 'rudeness' as never }),
      rule('refused'),
      rule('red-lister', { match: ['other'] }),
    ];
    const text = JSON.stringify({ customRules: rules, rules: { 'red-lister': false } }, null, 2);
    const r = parseConfig(text, 'c.json', KNOWN);
    assert.deepEqual(
      r.customRules.map((x) => x.id),
      ['red-lister'],
    );
    assert.deepEqual(r.customRuleIndex, [0]);
    assert.deepEqual(r.options.rules, { 'red-lister': false }, 'a custom id is a known id');
    const messages = r.problems.map((p) => p.message);
    assert.deepEqual(messages, [
      "custom rule customRules[1] is missing the required fields 'message', 'rationale', 'sources', 'suggestions', 'examples'; this custom rule is ignored",
      'customRules[2].category: "rudeness" is not a valid category',
      "customRules[3].id 'refused' is already a built-in rule id; this custom rule is ignored",
      "customRules[4].id 'red-lister' is used by an earlier custom rule; this one is ignored",
    ]);
    assert.deepEqual(r.problems[2], {
      file: 'c.json',
      ...positionOf(text, '"refused"'),
      message: messages[2],
      fix: r.problems[2].fix,
    });
    assert.deepEqual(
      [r.problems[1].line, r.problems[1].column],
      [positionOf(text, '"rudeness"').line, positionOf(text, '"rudeness"').column],
    );
  });

  it('a non-object config is one problem and applies nothing', () => {
    const r = parseConfig('[1, 2]', 'c.json', KNOWN);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      ['the configuration must be an object'],
    );
    assert.deepEqual(r.options, {});
  });
});

describe('config: locating and compiling custom rules', () => {
  const text = JSON.stringify(
    { customRules: [rule('red-lister'), rule('plum-list', { match: ['plum lister', 'plum+ lister'] })] },
    null,
    2,
  );

  it('locateCustomRuleIssue points at the node, or its deepest existing ancestor', () => {
    assert.deepEqual(locateCustomRuleIssue(text, 1, ['match', 1]), positionOf(text, '"plum+ lister"'));
    assert.deepEqual(
      locateCustomRuleIssue(text, 1, ['context', 'near', 0]),
      positionOf(text, '{', text.indexOf('"plum-list"') - 20),
    );
  });

  it('loadConfig: a custom rule the engine refuses becomes a located problem; the rest compiles', () => {
    const r = loadConfig(text, 'c.json');
    assert.equal(r.problems.length, 1);
    const p = r.problems[0];
    assert.deepEqual(
      [p.line, p.column],
      [positionOf(text, '"plum+ lister"').line, positionOf(text, '"plum+ lister"').column],
    );
    assert.match(p.message, /^customRules\[1\]\.match\[1\]: .+; this custom rule is ignored$/);
    assert.ok(r.ruleSet.byId('red-lister'), 'the good custom rule is compiled');
    assert.equal(r.ruleSet.byId('plum-list'), undefined);
    assert.equal(r.ruleSet.rules.length, new Set(r.ruleSet.rules.map((x) => x.id)).size);
  });

  it("loadConfig: a custom rule's failing examples are located problems, and the rule still loads", () => {
    const text = JSON.stringify(
      {
        customRules: [
          rule('red-lister', {
            examples: {
              match: ['She is a red lister.', 'She was on the amber list.', 'She is a red lister.'],
              noMatch: ['He is a red lister too.'],
            },
          }),
        ],
      },
      null,
      2,
    );
    const loaded = loadConfig(text, '.carelintrc.json');
    assert.deepEqual(
      loaded.problems.map((p) => [p.line, p.column, p.message]),
      [
        [
          positionOf(text, '"She was on the amber list."').line,
          positionOf(text, '"She was on the amber list."').column,
          'customRules[0].examples.match[1]: "She was on the amber list." is not flagged, but this example must be flagged by the rule',
        ],
        [
          positionOf(text, '"She is a red lister."', text.indexOf('amber')).line,
          positionOf(text, '"She is a red lister."', text.indexOf('amber')).column,
          'customRules[0].examples.match[2]: "She is a red lister." is the same example as examples.match[0]',
        ],
        [
          positionOf(text, '"He is a red lister too."').line,
          positionOf(text, '"He is a red lister too."').column,
          'customRules[0].examples.noMatch[0]: "He is a red lister too." is flagged ("red lister"), but this example must stay quiet',
        ],
      ],
    );
    assert.ok(loaded.ruleSet.byId('red-lister'), 'the rule still loads');
  });

  it('nearest: typos only', () => {
    assert.equal(nearest('refsued', ['refused', 'manipulative']), 'refused');
    assert.equal(nearest('completely-different', ['refused', 'manipulative']), undefined);
  });
});

describe('config: generated validator', () => {
  const generated = readFileSync(join(ROOT, 'shared-rules', 'generated', 'validate-config.js'), 'utf8');

  it('contains no eval or new Function (it ships in the web and Word bundles)', () => {
    assert.doesNotMatch(generated, /new Function|\beval\s*\(/);
  });

  it('agrees with ajv compiling the schemas now (catches a schema edited without a rebuild)', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'shared-rules', 'rule.schema.json'), 'utf8')));
    const fresh = ajv.compile({
      ...JSON.parse(readFileSync(join(ROOT, 'shared-rules', 'config.schema.json'), 'utf8')),
      $id: 'https://carelint.invalid/config.schema.json',
    });
    const cases: unknown[] = [
      {},
      [],
      'x',
      null,
      { locale: 'en-GB' },
      { locale: 'en-AU' },
      { rules: { a: true } },
      { rules: { a: 'yes' } },
      { categories: { 'police-involvement': false } },
      { categories: { police: false } },
      { severity: { x: 'error' } },
      { severity: { x: 'fatal' } },
      { allow: [{ text: 'a', reason: 'b' }] },
      { allow: [{ text: 'a' }] },
      { allow: [{ reason: 'b' }] },
      { allow: [{ rule: 'r', reason: 'b', extra: 1 }] },
      { customRules: [rule('ok-rule')] },
      { customRules: [rule('Bad_Id')] },
      { customRules: [rule('ok-rule', { match: [] })] },
      { customRules: [rule('ok-rule', { context: { near: [{ any: ['x'], within: 41 }] } })] },
      {
        customRules: [
          rule('ok-rule', {
            context: {
              near: [{ any: ['x'], within: 5, side: 'after', orSection: ['plan'] }],
              sections: { plan: 'raise' },
            },
          }),
        ],
      },
      { customRules: [rule('ok-rule', { examples: { match: [{ text: 'a', fixed: 'b' }], noMatch: ['c'] } })] },
      { customRules: [rule('ok-rule', { examples: { match: [{ txt: 'a' }], noMatch: ['c'] } as never })] },
      { customRules: [{ ...rule('ok-rule'), unknown: 1 }] },
      { $schema: 'x', unknownTop: 1 },
    ];
    for (const c of cases) {
      assert.equal(validateConfig(c), fresh(c), JSON.stringify(c));
      assert.deepEqual(
        (validateConfig.errors ?? []).map((e) => e.instancePath + ' ' + e.keyword),
        (fresh.errors ?? []).map((e) => e.instancePath + ' ' + e.keyword),
        JSON.stringify(c),
      );
    }
  });
});
