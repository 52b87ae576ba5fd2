// The engine's speed work must not change what it finds: the build-time match graph, the word-scan start index
// and the indexed sentence bounds are each checked against the plain computation they replace. No timings here.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  builtinClasses,
  describeRule,
  builtinInflector,
  builtinRules,
  builtinRuleSet,
  builtinSources,
  compileRuleSet,
  lint,
  regularInflect,
  type RuleData,
  resetWork,
  work,
} from '../shared-rules/src/index';
import { ChunkContext } from '../shared-rules/src/context/context';
import { sentenceAround, sentenceAroundIn, sentenceEnds } from '../shared-rules/src/context/sentence';
import { tokenize } from '../shared-rules/src/text/tokenize';
import { encodeTrie, PhraseTrie, serializeForest, type TrieNode } from '../shared-rules/src/matching/trie';
import { compileCueTrie } from '../shared-rules/src/context/mention';
import { EXAMPLES_JSON, MATCHER_JSON, RULES_JSON } from '../shared-rules/generated/builtin-data';
import type { CompiledRule } from '../shared-rules/src/matching/compile';
import { UNUSED_WORD, WalkTokens, WalkVocabulary } from '../shared-rules/src/matching/walk-tokens';

// frames need the word classes they name (shared-rules/lexicon)
const fresh = compileRuleSet(builtinRules(), builtinInflector, builtinSources(), {
  lazyContext: true,
  classes: builtinClasses(),
});

describe('engine speed: rule data the engine parses at start-up', () => {
  it('carries no examples (they are their own text, parsed when a rule is described)', () => {
    const runtime = JSON.parse(RULES_JSON).rules as Array<Record<string, unknown>>;
    assert.equal(runtime.length, builtinRules().length);
    assert.ok(runtime.every((r) => !('examples' in r)));
    assert.ok(!RULES_JSON.includes('"noMatch"'));
    assert.equal(JSON.parse(EXAMPLES_JSON).length, runtime.length);
  });

  it('every built-in rule still has its own examples, and describing a rule lists them', () => {
    const rules = builtinRules();
    const shipped = JSON.parse(EXAMPLES_JSON) as Array<RuleData['examples']>;
    rules.forEach((r, i) => assert.deepEqual(r.examples, shipped[i], r.id));
    const rule = rules.find((r) => r.examples.match.length > 0 && r.examples.noMatch.length > 0)!;
    const described = describeRule(builtinRuleSet(), rule.id)!;
    assert.deepEqual(
      described.examples.flagged.map((e) => e.text),
      rule.examples.match,
    );
    assert.deepEqual(described.examples.fine, rule.examples.noMatch);
    // spread and JSON copies (hosts and workers pass rule data on) keep them
    assert.deepEqual({ ...rule }.examples, rule.examples);
    assert.deepEqual(JSON.parse(JSON.stringify(rule)).examples, rule.examples);
  });
});

