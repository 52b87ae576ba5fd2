/**
 * `carelint audit`, run as users run it: the BUILT bin/carelint.js (npm run build first), on the fictional exports
 * in test/fixtures/audit and on synthetic ones generated into a temp folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CATEGORY_WEIGHT, SEVERITY_WEIGHT } from '../../cli/src/audit/weights';
import { writeSyntheticExport } from '../fixtures/audit/synthetic.mjs';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'carelint.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'audit');

interface Person {
  id: string;
  score: number;
  findings: number;
  categories: Record<string, number>;
  first: string | null;
  last: string | null;
  items: Array<{ date: string | null; ruleId: string; category: string; excerpt?: string }>;
}
interface Report {
  people: Person[];
  totals: Record<string, any>;
}

function audit(args: string[], cwd = FIXTURES) {
  const r = spawnSync(process.execPath, [BIN, 'audit', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function auditJson(args: string[], cwd = FIXTURES) {
  const r = audit(['--format', 'json', ...args], cwd);
  let report: Report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    assert.fail(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ...r, report };
}

/** RFC 4180 rows of a small CSV output, for checking our writer (independent of the audit's reader). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r') continue;
    else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

const ranked = (people: Person[]) =>
  people.every(
    (p, i) => i === 0 || people[i - 1].score > p.score || (people[i - 1].score === p.score && people[i - 1].id < p.id),
  );

describe('carelint audit (CLI)', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'carelint-audit-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('audits a CSV export: people ranked by score, dates, excerpts, bad rows reported by line', () => {
    const { code, report, stderr } = auditJson(['basic.csv']);
    assert.equal(code, 1, stderr);
    assert.ok(ranked(report.people), 'sorted by score, then id');
    const p1 = report.people.find((p) => p.id === 'P001')!;
    assert.deepEqual(
      Object.entries(p1.categories)
        .filter(([, n]) => n > 0)
        .map(([c]) => c)
        .sort(),
      ['police-involvement', 'punitive-approach'],
    );
    assert.equal(p1.first, '2022-11-03');
    assert.equal(p1.last, '2023-01-20');
    // the quoted, multi-line note with doubled quotes is one record
    assert.ok(
      p1.items.some((i) => i.ruleId === 'behavioural-contract' && /Behaviour contract signed today/.test(i.excerpt!)),
    );
    assert.equal(report.people.find((p) => p.id === 'P003')!.first, '2023-06-15', 'DD/MM/YYYY read day first');
    assert.equal(report.people.find((p) => p.id === 'P005')!.first, null, 'unreadable date: finding kept, undated');
    assert.ok(!report.people.some((p) => p.id === 'P002'), 'a person without findings is not listed');
    assert.equal(report.totals.records, 6);
    assert.deepEqual(
      [report.totals.badRows['missing-id'], report.totals.badRows['missing-text'], report.totals.badRows['bad-date']],
      [1, 1, 1],
    );
    assert.match(stderr, /basic\.csv:8: date could not be read/);
    assert.match(stderr, /basic\.csv:9: no note text/);
    assert.match(stderr, /basic\.csv:10: no person identifier/);
  });

  it('scores each person as the sum of category × severity weights of their findings', () => {
    const json = auditJson(['basic.csv', 'xss.csv']).report;
    const csv = csvRows(audit(['--format', 'csv', 'basic.csv', 'xss.csv']).stdout);
    const header = csv[0];
    const col = (name: string) => header.indexOf(name);
    const sums = new Map<string, number>();
    for (const row of csv.slice(1)) {
      const weight =
        CATEGORY_WEIGHT[row[col('category')] as keyof typeof CATEGORY_WEIGHT] *
        SEVERITY_WEIGHT[row[col('severity')] as keyof typeof SEVERITY_WEIGHT];
      assert.equal(Number(row[col('weight')]), weight);
      sums.set(row[col('person_id')], (sums.get(row[col('person_id')]) ?? 0) + weight);
    }
    assert.equal(csv.length - 1, json.totals.findings, 'one CSV row per finding');
    assert.deepEqual(new Map(json.people.map((p) => [p.id, p.score])), sums);
    const police = json.people.find((p) => p.categories['police-involvement'] > 0)!;
    assert.ok(police.score >= 5, 'an NHS-element finding weighs at least 5');
  });

  it('reads a BOM, ; delimiters, quoted delimiters and doubled quotes', () => {
    const { code, report, stderr } = auditJson(['bom-semicolon.csv']);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /person "Patient ID", text "Note", date "Date"/, 'BOM stripped from the first column name');
    assert.equal(report.totals.badRows.ragged, 0, 'quoted ; does not split a field');
    const s12 = report.people.find((p) => p.id === 'S-12')!;
    assert.equal(s12.first, '2023-09-30');
    assert.match(s12.items[0].excerpt!, /"last warning" written in plan/);
    assert.ok(report.people.some((p) => p.id === 'S-11'));
  });

  it('reads tab-separated exports with empty fields and ragged rows', () => {
    const { report, stderr } = auditJson(['tab.tsv']);
    assert.match(stderr, /tab-separated/);
    assert.deepEqual(report.people.map((p) => p.id).sort(), ['C1', 'C4']);
    assert.equal(report.people.find((p) => p.id === 'C4')!.items[0].date, null);
    assert.equal(report.totals.badRows['missing-text'], 1);
    assert.equal(report.totals.badRows.ragged, 2);
    assert.match(stderr, /tab\.tsv:3: no note text/);
  });

  it('reads JSON lines: blank lines skipped, bad lines reported with their line number, numbers as ids and timestamps', () => {
    const { code, report, stderr } = auditJson(['notes.jsonl']);
    assert.equal(code, 1, stderr);
    assert.match(stderr, /notes\.jsonl:4: not a valid JSON object/);
    assert.match(stderr, /notes\.jsonl:7: not a valid JSON object.*not a JSON object/);
    assert.match(stderr, /notes\.jsonl:8: no note text/);
    assert.equal(report.totals.badRows['invalid-json'], 2);
    const p501 = report.people.find((p) => p.id === '501')!;
    assert.equal(p501.first, '2022-04-15', 'Unix timestamp in seconds');
    assert.deepEqual(report.people.map((p) => p.id).sort(), ['501', '504']);
  });

  it('stops on an ambiguous or missing column with file:line and the columns found; --id-field resolves it', () => {
    const amb = audit(['ambiguous.csv']);
    assert.equal(amb.code, 2);
    assert.match(
      amb.stderr,
      /ambiguous\.csv:1: more than one column could be the person identifier \("patient_id", "nhs_number"\); choose one with --id-field\. columns found: "patient_id", "nhs_number", "note"/,
    );
    const missing = audit(['no-fields.csv']);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /no-fields\.csv:1: no column looks like the person identifier; name it with --id-field/,
    );
    const fixed = auditJson(['--id-field', 'nhs_number', 'ambiguous.csv']);
    assert.equal(fixed.code, 1, fixed.stderr);
    assert.deepEqual(
      fixed.report.people.map((p) => p.id),
      ['943 476 5919'],
    );
  });

  it('refuses a binary file (say, a spreadsheet) with what to do', () => {
    const file = join(tmp, 'notes.xlsx');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64), Buffer.from('patient_id,note')]),
    );
    const r = audit([file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /notes\.xlsx: is a binary file.*Export the notes as CSV/);
  });

  it('reports an unclosed quote at the line it opens and exits 2', () => {
    const r = audit(['unterminated.csv']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unterminated\.csv:2: a quoted field starting on this line is never closed/);
  });

  it('exits 2 naming a missing file, and on bad options', () => {
    const r = audit(['no-such-export.csv']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such-export\.csv: no such file/);
    for (const [args, message] of [
      [['--since', '10/03/2023', 'basic.csv'], /--since needs a date written YYYY-MM-DD/],
      [['--until', '2023-02-30', 'basic.csv'], /--until needs a date/],
      [['--since', '2024-01-01', '--until', '2023-01-01', 'basic.csv'], /is after --until/],
      [['--workers', '0', 'basic.csv'], /--workers needs a whole number of 1 or more/],
      [['--format', 'sarif', 'basic.csv'], /--format for `audit` must be one of: json, html, csv/],
      [['--fix', 'basic.csv'], /--fix does not apply to `carelint audit`/],
      [['--category', 'police', 'basic.csv'], /unknown --category 'police'/],
      [[], /nothing to audit/],
      [['--output', 'basic.csv', 'basic.csv'], /is one of the exports/],
    ] as Array<[string[], RegExp]>) {
      const bad = audit(args);
      assert.equal(bad.code, 2, args.join(' '));
      assert.match(bad.stderr, message);
    }
  });

  it('reads a UTF-16 export with its byte-order mark', () => {
    const file = join(tmp, 'utf16.csv');
    const text =
      'patient_id;date;note\r\nW1;2022-05-06;"Staff describe him as attention seeking; café visit went well."\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { report, stderr } = auditJson([file]);
    assert.match(stderr, /person "patient_id"/);
    assert.deepEqual(
      report.people.map((p) => p.id),
      ['W1'],
    );
    assert.match(report.people[0].items[0].excerpt!, /café visit/);
  });

  it('draws no progress bar when stderr is not a terminal', () => {
    const r = audit(['basic.csv']);
    assert.doesNotMatch(r.stderr, /\r|\x1b\[/);
  });

  it('draws a progress bar with rate and ETA when stderr is a terminal, and keeps messages on their own lines', function () {
    if (spawnSync('script', ['--version']).error) this.skip(); // util-linux `script` gives the run a terminal
    const file = join(tmp, 'progress.csv');
    writeSyntheticExport(file, { bytes: 3_000_000, seed: 4, people: 50 });
    writeFileSync(file, 'P9,2022-01-01,\r\n', { flag: 'a' }); // a bad row after the bar is first drawn
    const cmd = `"${process.execPath}" "${BIN}" audit --workers 1 "${file}" -o "${join(tmp, 'tty.json')}"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    assert.match(r.stdout, /\r\[#+\.*\]\s+\d+% [\d.]+\/[\d.]+ MB\s+[\d.]+ MB\/s\s+ETA [\d:-]+/);
    assert.match(r.stdout, /progress\.csv:\d+: no note text/);
    // what a terminal shows on each line is what follows its last carriage return
    const visible = r.stdout.split('\n').map((line) => line.replace(/\r$/, '').split('\r').pop()!);
    assert.deepEqual(
      visible.filter((line) => line.includes('carelint:') && line.includes('MB/s')),
      [],
    );
  });

  it('writes no report when it audited no note (missing export, no rows, every row skipped or out of dates), and exits 2', () => {
    const out = join(tmp, 'nothing.html');
    const headerOnly = join(tmp, 'header-only.csv');
    writeFileSync(headerOnly, 'patient_id,date,note\n');
    const noIds = join(tmp, 'no-ids.csv');
    writeFileSync(noIds, 'patient_id,date,note\n,2022-01-01,Patient refused her evening medication.\n');
    for (const [args, why] of [
      [['no-such-export.csv'], /See the messages above/],
      [[headerOnly], /holds no notes/],
      [[noIds], /1 row had no person or no text/],
      [['--since', '2030-01-01', 'xss.csv'], /\d+ rows fell outside --since\/--until/],
    ] as Array<[string[], RegExp]>) {
      for (const format of ['html', 'json', 'csv']) {
        const r = audit(['--format', format, '-o', out, ...args]);
        assert.equal(r.code, 2, `${args.join(' ')} (${format})`);
        assert.ok(!existsSync(out), `no ${format} report written for ${args.join(' ')}`);
        assert.match(r.stderr, /carelint audit: no note was audited, so no report was written to .*nothing\.html\./);
        assert.match(r.stderr, why);
        assert.doesNotMatch(r.stderr, /audited 0 notes|holds patient identifiers/);
        const toStdout = audit(['--format', format, ...args]);
        assert.equal(toStdout.code, 2);
        assert.equal(toStdout.stdout, '', `nothing on stdout (${format})`);
      }
    }
    // an earlier report at that path is left as it was
    writeFileSync(out, 'earlier report');
    assert.equal(audit(['-o', out, headerOnly]).code, 2);
    assert.equal(readFileSync(out, 'utf8'), 'earlier report');
  });

  it('writes counts in words that agree with them ("1 note", "1 person", "1 row skipped")', () => {
    const file = join(tmp, 'one.csv');
    writeFileSync(
      file,
      'patient_id,date,note\nO1,2022-01-01,Patient refused her evening medication.\n,2022-01-02,No id on this row.\n',
    );
    const r = audit(['--format', 'json', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /audited 1 note: 1 finding for 1 person; 1 row skipped$/m);
    const html = audit(['--format', 'html', file]).stdout;
    assert.match(html, /<p class="meta">1 person\. Up to 10 findings are kept per person/);
    assert.match(audit(['--format', 'html', '--max-items', '1', file]).stdout, /Up to 1 finding is kept per person/);
    const two = join(tmp, 'two.csv');
    writeFileSync(
      two,
      'patient_id,date,note\nO1,2022-01-01,Patient refused her evening medication.\nO2,2022-01-01,She is noncompliant with her medication.\n',
    );
    assert.match(audit(['--format', 'html', '--top', '1', two]).stdout, /The highest score of 2 people is shown/);
  });

  it('exits 0 when no note has a finding', () => {
    const file = join(tmp, 'clean.csv');
    writeFileSync(
      file,
      'patient_id,date,note\nK1,2022-01-01,Enjoys painting at the day centre.\nK2,2022-01-02,Went to the library.\n',
    );
    const { code, report } = auditJson([file]);
    assert.equal(code, 0);
    assert.deepEqual(report.people, []);
    assert.equal(report.totals.records, 2);
  });

  it('narrows by --since/--until (undated notes left out) and by --category', () => {
    const dated = auditJson(['--since', '2021-01-01', '--until', '2022-12-31', 'xss.csv', 'basic.csv']).report;
    const dates = dated.people.flatMap((p) => p.items.map((i) => i.date));
    assert.ok(
      dates.length > 0 && dates.every((d) => d !== null && d >= '2021-01-01' && d <= '2022-12-31'),
      dates.join(),
    );
    assert.ok(dated.totals.outsideDates > 0);
    const police = auditJson(['--category', 'police-involvement', 'xss.csv', 'basic.csv']).report;
    assert.ok(police.people.length > 0);
    assert.ok(police.people.every((p) => p.items.every((i) => i.category === 'police-involvement')));
    assert.deepEqual(
      Object.keys(police.totals.rules).length > 0 &&
        Object.entries(police.totals.categories as Record<string, number>)
          .filter(([, n]) => n > 0)
          .map(([c]) => c),
      ['police-involvement'],
    );
  });

  it('applies a trust config given with --config: custom rules and allow entries, in every worker', () => {
    const plain = auditJson(['config/notes.csv']).report;
    assert.deepEqual(
      plain.people.map((p) => p.id),
      ['T2'],
      'without the config only "refused" is found',
    );
    for (const workers of ['1', '3']) {
      const { code, report, stderr } = auditJson([
        '--workers',
        workers,
        '--config',
        'config/trust.carelintrc.json',
        'config/notes.csv',
      ]);
      assert.equal(code, 1, stderr);
      assert.deepEqual(
        report.people.map((p) => [p.id, p.items.map((i) => i.ruleId)]),
        [['T1', ['amber-protocol']]],
      );
    }
    const html = audit(['--format', 'html', '--config', 'config/trust.carelintrc.json', 'config/notes.csv']).stdout;
    assert.match(html, /Amber protocol&#39; was this fictional trust/);
    const broken = join(tmp, 'broken.carelintrc.json');
    writeFileSync(broken, '{ "rules": { "no-such-rule": false } }');
    const r = audit(['--config', broken, 'config/notes.csv']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.carelintrc\.json:1:\d+: /);
  });

  it('keeps at most --max-items findings per person but counts them all', () => {
    const file = join(tmp, 'many.csv');
    const rows = ['patient_id,date,note'];
    for (let d = 1; d <= 9; d++) rows.push(`M1,2022-01-0${d},Patient refused her evening medication.`);
    rows.push('M1,2022-02-01,Police officer attended the planned outpatient review.');
    writeFileSync(file, rows.join('\n'));
    const p = auditJson(['--max-items', '3', file]).report.people[0];
    assert.equal(p.findings, 10);
    assert.equal(p.items.length, 3);
    assert.ok(
      p.items.some((i) => i.category === 'police-involvement'),
      'the heaviest finding is kept',
    );
    assert.equal(p.first, '2022-01-01');
    assert.equal(p.last, '2022-02-01');
  });

  it('gives the same report on one worker and on many', () => {
    const file = join(tmp, 'synthetic.csv');
    writeSyntheticExport(file, { bytes: 3_000_000, seed: 11, people: 300 });
    const one = audit(['--workers', '1', '--format', 'json', file]);
    const many = audit(['--workers', '4', '--format', 'json', file]);
    assert.equal(one.code, 1, one.stderr);
    const report: Report = JSON.parse(one.stdout);
    assert.ok(report.people.length > 50 && ranked(report.people));
    assert.equal(many.stdout, one.stdout);
    const csvOne = audit(['--workers', '1', '--format', 'csv', file]).stdout;
    assert.equal(audit(['--workers', '3', '--format', 'csv', file]).stdout, csvOne);
    const jsonl = join(tmp, 'synthetic.jsonl');
    writeSyntheticExport(jsonl, { bytes: 1_000_000, seed: 12, format: 'jsonl', people: 100 });
    assert.equal(audit(['--workers', '3', jsonl]).stdout, audit(['--workers', '1', jsonl]).stdout);
  });

  it('writes --output owner-only (0600), even over an existing file, and says what the report holds', () => {
    const out = join(tmp, 'report.json');
    writeFileSync(out, 'old');
    chmodSync(out, 0o644);
    const r = audit(['--output', out, 'basic.csv']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.equal(r.stdout, '');
    assert.ok(JSON.parse(readFileSync(out, 'utf8')).people.length > 0, 'format taken from the .json extension');
    assert.match(r.stderr, /holds patient identifiers and clinical excerpts/);
    assert.match(r.stderr, /0600/);
    for (const format of ['html', 'csv']) {
      const file = join(tmp, `report.${format}`);
      audit(['-o', file, 'basic.csv']);
      assert.equal(statSync(file).mode & 0o777, 0o600, format);
    }
    const bad = audit(['--output', join(tmp, 'no', 'such', 'dir.json'), 'basic.csv']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot write the report here/);
  });

  it('--redact leaves no excerpt in any format', () => {
    // words of the fixtures' flagged sentences (not rule ids, which stay in a redacted report)
    const flagged =
      /signed today|crisis line|on the ward|evening medication|outpatient review|engages with the plan|last warning|emergency department|his own life|so they say/i;
    const inputs = ['basic.csv', 'xss.csv', 'bom-semicolon.csv', 'notes.jsonl', 'tab.tsv'];
    for (const format of ['json', 'csv', 'html']) {
      const plain = audit(['--format', format, ...inputs]);
      assert.match(
        plain.stdout,
        flagged,
        `${format} without --redact holds excerpts (so the check below means something)`,
      );
      const redacted = audit(['--format', format, '--redact', ...inputs]);
      assert.equal(redacted.code, 1);
      assert.doesNotMatch(redacted.stdout, flagged, format);
      assert.doesNotMatch(redacted.stdout, /excerpt"|,excerpt|class="excerpt"/, format);
      assert.match(redacted.stderr, /excerpts redacted/);
    }
  });

  it('CSV output guards cells a spreadsheet would run as formulas', () => {
    const file = join(tmp, 'formula.csv');
    writeFileSync(file, 'patient_id,date,note\n=HYPERLINK("x"),2022-01-01,Patient refused her evening medication.\n');
    const rows = csvRows(audit(['--format', 'csv', file]).stdout);
    assert.equal(rows[1][0], `'=HYPERLINK("x")`);
  });
});
