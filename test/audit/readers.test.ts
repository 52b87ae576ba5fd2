/**
 * The audit's building blocks, tested directly: the streaming CSV parser (RFC 4180 edge cases, every chunk split),
 * delimiter sniffing, column detection and date reading.
 */
import assert from 'node:assert/strict';
import { CsvFormatError, CsvParser, sniffDelimiter, type Delimiter } from '../../cli/src/audit/csv';
import { parseOptionDate, parseRecordDate } from '../../cli/src/audit/dates';
import { detectFields } from '../../cli/src/audit/fields';

type Row = { fields: string[]; line: number };

function parse(text: string, delimiter: Delimiter = ',', chunks: number[] = []): Row[] {
  const rows: Row[] = [];
  const p = new CsvParser(delimiter, (fields, line) => rows.push({ fields, line }));
  let at = 0;
  for (const cut of [...chunks, text.length]) {
    p.push(text.slice(at, cut));
    at = cut;
  }
  p.end();
  return rows;
}

describe('audit: CSV parser', () => {
  it('reads plain rows and reports the line each starts on', () => {
    assert.deepEqual(parse('a,b\n1,2\n3,4\n'), [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const rows = parse(
      'id,note\r\n1,"she said ""no"", then left"\r\n2,"line one\r\nline two\nline three"\r\n3,after\r\n',
    );
    assert.deepEqual(
      rows.map((r) => r.fields),
      [
        ['id', 'note'],
        ['1', 'she said "no", then left'],
        ['2', 'line one\r\nline two\nline three'],
        ['3', 'after'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.line),
      [1, 2, 3, 6],
    );
  });

  it('treats CRLF, LF and a lone CR as row ends, and skips blank lines', () => {
    assert.deepEqual(
      parse('a\r\n\r\nb\rc\n\nd').map((r) => [r.fields[0], r.line]),
      [
        ['a', 1],
        ['b', 3],
        ['c', 4],
        ['d', 6],
      ],
    );
  });

  it('keeps empty fields and ragged rows as they are', () => {
    assert.deepEqual(
      parse('a,b,c\n,,\n1\n1,2,3,4\n"",x,\n').map((r) => r.fields),
      [['a', 'b', 'c'], ['', '', ''], ['1'], ['1', '2', '3', '4'], ['', 'x', '']],
    );
  });

  it('gives the same rows however the text is split into chunks', () => {
    const text = 'id;note;date\r\n7;"a ""quoted""; word\r\nsecond line";2022-01-01\r\n8;plain;\r\n"9";"";x\r\n';
    const whole = parse(text, ';');
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 3)]) {
        assert.deepEqual(parse(text, ';', [i, j]), whole, `split at ${i} and ${j}`);
      }
    }
    assert.deepEqual(whole[1].fields, ['7', 'a "quoted"; word\r\nsecond line', '2022-01-01']);
  });

  it('reads tab-separated text', () => {
    assert.deepEqual(
      parse('a\tb\n1\t"x\ty"\n', '\t').map((r) => r.fields),
      [
        ['a', 'b'],
        ['1', 'x\ty'],
      ],
    );
  });

  it('keeps stray quotes as text and counts them', () => {
    const rows: string[][] = [];
    const p = new CsvParser(',', (f) => rows.push(f));
    p.push('a,b\n5" tall,"ok"x\n');
    p.end();
    assert.deepEqual(rows, [
      ['a', 'b'],
      ['5" tall', 'okx'],
    ]);
    assert.equal(p.looseQuotes, 2);
  });

  it('fails with the starting line when a quote is never closed', () => {
    assert.throws(
      () => parse('a,b\n1,2\n3,"never closed\nmore\n'),
      (e: unknown) => e instanceof CsvFormatError && e.line === 3 && /never closed/.test(e.message),
    );
  });

  it('sniffs the delimiter from the header line, ignoring quoted text', () => {
    assert.equal(sniffDelimiter('patient_id,date,note\n1;2;3;4'), ',');
    assert.equal(sniffDelimiter('Patient ID;Date;Note\r\n'), ';');
    assert.equal(sniffDelimiter('id\tnote\tdate\n'), '\t');
    assert.equal(sniffDelimiter('"a,b,c";d;e\n'), ';');
    assert.equal(sniffDelimiter('note\n'), ',');
  });
});

