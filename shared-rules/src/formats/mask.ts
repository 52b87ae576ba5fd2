/**
 * maskNonProse: the text with everything that is not prose hidden, at the same length, so findings on the
 * masked text have offsets valid in the original.
 *
 * Conventions the matcher relies on:
 * - hidden code units become ' '; '\n' and '\r' are always kept where they are;
 * - HTML block-level tags become "\n\n" at their first two positions, then spaces (a heading's opening
 *   tag "\n\n# ", so the section detector reads `<h2>Care plan</h2>` like `## Care plan`);
 * - a decoded character reference is its character at its first position, then U+200B fill;
 * - a template placeholder (every format) is a run of U+FFFC: one opaque word that matches nothing;
 * - directive comments (carelint-disable...) are hidden in every format.
 */
import type { TextFormat } from '../types';
import { work } from '../work';
import { hide, maskToString, toMask } from './buffer';
import { findDirectives } from './directives';
import { maskHtml } from './html';
import { maskMarkdown } from './markdown';
import { maskPlaceholders } from './placeholders';

export function maskNonProse(text: string, format: TextFormat): string {
  work.maskedChars += text.length;
  const out = toMask(text);
  const placeholders = maskPlaceholders(text, out);
  if (format === 'markdown' || format === 'html') {
    // The format scan reads the text with placeholders already opaque, so a '>' or '`' inside `{{ }}`
    // cannot end a tag or open a code span.
    const src = placeholders > 0 ? maskToString(out) : text;
    if (format === 'html') maskHtml(src, out);
    else maskMarkdown(src, out);
  }
  // Directives come in order; several on one line share its end, so hide each stretch once (linear).
  let hidden = 0;
  for (const d of findDirectives(text)) {
    const from = Math.max(d.start, hidden);
    if (d.end > from) hide(out, from, d.end);
    hidden = Math.max(hidden, d.end);
  }
  return maskToString(out);
}
