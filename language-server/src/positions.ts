import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The position encodings this server speaks: LSP's default, and UTF-8 when the client offers it. */
export type Encoding = 'utf-16' | 'utf-8';

/**
 * The encoding to use, given what the client offers: LSP 3.17's `general.positionEncodings`, or the older
 * `offsetEncoding` extension that Neovim 0.7 sends. UTF-8 when offered (no conversion on the client's side), else UTF-16.
 */
export function negotiate(offered: readonly string[] | undefined): Encoding {
  return offered?.includes('utf-8') ? 'utf-8' : 'utf-16';
}

/**
 * LSP positions ↔ the engine's UTF-16 offsets in one document. In UTF-8 mode, `character` counts the line's bytes,
 * so an emoji (one code point, two UTF-16 units) is four; lines end at '\n', '\r\n' or '\r' as the document counts them.
 */
export class Positions {
  constructor(
    private readonly doc: TextDocument,
    private readonly encoding: Encoding,
  ) {}

  offsetAt(p: Position): number {
    if (this.encoding === 'utf-16') return this.doc.offsetAt(p);
    const lineStart = this.doc.offsetAt({ line: p.line, character: 0 });
    const lineEnd = this.doc.offsetAt({ line: p.line + 1, character: 0 });
    const text = this.doc.getText().slice(lineStart, lineEnd);
    let bytes = 0;
    let i = 0;
    while (i < text.length && bytes < p.character) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) break; // a position past the end of the line stays on the line
      const { units, size } = utf8At(text, i);
      bytes += size;
      i += units;
    }
    return lineStart + i;
  }

  positionAt(offset: number): Position {
    const p = this.doc.positionAt(offset);
    if (this.encoding === 'utf-16') return p;
    const lineStart = offset - p.character;
    const text = this.doc.getText();
    let bytes = 0;
    for (let i = lineStart; i < lineStart + p.character; ) {
      const { units, size } = utf8At(text, i);
      bytes += size;
      i += units;
    }
    return { line: p.line, character: bytes };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** The UTF-16 units and UTF-8 bytes of the code point at i (a lone surrogate counts as U+FFFD, three bytes). */
function utf8At(text: string, i: number): { units: number; size: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return { units: 1, size: 1 };
  if (c < 0x800) return { units: 1, size: 2 };
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { units: 2, size: 4 };
  }
  return { units: 1, size: 3 };
}
