import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextChange } from '../../shared-rules/src/index';
import { Positions, type Encoding } from './positions';
import { LineText } from './text';

/** An open document as the client last sent it: one text, edited in place. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: LineText;
  positions: Positions;
}

export function openDocument(
  uri: string,
  languageId: string,
  version: number,
  text: string,
  encoding: Encoding,
): OpenDocument {
  const lines = new LineText(text);
  return { uri, languageId, version, text: lines, positions: new Positions(lines, encoding) };
}

/**
 * Apply the client's incremental changes in order and return them as the engine's TextChanges (UTF-16 offsets, each
 * in the text left by the one before), so the document's LintSession re-lints only what they touched. A change
 * without a range replaces the whole text.
 */
export function applyChanges(
  open: OpenDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
): TextChange[] {
  const out: TextChange[] = [];
  for (const c of changes) {
    const start = 'range' in c ? open.positions.offsetAt(c.range.start) : 0;
    const end = 'range' in c ? Math.max(start, open.positions.offsetAt(c.range.end)) : open.text.length;
    open.text.replace(start, end, c.text);
    out.push({ start, end, text: c.text });
  }
  open.version = version;
  return out;
}
