// PhraseTrie.mayMatchAt lets callers skip a walk (the class table, the mention cues): it must never say no where a
// walk from that token finds a phrase. Checked on every token of the bundled samples and of the rule examples.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRuleSet } from '../shared-rules/src/index';
import { compileCueTrie } from '../shared-rules/src/context/mention';
import type { PhraseTrie } from '../shared-rules/src/matching/trie';
import { tokenize } from '../shared-rules/src/text/tokenize';

const rs = builtinRuleSet();
const samplesDir = join(__dirname, '..', 'samples');
const texts = [
  ...readdirSync(samplesDir).map((f) => readFileSync(join(samplesDir, f), 'utf8')),
  ...rs.compiled.flatMap((r) => r.data.examples.match.map((e) => (typeof e === 'string' ? e : e.text))),
];

function skippedWalksThatMatch(trie: PhraseTrie): { skipped: number; wrong: string[] } {
  let skipped = 0;
  const wrong: string[] = [];
  for (const text of texts) {
    const tokens = tokenize(text, 0, text.length);
    for (let k = 0; k < tokens.length; k++) {
      // only the skips the next word decides: a first word no phrase begins with is no test
      if (trie.mayMatchAt(tokens, k) || !trie.root.next?.has(tokens[k].norm)) continue;
      skipped++;
      trie.matchAt(tokens, k, () => wrong.push(`${tokens[k].norm} in "${text.slice(0, 80)}"`));
    }
  }
  return { skipped, wrong };
}

describe('PhraseTrie.mayMatchAt', () => {
  it('never skips a walk that finds a class entry', () => {
    // the class graph is private to the matcher; its table is what the frames read, so read it through spans
    const classes = rs.classes! as unknown as { trie: PhraseTrie };
    const { skipped, wrong } = skippedWalksThatMatch(classes.trie);
    assert.ok(skipped > 0);
    assert.deepEqual(wrong, []);
  });

  it('never skips a walk that finds a mention cue', () => {
    const { skipped, wrong } = skippedWalksThatMatch(compileCueTrie(rs.inflect));
    assert.ok(skipped > 0);
    assert.deepEqual(wrong, []);
  });
});