describe('engine speed: build-time match graph', () => {
  it('the generated graph is the graph the rules compile to', () => {
    assert.deepEqual(builtinRuleSet().trie.serialize(), fresh.trie.serialize());
  });

  it('a serialised graph reads back to the same graph, edge order included', () => {
    const trie = new PhraseTrie();
    ['refuse~ (to)? (engage|attend)', 'frequent flyer~', 'call~ .. police', 'self-harm~'].forEach((p, i) =>
      trie.addPhrase(p, i, regularInflect),
    );
    const data = trie.serialize();
    assert.deepEqual(PhraseTrie.deserialize(data).serialize(), data);
    assert.equal(PhraseTrie.deserialize(data).maxLength, trie.maxLength);
    // the bundle's form: one varint string, targets relative to their node
    assert.deepEqual(PhraseTrie.deserialize(encodeTrie(data)).serialize(), data);
  });

  it('the bundled (encoded) graphs read back to the graphs the rules compile to', () => {
    const shipped = builtinRuleSet().matcher();
    assert.ok('code' in shipped.trie, 'the build writes the encoded form');
    assert.deepEqual(PhraseTrie.deserialize(shipped.trie).serialize(), fresh.trie.serialize());
    assert.deepEqual(PhraseTrie.deserialize(shipped.classes!).serialize(), fresh.classes!.serialize());
  });

  it("reading a prebuilt node makes no node for its edges' targets until a walk follows one", () => {
    const trie = new PhraseTrie();
    for (let i = 0; i < 40; i++) trie.addPhrase(`first${i} second${i % 5}`, i, regularInflect);
    const prebuilt = PhraseTrie.deserialize(encodeTrie(trie.serialize()));
    const edges = [...prebuilt.root.next!.values()].flat();
    assert.equal(edges.length, 80); // each phrase also as one joined word ("first7second2")
    assert.ok(edges.every((e) => !e.followed));
    const owners: number[] = [];
    prebuilt.matchAt(tokenize('first7 second2'), 0, (m) => owners.push(m.owner));
    assert.deepEqual(owners, [7]);
    assert.deepEqual(
      edges.filter((e) => e.followed).map((e) => e.node),
      [prebuilt.root.next!.get('first7')![0].node],
    );
    // the same node however often it is followed
    assert.equal(prebuilt.root.next!.get('first7')![0].node, edges.filter((e) => e.followed)[0].node);
  });

  it('a packed node of an encoded graph answers every word as the node read as a Map does', () => {
    const trie = new PhraseTrie();
    // words that sort apart from the order they were added, one word with several targets, inflected forms
    const phrases = [
      'zeta (one|two)',
      'alpha (two|one) three',
      'zeta two four~',
      'mid (zeta|alpha)',
      'alpha one ..2 end',
    ];
    phrases.forEach((p, i) => trie.addPhrase(p, i, regularInflect));
    const data = trie.serialize();
    const packed = PhraseTrie.deserialize(encodeTrie(data));
    const mapped = PhraseTrie.deserialize(data);
    const seen = new Set<unknown>();
    const compare = (a: TrieNode, b: TrieNode, path: string) => {
      if (seen.has(a)) return;
      seen.add(a);
      a.ready();
      b.ready();
      assert.deepEqual(new Set(a.next?.keys() ?? []), new Set(b.next?.keys() ?? []), path);
      assert.deepEqual(a.accepts, b.accepts, path);
      for (const word of [...(b.next?.keys() ?? []), 'absent']) {
        const x = a.next?.get(word);
        const y = b.next?.get(word);
        assert.equal(a.next?.has(word) ?? false, y !== undefined, `${path} ${word}`);
        assert.deepEqual(
          x?.map((e) => e.form),
          y?.map((e) => e.form),
          `${path} ${word}`,
        );
        x?.forEach((e, k) => compare(e.node, y![k].node, `${path} ${word}`));
      }
    };
    compare(packed.root, mapped.root, '');
    assert.ok(seen.size > 10);
    const matches = (t: PhraseTrie, text: string) => {
      const found: Array<[number, string | null, number]> = [];
      t.matchAt(tokenize(text), 0, (m) => found.push([m.owner, m.form, m.lastToken]));
      return found;
    };
    for (const text of [
      'alpha two three',
      'alpha one three',
      'zeta two four',
      'zeta two fours',
      'mid alpha',
      'alpha one x y end',
    ]) {
      assert.ok(matches(mapped, text).length > 0, text);
      assert.deepEqual(matches(packed, text), matches(mapped, text), text);
    }
    assert.deepEqual(packed.serialize(), data);
  });

  it('a wide node (a root) of an encoded graph answers every word, in the order built, as the node read as a Map does', () => {
    const trie = new PhraseTrie();
    // 300 first words (a root this wide is read as WideEdges), added out of word order, some with several targets
    for (let i = 0; i < 300; i++) {
      const w = `w${(i * 7919) % 300}`;
      trie.addPhrase(i % 3 ? `${w} (one|two) end~` : w, i, regularInflect);
      if (i % 5 === 0) trie.addPhrase(`${w} ..2 tail`, 1000 + i, regularInflect);
    }
    const data = trie.serialize();
    const wide = PhraseTrie.deserialize(encodeTrie(data));
    const mapped = PhraseTrie.deserialize(data);
    assert.ok(data.nodes[0][0].length / 3 >= 256, 'the root is wide');
    assert.deepEqual([...wide.root.next!.keys()], [...mapped.root.next!.keys()]);
    assert.equal(wide.root.next!.size, mapped.root.next!.size);
    for (const word of [...mapped.root.next!.keys(), 'absent', 'one']) {
      const x = wide.root.next!.get(word);
      const y = mapped.root.next!.get(word);
      assert.equal(wide.root.next!.has(word), y !== undefined, word);
      assert.deepEqual(
        x?.map((e) => [e.form, e.node.ready().accepts]),
        y?.map((e) => [e.form, e.node.ready().accepts]),
        word,
      );
      assert.equal(wide.root.next!.get(word), x, 'the same list every time');
    }
    const matches = (t: PhraseTrie, text: string) => {
      const found: Array<[number, string | null, number]> = [];
      t.matchAt(tokenize(text), 0, (m) => found.push([m.owner, m.form, m.lastToken]));
      return found;
    };
    for (const text of ['w0 one end', 'w15 two ends', 'w0 x y tail', 'w57', 'w299 one ended']) {
      assert.ok(matches(mapped, text).length > 0, text);
      assert.deepEqual(matches(wide, text), matches(mapped, text), text);
    }
    assert.deepEqual(wide.serialize(), data);
  });

  it('encoded graphs with checkpoints read back node by node, wherever a walk starts', () => {
    const trie = new PhraseTrie();
    // enough phrases for many checkpoints (one node in 16 has its place written down)
    for (let i = 0; i < 60; i++) trie.addPhrase(`word${i} (then|and)? other${i % 7}~ ..2 end${i}`, i, regularInflect);
    const data = trie.serialize();
    const encoded = encodeTrie(data);
    assert.ok(encoded.checkpoints, 'the build writes checkpoints');
    assert.deepEqual(PhraseTrie.deserialize(encoded).serialize(), data);
    // without checkpoints (an older build) the places are found at load
    const { checkpoints: _, ...plain } = encoded;
    assert.deepEqual(PhraseTrie.deserialize(plain).serialize(), data);
  });

  it('a forest reads back to each of its graphs', () => {
    const tries = [['a b', 'c ..2 d'], ['refuse~ (to)? engage'], ['x', 'y z']].map((list) => {
      const t = new PhraseTrie();
      list.forEach((p) => t.addPhrase(p, 0, regularInflect));
      return t;
    });
    const forest = PhraseTrie.forest(encodeTrie(serializeForest(tries)));
    tries.forEach((t, i) => {
      assert.deepEqual(forest(i).serialize(), t.serialize());
      assert.equal(forest(i), forest(i), 'one graph object per root');
    });
  });

  it("the prebuilt context graphs are the graphs each rule's context lists compile to", () => {
    const prebuilt = builtinRuleSet();
    const graphs = (r: CompiledRule) =>
      [...r.near, ...r.notNear, r.after, r.before, r.notAfter, r.notBefore].map((c) => c?.trie?.serialize() ?? null);
    let lists = 0;
    for (const r of fresh.compiled) {
      const built = prebuilt.compiledById(r.data.id)!;
      assert.deepEqual(graphs(built), graphs(r), r.data.id);
      lists += graphs(r).filter(Boolean).length;
    }
    assert.ok(lists > 100);
  });

  it('the prebuilt class beginnings are the ones the class graph gives', () => {
    const shipped = JSON.parse(MATCHER_JSON).classBeginnings;
    assert.equal(shipped, fresh.classes!.beginningsCode());
    assert.equal(builtinRuleSet().classes!.beginningsCode(), shipped);
  });

  it("the prebuilt class entries' facts (class, @Name, exception) are the ones the entries give", () => {
    const shipped = JSON.parse(MATCHER_JSON).classOwners;
    assert.equal(shipped, fresh.classes!.ownersCode());
    assert.equal(builtinRuleSet().classes!.ownersCode(), shipped);
    assert.deepEqual(builtinRuleSet().classes!.anchors, fresh.classes!.anchors);
  });

  it('a prebuilt rule set compiles each frame on first use to the frame a fresh compile makes, with the same classes', () => {
    const prebuilt = compileRuleSet(builtinRules(), builtinInflector, builtinSources(), {
      lazyContext: true,
      prebuilt: JSON.parse(MATCHER_JSON),
      classes: builtinClasses(),
    });
    assert.deepEqual(prebuilt.classes!.names, fresh.classes!.names, 'class indexes, literal words included');
    const frameRules = fresh.compiled.filter((r) => r.frame);
    assert.ok(frameRules.length > 50);
    for (const r of frameRules) {
      const lazy = prebuilt.compiledById(r.data.id)!;
      assert.equal(Object.getOwnPropertyDescriptor(lazy, 'frame')?.get !== undefined, true, 'compiled on first use');
      assert.deepEqual(lazy.frame, r.frame, r.data.id);
      assert.equal(lazy.frame, lazy.frame, 'once');
    }
    for (const r of fresh.compiled.filter((x) => !x.frame)) assert.equal(prebuilt.compiledById(r.data.id)!.frame, null);
  });

  it('the prebuilt mention cue graph is the one the cue list compiles to', () => {
    const shipped = JSON.parse(MATCHER_JSON).mention;
    assert.deepEqual(PhraseTrie.deserialize(shipped.trie).serialize(), compileCueTrie(builtinInflector).serialize());
  });

  it('the prebuilt rule set finds what a freshly compiled one finds', () => {
    const text =
      'He refused his meds again. She was described as attention seeking and a frequent flyer.\n\n' +
      'Plan: police to attend the next appointment. He was non-compliant with the behavioural contract.';
    const strip = (fs: ReturnType<typeof lint>) => fs.map((f) => [f.ruleId, f.start, f.end, f.severity]);
    assert.ok(lint(text).length >= 4);
    assert.deepEqual(strip(lint(text)), strip(lint(text, { ruleSet: fresh })));
  });
});

