import mammoth from 'mammoth';

/** The text of a Word document, one paragraph per "\n\n"-separated block (mammoth's raw text). */
export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value;
}

/** Paragraph (1-based, reported as the line) and column of an offset into docxText's output. */
export function paragraphColumn(text: string, offset: number): { line: number; column: number } {
  let paragraph = 1;
  let start = 0;
  for (let i = text.indexOf('\n\n'); i !== -1 && i + 2 <= offset; i = text.indexOf('\n\n', start)) {
    paragraph++;
    start = i + 2;
  }
  return { line: paragraph, column: offset - start + 1 };
}
