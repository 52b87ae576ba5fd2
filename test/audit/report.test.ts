/** Report pieces on their own: the month chart's range and marker, escaping, the JSON shape with --redact. */
import assert from 'node:assert/strict';
import { Aggregator } from '../../cli/src/audit/aggregate';
import { LETTER_MONTH, monthChart, monthsRange } from '../../cli/src/audit/report/chart';
import { escapeHtml } from '../../cli/src/audit/report/escape';
import { personJson } from '../../cli/src/audit/report/json';

describe('audit: report pieces', () => {
  it('charts every month from the first to the last, always reaching March 2023', () => {
    assert.deepEqual(monthsRange({ '2022-11': {}, '2023-01': {} }), [
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
      '2023-03',
    ]);
    assert.deepEqual(monthsRange({ '2023-05': {} }), ['2023-03', '2023-04', '2023-05']);
    assert.deepEqual(monthsRange({}), []);
  });

  it('draws one bar per category and month, and the letter marker in its month', () => {
    const svg = monthChart({
      '2023-02': { 'police-involvement': 2, 'punitive-approach': 1 },
      '2023-04': { 'stigmatizing-language': 3 },
    });
    assert.equal((svg.match(/<rect class="bar"/g) ?? []).length, 3);
    assert.match(svg, /<title>2023-02: 2 police-involvement<\/title>/);
    const marker = Number(/id="letter-marker" x1="([\d.]+)"/.exec(svg)![1]);
    const bars = [...svg.matchAll(/<rect class="bar" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(
      bars[0] < marker && marker < bars[2],
      `marker at ${marker} between February (${bars[0]}) and April (${bars[2]})`,
    );
    assert.equal(LETTER_MONTH, '2023-03');
    assert.match(monthChart({}), /No dated findings/);
  });

  it('escapes every character HTML gives a meaning to', () => {
    assert.equal(
      escapeHtml(`<img src=x onerror="alert('1')">&`),
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;',
    );
  });

  it('leaves the excerpt key out of redacted JSON items, and keeps the contract keys in order', () => {
    const agg = new Aggregator(5, true, { since: null, until: null, categories: [] });
    agg.addNote('R1', '2022-01-02', [
      { ruleId: 'manipulative', category: 'discriminatory-attitude', severity: 'error' },
    ]);
    const [person] = agg.ranked();
    const json = personJson(person);
    assert.deepEqual(Object.keys(json), ['id', 'score', 'findings', 'categories', 'first', 'last', 'items']);
    assert.deepEqual(json.items, [{ date: '2022-01-02', ruleId: 'manipulative', category: 'discriminatory-attitude' }]);
    assert.equal(json.score, 15);
  });
});
