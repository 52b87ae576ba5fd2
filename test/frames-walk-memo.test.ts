// Statements read again in part (a run-on text's windows, a line inside a statement) take the class-graph walks of
// the tokens they share from the statements read before (ClassMatcher.spans, `walked`): their tables must be exactly
// the tables read afresh, also where a window cuts a word and where an entry reaches the end of a statement.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRuleSet } from '../shared-rules/src/index';
import type { WalkMemo } from '../shared-rules/src/frames/classes';
import { tokenize } from '../shared-rules/src/text/tokenize';

const classes = builtinRuleSet().classes!;

/** Windows of `text` as a run-on text is read: cells of `cell` characters, and each pair of cells, in text order. */
function windows(text: string, cell: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < text.length; s += cell) {
    out.push([s, Math.min(text.length, s + cell)]);
    out.push([s, Math.min(text.length, s + 2 * cell)]);
  }
  return out;
}

function sameTables(text: string, cell: number): number {
  const walked: WalkMemo = new Map();
  let shared = 0;
  for (const [s, e] of windows(text, cell)) {
    const tokens = tokenize(text, s, e);
    const before = walked.size;
    const withWalks = classes.spans(text, tokens, walked);
    const fresh = classes.spans(text, tokens);
    assert.deepEqual(withWalks, fresh, `window ${s}-${e} (cell ${cell})`);
    if (walked.size === before) shared++;
  }
  return shared;
}

describe('frames: class-graph walks shared between statements', () => {
  it('give the same class tables as reading each statement afresh, on run-on threats and cut words', () => {
    const threats = 'if she calls again her place will be withdrawn and '.repeat(60);
    // cells of odd sizes cut words; a table read again must still be read the same
    for (const cell of [97, 200, 400]) assert.ok(sameTables(threats, cell) > 0);
    sameTables('Welfare rights officer PC Morgan will attend. Calls to the ward capped at 2 a day. '.repeat(20), 150);
  });

  it('give the same class tables on the bundled samples, read in windows of several sizes', () => {
    const dir = join(__dirname, '..', 'samples');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const cell of [120, 400]) sameTables(text, cell);
    }
  });
});
