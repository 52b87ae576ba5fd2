// The model's feature code, its storage format and its sentences: the same code runs at training and at lint time.
import { strict as assert } from 'node:assert';
import {
  featuresOf,
  markedHash,
  MODEL_BITS,
  negatedBucket as negatedBucketOf,
  pairBucket,
  QUOTED_MARK,
  wordBucket,
  wordHash,
} from '../shared-rules/src/model/features';
import { findTriggers, TriggerSet, triggerHash } from '../shared-rules/src/model/triggers';
import { sentenceSpans } from '../shared-rules/src/model/sentences';
import { MODEL_DATA } from '../shared-rules/model/model-data';
import {
  base64InJs,
  decodeHashes,
  decodeWeights,
  encodeHashes,
  encodeWeights,
  findBucket,
  fromBase64,
  toBase64,
} from '../shared-rules/src/model/weights';
import { triggerHashes } from '../shared-rules/scripts/model/triggers';
import { quoteSpans } from '../shared-rules/src/context/quotes';
import { weightiestWords } from '../shared-rules/src/model/score';
import { CATEGORIES } from '../shared-rules/src/types';
import { tokenize } from '../shared-rules/src/text/tokenize';

const features = (text: string) => {
  const tokens = tokenize(text);
  const out: number[] = [];
  featuresOf({ text, quotes: quoteSpans(text, 0, text.length) }, tokens, 0, tokens.length, out);
  return out;
};
/** The XOR a quoted word's hash carries (markedHash with the quoted mark). */
const quotedXor = (word: string) => markedHash(word, QUOTED_MARK) ^ wordHash(word);
/** Features of `text` absent from `other`'s. */
const only = (text: string, other: string) => features(text).filter((f) => !features(other).includes(f));

describe('model features', () => {
  it('reads words as the engine tokenizes them: case, curly apostrophes and en-US spelling do not matter', () => {
    assert.deepEqual(features('She WON’T stop the behavior'), features("she won't stop the behaviour"));
  });

  it('gives each word, each adjacent pair and each long word’s prefix a bucket, once each, sorted', () => {
    // "discharged again": 2 words + 1 prefix ("disch") + 1 pair
    const f = features('discharged again');
    assert.equal(f.length, 4);
    assert.deepEqual(
      f,
      [...f].sort((a, b) => a - b),
    );
    assert.ok(f.every((b) => b >= 0 && b < 2 ** MODEL_BITS));
    assert.equal(features('again again again').length, 2, 'a repeated word or pair counts once');
  });

  it('tells the order of a pair apart, and a pair from its two words', () => {
    const [a, b] = [wordHash('not'), wordHash('discharged')];
    assert.notEqual(pairBucket(a, b), pairBucket(b, a));
    assert.notDeepEqual(features('not discharged'), features('discharged not'));
  });

  it('reads quoted words as the person’s, not the writer’s: no word of theirs shares a bucket with the same word written', () => {
    const written = features('She is a junkie and always will be');
    const quoted = features('She said "junkie" and always will be');
    const junkie = only('She is a junkie and always will be', 'She is a and always will be');
    assert.ok(junkie.length > 0);
    assert.ok(
      junkie.every((f) => !quoted.includes(f)),
      'the quoted word, its prefix and pairs are other buckets',
    );
    assert.ok(written.includes(wordBucket(wordHash('always'))), 'words outside the quotation are read as written');
    assert.ok(quoted.includes(wordBucket(wordHash('always'))));
    assert.deepEqual(features("In her words, 'I'm a junkie.'"), features('In her words, “I’m a junkie.”'));
  });

  it('marks the word a negation binds, over auxiliaries, so "must not withdraw" and "will withdraw" differ', () => {
    const marked = only('Staff must not withdraw contact', 'Staff must withdraw contact');
    // "not", "must not", "not withdraw" and the negated "withdraw"
    assert.equal(marked.length, 4);
    assert.ok(
      features('Staff must not withdraw contact').includes(wordBucket(wordHash('withdraw'))),
      'the word itself too',
    );
    assert.deepEqual(only('She will not be seen', 'She will be seen').length, 4, '"be" passed over: "seen" marked');
    const notSeen = only('She will not be seen', 'She will not be');
    const neverSeen = only('She was never seen', 'She was never');
    assert.equal(notSeen.filter((f) => neverSeen.includes(f)).length, 2, '"seen" and the negated "seen", either way');
    assert.equal(only('She was not, however, seen', 'She was not, however,').length, 2, 'a negation stops at a comma');
  });

  it('carries a negation into a quotation it opens, but not out of one that closes', () => {
    const negated = (text: string, word: string) => {
      const own = wordHash(word) ^ (text.includes(`"${word}`) || text.includes(`“${word}`) ? quotedXor(word) : 0);
      return features(text).includes(negatedBucketOf(own));
    };
    assert.ok(negated('There will be no "contract" for her', 'contract'), 'quoted under "no"');
    assert.ok(negated('There will be no “contract” for her', 'contract'), 'curly marks too');
    assert.ok(negated('There will be no contract for her', 'contract'));
    assert.ok(!negated('She said "I will not" discharge', 'discharge'), 'a closing mark ends the reach');
  });

  it('shares a prefix bucket between forms of one word', () => {
    const common = features('sanctioned').filter((x) => features('sanctions').includes(x));
    assert.equal(common.length, 1);
  });
});

