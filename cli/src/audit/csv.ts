/**
 * Streaming RFC 4180 CSV parser: quoted fields may hold delimiters, doubled quotes and line breaks; rows end at
 * LF, CRLF or a lone CR. Text arrives in chunks of any size and a field may span chunks, so memory stays bounded
 * by the longest row rather than by the file. Hand-written because it sits on the audit's hot path: one pass over
 * character codes, no regexes, no per-character allocations.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A field longer than this is almost always a missing closing quote swallowing the rest of the file. */
export const MAX_FIELD_CHARS = 16 * 1024 * 1024;

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: either the first of a doubled quote or the closing one. */
  QuoteInQuoted,
}

export type RowHandler = (fields: string[], line: number) => void;

export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  /** Physical line (1-based) the current position is on, and the one the current row started on. */
  private line = 1;
  private rowLine = 1;
  /** A CR ended the last row or line; an LF right after it belongs to the same line break. */
  private afterCR = false;
  private quotedRow = false;
  private readonly delim: number;
  /** Quotes that RFC 4180 does not allow (`"a"b`, `a"b`); kept as text and counted so the caller can say so. */
  looseQuotes = 0;

  constructor(
    delimiter: Delimiter,
    private readonly onRow: RowHandler,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  push(chunk: string): void {
    const n = chunk.length;
    const delim = this.delim;
    let state = this.state;
    let segStart = 0;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          // inside quotes the LF stays part of the field's text; between rows it is skipped
          if (state !== State.Quoted) segStart = i + 1;
          continue;
        }
      }
      switch (state) {
        case State.FieldStart:
          if (c === QUOTE) {
            state = State.Quoted;
            this.quotedRow = true;
            segStart = i + 1;
          } else if (c === delim) {
            this.fields.push('');
          } else if (c === LF || c === CR) {
            this.fields.push('');
            this.endRow(c);
            segStart = i + 1;
          } else {
            state = State.Unquoted;
            segStart = i;
          }
          break;
        case State.Unquoted:
          if (c === delim) {
            this.fields.push(this.field + chunk.slice(segStart, i));
            this.field = '';
            state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.fields.push(this.field + chunk.slice(segStart, i));
            this.field = '';
            this.endRow(c);
            state = State.FieldStart;
            segStart = i + 1;
          } else if (c === QUOTE) {
            this.looseQuotes++;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += chunk.slice(segStart, i);
            state = State.QuoteInQuoted;
          } else if (c === LF) {
            this.line++;
          } else if (c === CR) {
            this.line++;
            this.afterCR = true;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // doubled quote: keep one, carry on inside the quotes
            state = State.Quoted;
            segStart = i;
          } else if (c === delim) {
            this.fields.push(this.field);
            this.field = '';
            state = State.FieldStart;
          } else if (c === LF || c === CR) {
            this.fields.push(this.field);
            this.field = '';
            this.endRow(c);
            state = State.FieldStart;
            segStart = i + 1;
          } else {
            // `"abc"def`: keep the text after the closing quote as part of the field
            this.looseQuotes++;
            state = State.Unquoted;
            segStart = i;
          }
          break;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) this.field += chunk.slice(segStart);
    this.state = state;
    if (this.field.length > MAX_FIELD_CHARS) {
      throw new CsvFormatError(
        `a field starting on this line runs past ${MAX_FIELD_CHARS / 1024 / 1024}M characters; most likely a quote (") is not closed. Fix the quoting in the export and run again`,
        this.rowLine,
      );
    }
  }

  /** Flushes the last row (a file need not end with a line break). */
  end(): void {
    if (this.state === State.Quoted) {
      throw new CsvFormatError(
        'a quoted field starting on this line is never closed; the rest of the file was read as one field. Fix the quoting in the export and run again',
        this.rowLine,
      );
    }
    if (this.state === State.FieldStart && this.fields.length === 0) return;
    this.fields.push(this.field);
    this.field = '';
    this.emit();
  }

  private endRow(c: number): void {
    this.emit();
    this.line++;
    this.afterCR = c === CR;
    this.rowLine = this.line;
  }

  private emit(): void {
    const fields = this.fields;
    this.fields = [];
    const quoted = this.quotedRow;
    this.quotedRow = false;
    // a blank line is no row at all
    if (fields.length === 1 && fields[0] === '' && !quoted) return;
    this.onRow(fields, this.rowLine);
  }
}

/**
 * Picks the delimiter from the header line: the candidate that occurs most often outside quotes.
 * A single-column file has none of them and is read with `,`.
 */
export function sniffDelimiter(head: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
