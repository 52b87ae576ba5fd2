/**
 * The trained model as data: the kept feature buckets (sorted) and, per bucket, one int8 weight for each category
 * (relative to "none", so "none" needs no column: softmax is unchanged when every class's weight for a feature
 * moves by the same amount). Stored as base64 of [varint count][varint bucket gaps][count x 4 int8 weights].
 */
import { CATEGORIES } from '../types';

export const MODEL_CLASSES = CATEGORIES.length;

export interface ModelWeights {
  /** Kept feature buckets, ascending. */
  buckets: Uint32Array;
  /** weights[i * MODEL_CLASSES + c]: bucket i's weight for CATEGORIES[c], in units of `scale`. */
  weights: Int8Array;
  scale: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each base64 character's value by character code ("=" and anything else: 0). */
const VALUE = new Uint8Array(128);
for (let i = 0; i < 64; i++) VALUE[B64.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/**
 * Node's own base64 decoder, where the host is Node (carelint-ls, the CLI, VS Code on the desktop): decoding the
 * model's 133 KB of base64 in JavaScript, in code that runs once and so never leaves the interpreter, was about
 * 37 M instructions of carelint-ls's first lint, Node's decoder about 1 M. Browsers decode in JavaScript.
 */
const nodeBuffer = (globalThis as { Buffer?: { from(data: string, encoding: 'base64'): Uint8Array } }).Buffer;

/** Base64 to bytes: with Node's decoder where there is one, else base64InJs. */
export function fromBase64(s: string): Uint8Array {
  return typeof nodeBuffer?.from === 'function' ? nodeBuffer.from(s, 'base64') : base64InJs(s);
}

/** Base64 to bytes without atob or Buffer: the engine runs in every host. */
export function base64InJs(s: string): Uint8Array {
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  const value = (i: number) => VALUE[s.charCodeAt(i)] ?? 0;
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n = (value(i) << 18) | (value(i + 1) << 12) | (value(i + 2) << 6) | value(i + 3);
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Ascending integers as [varint count][varint gaps]. */
function pushAscending(bytes: number[], values: ArrayLike<number>): void {
  const varint = (v: number) => {
    while (v >= 128) {
      bytes.push((v % 128) + 128);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  varint(values.length);
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    varint(values[i] - prev);
    prev = values[i];
  }
}

/** [varint count][varint gaps] back to the integers; one loop, no closure (it runs once, in the interpreter). */
function readAscending(bytes: Uint8Array, at: { p: number }): Uint32Array {
  let p = at.p;
  let out: Uint32Array | null = null;
  let prev = 0;
  for (let i = -1; out === null || i < out.length; i++) {
    let v = 0;
    let mul = 1;
    let b = bytes[p++];
    while (b >= 128) {
      v += (b - 128) * mul;
      mul *= 128;
      b = bytes[p++];
    }
    v += b * mul;
    if (out === null) out = new Uint32Array(v);
    else out[i] = prev += v;
  }
  at.p = p;
  return out;
}

export function encodeWeights(m: ModelWeights): string {
  const bytes: number[] = [];
  pushAscending(bytes, m.buckets);
  for (const w of m.weights) bytes.push(w & 255);
  return toBase64(Uint8Array.from(bytes));
}

/** The trigger hashes (model/triggers.ts), ascending. */
export const encodeHashes = (hashes: Uint32Array): string => {
  const bytes: number[] = [];
  pushAscending(bytes, hashes);
  return toBase64(Uint8Array.from(bytes));
};
export const decodeHashes = (data: string): Uint32Array => readAscending(fromBase64(data), { p: 0 });

export function decodeWeights(data: string, scale: number): ModelWeights {
  const bytes = fromBase64(data);
  const at = { p: 0 };
  const buckets = readAscending(bytes, at);
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at.p, buckets.length * MODEL_CLASSES).slice();
  return { buckets, weights, scale };
}

/** Index of `bucket` in the sorted `buckets`, or -1. */
export function findBucket(buckets: Uint32Array, bucket: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const v = buckets[m];
    if (v < bucket) lo = m + 1;
    else if (v > bucket) hi = m - 1;
    else return m;
  }
  return -1;
}
