import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../../shared-rules/src/index';
import { Positions, type Encoding } from './positions';

/** An open document as the client last sent it. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  doc: TextDocument;
  positions: Positions;
}

export function openDocument(
  uri: string,
  languageId: string,
  version: number,
  text: string,
  encoding: Encoding,
): OpenDocument {
  const doc = TextDocument.create(uri, languageId, version, text);
  return { uri, languageId, doc, positions: new Positions(doc, encoding) };
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
  encoding: Encoding,
): TextChange[] {
  const out: TextChange[] = [];
  for (const c of changes) {
    if ('range' in c) {
      const start = open.positions.offsetAt(c.range.start);
      const end = Math.max(start, open.positions.offsetAt(c.range.end));
      const doc = open.doc;
      // The library counts UTF-16: a UTF-8 range is handed over as UTF-16 positions.
      const range = encoding === 'utf-16' ? c.range : { start: doc.positionAt(start), end: doc.positionAt(end) };
      TextDocument.update(doc, [{ range, text: c.text }], version);
      out.push({ start, end, text: c.text });
    } else {
      const length = open.doc.getText().length;
      TextDocument.update(open.doc, [{ text: c.text }], version);
      out.push({ start: 0, end: length, text: c.text });
    }
  }
  return out;
}