function rule(id: string, match: string[]): RuleData {
  return {
    id,
    category: 'stigmatizing-language',
    severity: 'warning',
    message: 'm',
    rationale: 'r',
    sources: ['t'],
    suggestions: ['x'],
    examples: { match: ['x'], noMatch: ['y'] },
    match,
  };
}

describe('engine speed: start index', () => {
  const rs = compileRuleSet(
    [
      rule('refused', ['refuse~']),
      rule('the-patient', ['the difficult patient']),
      rule('behaviour', ['bad behaviour']),
      rule('ae', ['A&E attender']),
    ],
    regularInflect,
  );
  const found = (text: string) => lint(text, { ruleSet: rs }).map((f) => `${f.ruleId}:${f.text}`);

  it('reads words as the tokenizer does: case, US spelling, curly apostrophes and invisible characters', () => {
    assert.deepEqual(found('REFUSED. Bad behavior. re\u00adfused. re\u200bfuses.'), [
      'refused:REFUSED',
      'behaviour:Bad behavior',
      'refused:re\u00adfused',
      'refused:re\u200bfuses',
    ]);
    assert.deepEqual(found('The a&e attender; the A&E attender.'), ['ae:a&e attender', 'ae:A&E attender']);
  });

  it('a short function word starts a candidate only with a word that can follow it', () => {
    assert.deepEqual(found('She saw the difficult patient. The difficult\npatient. The. Difficult patient'), [
      'the-patient:the difficult patient',
      'the-patient:The difficult\npatient',
    ]);
  });

  it('a word inside a longer word is not a start', () => {
    assert.deepEqual(found('unrefused prerefuses refusedly'), []);
  });
});