describe('model message', () => {
  const named = (text: string) => {
    const tokens = tokenize(text);
    const src = { text, quotes: quoteSpans(text, 0, text.length) };
    const stigma = CATEGORIES.indexOf('stigmatizing-language');
    return weightiestWords(src, tokens, 0, tokens.length, stigma, 3).map((k) => tokens[k].norm);
  };

  it('names the words as the model read them: a quoted word by its quoted weight, not the written word’s', () => {
    assert.ok(named('She is a junkie and cried in the waiting room').includes('junkie'));
    assert.ok(!named('She called herself a "junkie" and cried in the waiting room').includes('junkie'));
  });
});

describe('model weights format', () => {
  it('round-trips base64 for every length, in JavaScript (browsers) and with Node’s decoder', () => {
    for (let n = 0; n < 7; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      assert.deepEqual(base64InJs(toBase64(bytes)), bytes);
      assert.deepEqual(Uint8Array.from(fromBase64(toBase64(bytes))), bytes);
    }
  });

  it('decodes the committed model the same in JavaScript as with Node’s decoder', () => {
    for (const data of [MODEL_DATA.weights, MODEL_DATA.triggers])
      assert.deepEqual(Uint8Array.from(fromBase64(data)), base64InJs(data));
  });

  it('round-trips ascending hashes, none and many, with gaps past one varint byte', () => {
    for (const hashes of [[], [1], [5, 130, 20000, 4294967295]]) {
      const values = Uint32Array.from(hashes);
      assert.deepEqual(decodeHashes(encodeHashes(values)), values);
    }
  });

  it('round-trips buckets and int8 weights, and finds a bucket by binary search', () => {
    const buckets = Uint32Array.from([3, 200, 70000, 262143]);
    const weights = Int8Array.from({ length: 16 }, (_, i) => (i % 2 ? -i * 8 : i * 8));
    const back = decodeWeights(encodeWeights({ buckets, weights, scale: 0.01 }), 0.01);
    assert.deepEqual(back.buckets, buckets);
    assert.deepEqual(back.weights, weights);
    assert.equal(findBucket(back.buckets, 70000), 2);
    assert.equal(findBucket(back.buckets, 70001), -1);
  });
});

describe('model sentences', () => {
  it('are the context windows’ sentences, trimmed, with their closing mark', () => {
    const text = 'Seen today.  If she calls again: discharge\n- Plan: review';
    assert.deepEqual(
      sentenceSpans(text).map(([s, e]) => text.slice(s, e)),
      ['Seen today.', 'If she calls again:', 'discharge', '- Plan:', 'review'],
    );
  });
});

describe('model trigger pre-check', () => {
  const set = new TriggerSet(Uint32Array.from([triggerHash('discharge', false), triggerHash('sanct', true)]));
  const words = (text: string) => findTriggers(text, set, []).map((at) => text.slice(at, at + 9));

  it('finds trigger words in one pass over the characters, in any letter case, and a trigger prefix in longer words', () => {
    assert.deepEqual(words('Will DISCHARGE him; sanctioned twice, discharged.'), ['DISCHARGE', 'sanctione']);
    assert.deepEqual(findTriggers('sanct discharge', set, []), [6], 'a 5-letter word is not a prefix of itself');
  });

  it('leaves out a letter run that is a common word: "that" of a heavy "that\'s" would send most sentences to the model', () => {
    const heavy = {
      buckets: Uint32Array.from([wordBucket(wordHash("that's"))]),
      weights: Int8Array.from([127, 0, 0, 0]),
      scale: 0.01,
    };
    assert.ok(triggerHashes(heavy, ["that's"], 24).includes(triggerHash('that', false)));
    assert.ok(!triggerHashes(heavy, ["that's"], 24, new Set(['that'])).includes(triggerHash('that', false)));
  });

  it('reads a word at the very end of the text', () => {
    assert.deepEqual(findTriggers('then discharge', set, []), [5]);
  });
});
