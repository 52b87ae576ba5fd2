// bench/word.mjs reports the add-in's round trips to Word; this runs the same scenarios so the bench cannot quietly
// break (it once failed on a suggestion the rules no longer offer) and so a per-paragraph loop fails a test.
import assert from 'node:assert/strict';
import { scenarios } from '../../bench/word/scenarios';

describe('Word add-in round trips (the bench scenarios)', function () {
  this.timeout(60_000);

  it('every step runs, and no step costs more round trips on a longer document', async () => {
    const short = await scenarios(20);
    const long = await scenarios(120);
    assert.ok(Object.keys(long).length >= 10, 'every scenario step reports a count');
    for (const [step, n] of Object.entries(long)) {
      assert.ok(Number.isInteger(n) && n >= 0, `${step}: ${n}`);
      assert.equal(n, short[step], `${step}: ${short[step]} round trips at 20 paragraphs, ${n} at 120`);
    }
    assert.ok(long['one paragraph edit (change event)'] <= 2, 'one edit costs at most two round trips');
  });
});