describe('engine speed: phrases that begin alike share walk states', () => {
  const entries = [
    '(will|would) not be (seen|admitted)',
    '(will|may) (withdraw|step back)',
    'will ..6 (stopped|ended)',
    'will ..6 (cancelled|closed)',
    'will ..6 (cancelled|closed)',
    'would ..3 (refused|declined)',
  ];
  const trie = new PhraseTrie();
  entries.forEach((p, i) => trie.addPhrase(p, i, regularInflect));
  const walk = (text: string) => {
    const tokens = tokenize(text, 0, text.length);
    const found = new Set<number>();
    resetWork();
    trie.matchAt(tokens, 0, (m) => found.add(m.owner));
    return { found: [...found].sort(), steps: work.walkSteps };
  };

  it('one state after a first word many phrases begin with, and one per gap length after it', () => {
    // the root; after "will" its one node and its one 6-word gap (entries 2 to 4 each had their own: 8 states, not
    // 2); then the gap alone for the 5 words left
    const { found, steps } = walk('will then in the end be ended');
    assert.deepEqual(found, [2]);
    assert.equal(steps, 1 + 2 + 5);
  });

  it('each phrase still matches exactly what it says, twins included', () => {
    assert.deepEqual(walk('will not be seen').found, [0]);
    assert.deepEqual(walk('would not be admitted').found, [0]);
    assert.deepEqual(walk('may withdraw').found, [1]);
    assert.deepEqual(walk('will soon be closed').found, [3, 4]);
    assert.deepEqual(walk('would be refused').found, [5]);
    assert.deepEqual(walk('would soon be cancelled').found, []);
    assert.deepEqual(walk('may not be seen').found, []);
  });
});

