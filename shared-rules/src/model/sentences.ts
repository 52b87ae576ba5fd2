/**
 * The sentences the model reads: the context windows' own bounds (context/sentence.ts), so a model finding's
 * sentence is the one judge() checks for mentions and quotations. Training splits notes with the same function.
 */
import { sentenceEnds } from '../context/sentence';

/** [start, end) of each sentence of text[lo, hi), trimmed to its first and last non-space character; empty ones left out. */
export function sentenceSpans(text: string, lo = 0, hi = text.length): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const ends = sentenceEnds(text, lo, hi);
  let s = lo;
  for (let i = 0; i <= ends.length; i++) {
    // the boundary character (a full stop, a colon, a line break) belongs to the sentence it closes
    const e = i < ends.length ? ends[i] + 1 : hi;
    let a = s;
    let b = e;
    while (a < b && text.charCodeAt(a) <= 32) a++;
    while (b > a && text.charCodeAt(b - 1) <= 32) b--;
    if (b > a) out.push([a, b]);
    s = e;
  }
  return out;
}
