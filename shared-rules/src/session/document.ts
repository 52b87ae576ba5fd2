import { eachChunkStart } from './chunks';
import { maskNonProse } from '../formats';
import type { TextFormat } from '../types';

/** A chunk as the linter sees it: masked text for matching, and where it sits in the document. */
export interface ChunkSlice {
  start: number;
  masked: string;
}

/**
 * Split a document into lintable chunks. Markdown and HTML are masked as a whole (fences and tags
 * span paragraphs); plain text is masked per chunk, so the incremental session can do the same.
 */
export function* sliceDocument(text: string, format: TextFormat): Generator<ChunkSlice> {
  const whole = format === 'plaintext' ? text : maskNonProse(text, format);
  let start = -1;
  for (const next of eachChunkStart(whole)) {
    if (start >= 0) yield slice(whole, start, next, format);
    start = next;
  }
  yield slice(whole, start, whole.length, format);
}

function slice(whole: string, start: number, end: number, format: TextFormat): ChunkSlice {
  const raw = whole.slice(start, end);
  return { start, masked: format === 'plaintext' ? maskChunk(raw) : raw };
}

// Anything plain-text masking could act on: placeholder openers and directives.
const MAY_NEED_MASK = /\{\{|\{%|\{#|\$\{|\[\[|\u00ab|<<|carelint-/i;

/** Plain-text masking (placeholders, directive lines) of one chunk; most chunks have neither. */
export function maskChunk(raw: string): string {
  return MAY_NEED_MASK.test(raw) ? maskNonProse(raw, 'plaintext') : raw;
}
