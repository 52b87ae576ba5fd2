import { readFileSync } from 'node:fs';

/** The notes of a JSON-lines corpus (one object with a "text" field per line). */
export function readNotes(path) {
  const notes = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const text = JSON.parse(line).text;
      if (typeof text !== 'string') throw new Error(`${path}:${i + 1}: no "text" field`);
      notes.push(text);
    });
  if (notes.length === 0) throw new Error(`${path}: no notes`);
  return notes;
}

/** Notes joined by blank lines, cycling as needed, cut to exactly `chars` UTF-16 units. */
export function textOf(notes, chars, from = 0) {
  const parts = [];
  let size = 0;
  for (let i = from; size < chars; i = (i + 1) % notes.length) {
    parts.push(notes[i]);
    size += notes[i].length + 2;
  }
  return parts.join('\n\n').slice(0, chars);
}

/** A paragraph of about `chars` characters with no blank line inside: what an editor re-lints after an edit. */
export function paragraphOf(notes, chars) {
  return textOf(notes, chars * 2)
    .replace(/\s*\n\s*/g, ' ')
    .slice(0, chars);
}
