/**
 * Streams one export file (CSV or JSON lines) into records {id, text, date, line}. Reads 1 MB at a time and
 * waits for the caller after each chunk, so a slow consumer holds the reader back (backpressure) and memory stays
 * flat however large the file is. Rows that cannot be audited are counted and passed to `bad`, never thrown.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { extname } from 'node:path';
import { CsvFormatError, CsvParser, MAX_FIELD_CHARS, sniffDelimiter, type Delimiter } from './csv';
import { parseRecordDate } from './dates';
import { detectFields, type FieldChoice } from './fields';
import { ioMessage } from '../io-message';

export interface ExportRecord {
  id: string;
  text: string;
  /** `YYYY-MM-DD`, or null when the export has no date or this row's date is empty or unreadable. */
  date: string | null;
  /** 1-based line the row starts on. */
  line: number;
}

export type BadRowKind = 'missing-id' | 'missing-text' | 'bad-date' | 'missing-date' | 'invalid-json' | 'ragged';

export interface ReaderHooks {
  record(r: ExportRecord): void;
  bad(kind: BadRowKind, line: number, detail?: string): void;
  /** Called after each chunk, with the bytes read so far; the reader waits for it before reading on. */
  afterChunk(bytesRead: number): Promise<void>;
  /** Once the columns are known; a message returned stops reading this file. */
  fields(kind: 'csv' | 'jsonl', fields: FieldChoice, delimiter?: Delimiter): string | void;
}

export type ReadOutcome = { ok: true; looseQuotes: number } | { ok: false; line?: number; message: string };

const CHUNK = 1 << 20;

export function exportKind(path: string, head: string): 'csv' | 'jsonl' {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  return head.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

interface Decoder {
  decode(bytes?: Buffer, options?: { stream: boolean }): string;
}

/**
 * UTF-8 (the usual case) goes through Node's StringDecoder, which gives V8 one-byte strings for ASCII and Latin-1
 * text: half the memory of TextDecoder's two-byte strings, for every note and every excerpt kept. A byte-order mark
 * is dropped; UTF-16 exports (Excel's "Unicode text") are recognised by theirs.
 */
function decoderFor(first: Buffer): Decoder {
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  const utf16 = first[0] === 0xff && first[1] === 0xfe;
  const decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8');
  let bomToSkip = utf16 ? 2 : first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  return {
    decode(bytes?: Buffer) {
      if (!bytes) return decoder.end();
      const skip = bomToSkip;
      bomToSkip = 0;
      return decoder.write(skip ? bytes.subarray(skip) : bytes);
    },
  };
}

export async function readExport(
  path: string,
  explicit: Partial<FieldChoice>,
  hooks: ReaderHooks,
): Promise<ReadOutcome> {
  let decoder: Decoder | undefined;
  let handler: ((text: string) => void) | undefined;
  let finish: (() => ReadOutcome) | undefined;
  let failure: ReadOutcome | undefined;
  let bytes = 0;
  let file: FileHandle | undefined;
  try {
    file = await open(path, 'r');
    // one buffer for the whole file: no MB-sized garbage per chunk for the collector to catch up with
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      decoder ??= decoderFor(chunk);
      const text = decoder.decode(chunk, { stream: true });
      if (!handler) {
        if (text.slice(0, 8192).includes('\u0000')) {
          return {
            ok: false,
            message:
              'is a binary file, not CSV or JSON lines (a spreadsheet or a zip?). Export the notes as CSV and run again',
          };
        }
        const kind = exportKind(path, text);
        ({ handler, finish } = kind === 'csv' ? csvReader(text, explicit, hooks) : jsonlReader(explicit, hooks));
      }
      handler(text);
      await hooks.afterChunk(bytes);
    }
    if (!handler) return { ok: false, message: 'is empty: no header and no rows. Export the notes again' };
    if (decoder) handler(decoder.decode());
    const outcome = finish!();
    await hooks.afterChunk(bytes);
    return outcome;
  } catch (e) {
    if (e instanceof CsvFormatError) failure = { ok: false, line: e.line, message: e.message };
    else if (e instanceof FieldError) failure = { ok: false, line: e.line, message: e.message };
    else if ((e as NodeJS.ErrnoException).code) failure = { ok: false, message: ioMessage(e) };
    else throw e;
    return failure;
  } finally {
    await file?.close();
  }
}

