import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  type Edit,
  type FormattingOptions,
} from 'jsonc-parser/lib/esm/main.js';
import type { AllowEntry } from '../shared-rules/src/index';

/**
 * `.carelintrc.json` text with one more `allow` entry. Everything else (comments, order, formatting) stays as it
 * was: jsonc-parser edits only the `allow` array, or adds it.
 */
export function withAllowEntry(text: string, entry: AllowEntry): string {
  const base = text.trim() === '' ? '{}\n' : text;
  return applyEdits(base, allowEdits(base, entry));
}

/** The edits (offsets into `text`, a non-empty config) that add the entry. */
export function allowEdits(text: string, entry: AllowEntry): Edit[] {
  const formattingOptions = formattingOf(text);
  const root = parseTree(text, [], { allowTrailingComma: true });
  const allow = root ? findNodeAtLocation(root, ['allow']) : undefined;
  const last = allow?.type === 'array' ? allow.children?.[allow.children.length - 1] : undefined;
  if (last) {
    // After the last entry, on a line of its own with the same indentation. (jsonc-parser's formatter would also
    // reformat the entry before it.)
    const lineStart = text.lastIndexOf('\n', last.offset) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const inline = `{ ${Object.entries(entry)
      .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(', ')} }`;
    return [{ offset: last.offset + last.length, length: 0, content: `,${formattingOptions.eol}${indent}${inline}` }];
  }
  return allow?.type === 'array'
    ? modify(text, ['allow', 0], entry, { formattingOptions, isArrayInsertion: true })
    : modify(text, ['allow'], [entry], { formattingOptions });
}

function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 4 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