describe('audit: column detection', () => {
  it('finds id, text and date from common names, ignoring case and punctuation', () => {
    assert.deepEqual(detectFields(['NHS Number', 'Note Text', 'Created At'], {}), {
      ok: true,
      fields: { id: 'NHS Number', text: 'Note Text', date: 'Created At' },
    });
    assert.deepEqual(detectFields(['mrn', 'body'], {}), { ok: true, fields: { id: 'mrn', text: 'body' } });
  });

  it('prefers a person column to a generic id column', () => {
    const d = detectFields(['id', 'patient_id', 'note_date', 'text'], {});
    assert.ok(d.ok && d.fields.id === 'patient_id');
  });

  it('refuses two candidates, naming them and every column', () => {
    const d = detectFields(['patient_id', 'nhs_number', 'note'], {});
    assert.ok(!d.ok);
    assert.match(d.message, /"patient_id", "nhs_number"/);
    assert.match(d.message, /--id-field/);
    assert.match(d.message, /columns found: "patient_id", "nhs_number", "note"/);
  });

  it('says which column is missing', () => {
    const d = detectFields(['patient_id', 'written'], {});
    assert.ok(!d.ok && /note text/.test(d.message) && /--text-field/.test(d.message) && /"written"/.test(d.message));
  });

  it('lists at most 40 columns, each cut to 60 characters', () => {
    const columns = Array.from({ length: 45 }, (_, i) => `column ${i} ${'x'.repeat(i === 0 ? 100 : 0)}`);
    const d = detectFields(columns, {});
    assert.ok(!d.ok);
    assert.match(d.message, /and 5 more$/);
    assert.ok(d.message.length < 40 * 64 + 300);
  });

  it('honours explicit names and checks they exist', () => {
    assert.deepEqual(detectFields(['patient_id', 'nhs_number', 'note'], { id: 'nhs_number' }), {
      ok: true,
      fields: { id: 'nhs_number', text: 'note' },
    });
    const d = detectFields(['a', 'b'], { id: 'a', text: 'c' });
    assert.ok(!d.ok && /--text-field 'c' is not a column/.test(d.message));
  });
});

describe('audit: dates', () => {
  it('reads ISO dates and date-times as the day written', () => {
    assert.equal(parseRecordDate('2023-03-10'), '2023-03-10');
    assert.equal(parseRecordDate('2023-03-10T23:30:00-05:00'), '2023-03-10');
    assert.equal(parseRecordDate('2023-03-10 09:00'), '2023-03-10');
  });

  it('reads slashed dates day first, and Unix timestamps as UTC', () => {
    assert.equal(parseRecordDate('10/03/2023'), '2023-03-10');
    assert.equal(parseRecordDate('1.2.2021'), '2021-02-01');
    assert.equal(parseRecordDate(1678406400), '2023-03-10');
    assert.equal(parseRecordDate('1678406400000'), '2023-03-10');
  });

  it('rejects impossible and unreadable dates', () => {
    for (const bad of ['2023-02-30', '31/13/2023', 'yesterday', '', '2023', null, {}])
      assert.equal(parseRecordDate(bad), null, String(bad));
  });

  it('accepts only YYYY-MM-DD for --since and --until', () => {
    assert.equal(parseOptionDate('2023-03-10'), '2023-03-10');
    for (const bad of ['10/03/2023', '2023-3-10', '2023-02-29', 'March']) assert.equal(parseOptionDate(bad), null, bad);
  });
});
