/**
 * The tables the start scan and phrase walks look words up in (spellingTable, AsciiWordTable) hold exactly the
 * spellings surfaceSpellings gives, word by word: they are filled without it, for start-up's sake.
 */
import assert from 'node:assert/strict';
import { MATCHER_JSON } from '../shared-rules/generated/builtin-data';
import { PhraseTrie } from '../shared-rules/src/matching/trie';
import { asciiWordEnd, AsciiWordTable } from '../shared-rules/src/text/ascii-words';
import { canonicalSpelling, spellingTable, surfaceSpellings, US_TO_GB } from '../shared-rules/src/text/spelling';

const PLAIN = /^[a-z0-9]+(?:['&][a-z0-9]+)*$/;

/** What a table gives each spelling: asciiWordEnd reads the spelling first, as a scan does. */
function found(table: AsciiWordTable, text: string): number {
  assert.equal(asciiWordEnd(text, 0, text.length), text.length, `${text} is read whole`);
  return table.find(text, 0, text.length);
}

/** The spelling → word index entries surfaceSpellings gives, keeping the plain ones. */
function expected(words: readonly string[], plain: (t: string) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  words.forEach((w, i) => {
    for (const s of surfaceSpellings(w)) if (plain(s)) out.set(s, i);
  });
  return out;
}

function assertSame(words: readonly string[], plain: (t: string) => boolean): void {
  const table = spellingTable(words, plain);
  const want = expected(words, plain);
  // every word, and every spelling the map knows, is found as expected or not at all; a scan reads plain words only
  const probes = new Set([...words, ...US_GB_WORDS, ...want.keys(), 'zzzq', 'a1b2']);
  for (const text of probes) {
    assert.equal(table.lookup(text), want.get(text) ?? -1, text);
    if (PLAIN.test(text)) assert.equal(found(table, text), want.get(text) ?? -1, text);
  }
}

const US_GB_WORDS = Object.entries(US_TO_GB).flat();

describe('spelling tables', () => {
  const matcher = JSON.parse(MATCHER_JSON);
  const trie = PhraseTrie.deserialize(matcher.trie);

  it("the walk vocabulary's entries are surfaceSpellings' plain ones, for every word of the built-in graph", () => {
    assertSame(trie.words(), (t) => PLAIN.test(t));
  });

  it("the start index's entries are surfaceSpellings' for every first word of the built-in graph", () => {
    assertSame([...(trie.root.next?.keys() ?? [])], () => true);
  });

  it('a US spelling as a word of its own has no entry; its en-GB word gets it, whichever comes first', () => {
    assertSame(['behavior', 'the', 'behaviour', 'colour', 'color', 'mum'], () => true);
    assertSame(US_GB_WORDS, () => true);
    assertSame([...US_GB_WORDS].reverse(), (t) => t.length > 4);
    assertSame(['color', 'colour'], (t) => t !== 'colour');
    const table = spellingTable(['behaviour', 'behavior']);
    assert.equal(found(table, 'behavior'), 0);
    assert.equal(found(table, 'Behaviour'), 0);
    assert.equal(found(table, 'BEHAVIOR'), 0);
  });

  it('a table grows past the size it was made for, keeping every entry', () => {
    const table = new AsciiWordTable(2);
    const words = Array.from({ length: 500 }, (_, i) => `w${i}x`);
    words.forEach((w, i) => table.add(w, i));
    words.forEach((w, i) => assert.equal(found(table, w), i));
    assert.equal(found(table, 'w500x'), -1);
    assert.equal(table.lookup('w7x'), 7);
    table.hide('w7x', 7);
    assert.equal(table.lookup('w7x'), -1);
    assert.equal(found(table, 'w7x'), -1);
    assert.equal(table.lookup('w7x', true), 7);
    assert.equal(found(table, 'w8x'), 8);
  });

  it('adding a word list at once gives what adding word by word gives, repeated words and a table too small included', () => {
    // 50 words twice, with two values each: the first added is the one found
    const words = Array.from({ length: 300 }, (_, i) => `w${i % 250}x`);
    for (const expected of [words.length, 2]) {
      const one = new AsciiWordTable(expected);
      words.forEach((w, i) => one.add(w, i));
      const all = new AsciiWordTable(expected);
      all.addWords(words);
      for (const w of [...words, 'absent'])
        assert.deepEqual([found(all, w), all.lookup(w, true)], [found(one, w), one.lookup(w, true)], w);
    }
  });

  it('every pair of the spelling map is plain lower-case, and no en-GB word is a US one (spellingTable relies on both)', () => {
    for (const w of US_GB_WORDS) assert.match(w, /^[a-z]+$/);
    for (const gb of Object.values(US_TO_GB)) assert.equal(canonicalSpelling(gb), gb, gb);
  });
});