class FieldError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function csvReader(head: string, explicit: Partial<FieldChoice>, hooks: ReaderHooks) {
  const delimiter = sniffDelimiter(head);
  let columns: { id: number; text: number; date: number; width: number } | undefined;
  const parser = new CsvParser(delimiter, (row, line) => {
    if (!columns) {
      const detected = detectFields(row, explicit);
      if (!detected.ok) throw new FieldError(detected.message, line);
      const f = detected.fields;
      columns = {
        id: row.indexOf(f.id),
        text: row.indexOf(f.text),
        date: f.date === undefined ? -1 : row.indexOf(f.date),
        width: row.length,
      };
      const refused = hooks.fields('csv', f, delimiter);
      if (refused) throw new FieldError(refused, line);
      return;
    }
    if (row.length !== columns.width) hooks.bad('ragged', line, `${row.length} fields, header has ${columns.width}`);
    emit(
      hooks,
      row[columns.id],
      row[columns.text],
      columns.date < 0 ? undefined : (row[columns.date] ?? ''),
      line,
      columns.date >= 0,
    );
  });
  return {
    handler: (text: string) => parser.push(text),
    finish: (): ReadOutcome => {
      parser.end();
      if (!columns) return { ok: false, line: 1, message: 'has no header row; the first row must name the columns' };
      return { ok: true, looseQuotes: parser.looseQuotes };
    },
  };
}

function jsonlReader(explicit: Partial<FieldChoice>, hooks: ReaderHooks) {
  let rest = '';
  let line = 0;
  let fields: FieldChoice | undefined;
  const onLine = (raw: string) => {
    line++;
    const s = raw.trim();
    if (s === '') return;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      hooks.bad('invalid-json', line, (e as Error).message);
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      hooks.bad('invalid-json', line, 'not a JSON object');
      return;
    }
    const obj = value as Record<string, unknown>;
    if (!fields) {
      const detected = detectFields(Object.keys(obj), explicit);
      if (!detected.ok) throw new FieldError(detected.message, line);
      fields = detected.fields;
      const refused = hooks.fields('jsonl', fields);
      if (refused) throw new FieldError(refused, line);
    }
    const id = obj[fields.id];
    emit(
      hooks,
      typeof id === 'number' ? String(id) : id,
      obj[fields.text],
      fields.date === undefined ? undefined : obj[fields.date],
      line,
      fields.date !== undefined,
    );
  };
  return {
    handler: (text: string) => {
      let from = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
        onLine(rest ? rest + text.slice(from, nl) : text.slice(from, nl));
        rest = '';
        from = nl + 1;
      }
      rest += text.slice(from);
      if (rest.length > MAX_FIELD_CHARS)
        throw new FieldError(
          `line ${line + 1} runs past ${MAX_FIELD_CHARS / 1024 / 1024}M characters; JSON lines need one record per line`,
          line + 1,
        );
    },
    finish: (): ReadOutcome => {
      if (rest) onLine(rest);
      rest = '';
      if (!fields) return { ok: false, message: 'holds no JSON object to read the columns from' };
      return { ok: true, looseQuotes: 0 };
    },
  };
}

function emit(
  hooks: ReaderHooks,
  id: unknown,
  text: unknown,
  dateValue: unknown,
  line: number,
  hasDate: boolean,
): void {
  if (typeof id !== 'string' || id.trim() === '') return hooks.bad('missing-id', line);
  if (typeof text !== 'string' || text.trim() === '') return hooks.bad('missing-text', line);
  let date: string | null = null;
  if (hasDate) {
    if (dateValue === undefined || dateValue === null || dateValue === '') hooks.bad('missing-date', line);
    else {
      date = parseRecordDate(dateValue);
      if (date === null) hooks.bad('bad-date', line, String(dateValue).slice(0, 40));
    }
  }
  hooks.record({ id: id.trim(), text, date, line });
}
