import type { Position, Range } from 'vscode-languageserver';
import type { LineText } from './text';

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
 * so an emoji (one code point, two UTF-16 units) is four; lines end at '\n', '\r\n' or '\r'. A position past the
 * end of its line, or inside its CRLF, is taken as before the line break, as vscode-languageserver-textdocument does.
 */
export class Positions {
  constructor(
    private readonly text: LineText,
    private readonly encoding: Encoding,
  ) {}

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.text.lineCount) return this.text.length;
    const start = this.text.lineStart(p.line);
    const length = this.text.lineLength(p.line);
    if (this.encoding === 'utf-16') return start + Math.max(0, Math.min(p.character, length));
    // The line as stored (no copy of it: a 1 MB document may be one line), read up to its break.
    const line = this.text.lineWithBreak(p.line);
    let bytes = 0;
    let i = 0;
    while (i < length && bytes < p.character) {
      const { units, size } = utf8At(line, i);
      bytes += size;
      i += units;
    }
    return start + i;
  }

  positionAt(offset: number): Position {
    const line = this.text.lineAt(offset);
    const start = this.text.lineStart(line);
    const character = Math.min(Math.max(0, Math.min(offset, this.text.length)) - start, this.text.lineLength(line));
    if (this.encoding === 'utf-16') return { line, character };
    const content = this.text.lineWithBreak(line);
    let bytes = 0;
    for (let i = 0; i < character; ) {
      const { units, size } = utf8At(content, i);
      bytes += size;
      i += units;
    }
    return { line, character: bytes };
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
