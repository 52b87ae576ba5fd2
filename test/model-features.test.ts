// The model's feature code, its storage format and its sentences: the same code runs at training and at lint time.
import { strict as assert } from 'node:assert';
import { featuresOf, MODEL_BITS, pairBucket, wordHash } from '../shared-rules/src/model/features';
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
import { tokenize } from '../shared-rules/src/text/tokenize';

const features = (text: string) => {
  const tokens = tokenize(text);
  const out: number[] = [];
  featuresOf(tokens, 0, tokens.length, out);
  return out;
};

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

  it('shares a prefix bucket between forms of one word', () => {
    const common = features('sanctioned').filter((x) => features('sanctions').includes(x));
    assert.equal(common.length, 1);
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

  it('reads a word at the very end of the text', () => {
    assert.deepEqual(findTriggers('then discharge', set, []), [5]);
  });
});