describe('engine speed: phrase walks read words in place', () => {
  const trie = new PhraseTrie();
  ['refuse~ (to)? (engage|attend)', 'bad behaviour', "don't care", 'A&E attender', 'self-harm~', 'café staff'].forEach(
    (p, i) => trie.addPhrase(p, i, regularInflect),
  );
  const vocabulary = new WalkVocabulary(trie);
  const edgeWords = new Set(trie.words());

  /** A norm as the graph sees it: its own word, or one that no edge uses (the walk may leave such a word unread). */
  const seen = (norm: string) => (edgeWords.has(norm) ? norm : UNUSED_WORD);

  /** What a walk from `pos` should read: the tokenizer's tokens up to punctuation. */
  function expected(text: string, pos: number) {
    const out: Array<[number, number, string, boolean]> = [];
    for (const t of tokenize(text, pos, text.length)) {
      if (out.length > 0 && t.afterBreak) break;
      out.push([t.start, t.end, seen(t.norm), t.afterBreak]);
    }
    return out;
  }

  it('every walk reads the tokens tokenize() reads, with the same norm for every word the graph uses', () => {
    const pieces = fc.constantFrom(
      'Refused',
      'REFUSES',
      'to',
      'attend',
      'engage',
      'Bad',
      'behavior',
      'behaviour',
      "don't",
      'don\u2019t',
      'care',
      'A&E',
      'a&e',
      'attender',
      'self',
      '-',
      'harm',
      'harming',
      'caf\u00e9',
      'cafe',
      'staff',
      're\u00adfused',
      'x9',
      "o'",
      ' ',
      ' ',
      '\n',
      '. ',
      ', ',
      '\u2014',
      '"',
      '\u00a0',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const walk = new WalkTokens(text, text.length, vocabulary);
        for (const start of tokenize(text).map((t) => t.start)) {
          walk.from(start);
          const got: Array<[number, number, string, boolean]> = [];
          for (let k = 0, t = walk.at(0); t; t = walk.at(++k)) got.push([t.start, t.end, seen(t.norm), t.afterBreak]);
          assert.deepEqual(got, expected(text, start), `walk from ${start} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("US spellings and capitals reach the graph's own word; other words are one unused word", () => {
    const text = 'BEHAVIOR behavior Behaviour patient';
    const walk = new WalkTokens(text, text.length, vocabulary);
    walk.from(0);
    assert.deepEqual(
      [0, 1, 2, 3].map((k) => walk.at(k)?.norm),
      ['behaviour', 'behaviour', 'behaviour', UNUSED_WORD],
    );
  });
});

describe('engine speed: long windows and indexed sentence bounds', () => {
  it('sentence bounds from the index equal the scanned ones', () => {
    const alphabet = fc.constantFrom('a', 'b', ' ', '.', '\n', '-', '!', ';', 'Dr', 'e.g.', ' 1. ', '"', 'X');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 400 }), fc.nat(), fc.nat(), (parts, x, y) => {
        const text = parts.join('');
        if (!text.length) return;
        const from = x % text.length;
        const to = Math.min(text.length, from + (y % 20));
        assert.deepEqual(
          sentenceAroundIn(sentenceEnds(text, 0, text.length), from, to, 0, text.length),
          sentenceAround(text, from, to, 0, text.length),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('a long window cut from the chunk tokens matches tokenizing it, whole words compared', () => {
    const text = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 'refused' : `word${i}`)).join('\n');
    const ctx = new ChunkContext(text, null, builtinInflector);
    for (const at of [0, 1000, 7777, 15000, text.length - 8]) {
      const start = text.lastIndexOf('\n', at) + 1;
      const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
      const [s, e] = sentenceAround(text, start, end, 0, text.length);
      const whole = (t: { start: number; end: number }) =>
        (t.start === 0 || text[t.start - 1] === '\n') && (t.end === text.length || text[t.end] === '\n');
      const got = ctx
        .sentence(start, end)
        .tokens.filter(whole)
        .map((t) => [t.start, t.end, t.norm]);
      assert.deepEqual(
        got,
        tokenize(text, s, e)
          .filter(whole)
          .map((t) => [t.start, t.end, t.norm]),
      );
    }
  });

  it('thousands of one-word lines are each found', () => {
    assert.equal(lint('refused\n'.repeat(5000)).filter((f) => f.text === 'refused').length, 5000);
  });
});
