/**
 * The start scan finds the same candidates whether the graph's root is read as WideEdges (the prebuilt graph: a first
 * word's place comes from the root's own word index) or as a Map (a graph read from plain data, as custom rules'
 * graphs are): words outside plain ASCII ("patient’s") are looked up by their normal form, through either.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCHER_JSON } from '../shared-rules/generated/builtin-data';
import { StartIndex } from '../shared-rules/src/matching/starts';
import { PhraseTrie, WideEdges } from '../shared-rules/src/matching/trie';
import { ROOT } from './support/cli';

describe('StartIndex', () => {
  const wide = PhraseTrie.deserialize(JSON.parse(MATCHER_JSON).trie);
  const mapped = PhraseTrie.deserialize(PhraseTrie.deserialize(JSON.parse(MATCHER_JSON).trie).serialize());
  const texts = readFileSync(join(ROOT, 'test', 'fixtures', 'tuning', 'blind-a.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).text as string);

  it('reads the prebuilt root as WideEdges and the plain-data root as a Map', () => {
    assert.ok(wide.root.next instanceof WideEdges);
    assert.ok(mapped.root.next instanceof Map);
  });

  it('finds the same starts through either root, with curly apostrophes and accents (the exact lookup)', () => {
    const a = new StartIndex(wide);
    const b = new StartIndex(mapped);
    let starts = 0;
    for (const text of texts)
      for (const t of [text, text.replace(/'/g, '\u2019'), text.replace(/e/g, '\u00e9'), text.toUpperCase()]) {
        const found = a.scan(t, t.length);
        assert.deepEqual(found, b.scan(t, t.length), t);
        starts += found.length;
      }
    assert.ok(starts > 1000, `${starts} starts`);
  });
});
