/**
 * `carelint audit EXPORT...`: reads clinical-record exports and reports, person by person, where SIM-like
 * elements appear, so a trust can find the people NHS England asks it to offer a care review (letter of
 * 10 March 2023, point B). The reader streams, workers lint, results are applied in export order, and the report
 * is written at the end (CSV rows as they come). Exit code as for `check`: 0 none, 1 findings, 2 problems.
 */
import { statSync } from 'node:fs';
import { CATEGORIES } from '../../../shared-rules/src/index';
import type { Command } from '../args';
import type { Problems } from '../problems';
import { ioMessage } from '../io-message';
import { plural } from '../plural';
import { VERSION } from '../version';
import { Aggregator, type Totals } from './aggregate';
import { Collector } from './collect';
import { readAuditConfig } from './config';
import { Batcher, type BatchMeta } from './batches';
import { readExport, type BadRowKind, type ExportRecord } from './export-reader';
import { openSink, type Sink } from './output';
import { OrderedPool, PoolError } from './pool';
import { Progress } from './progress';
import { csvHeader, csvRow } from './report/csv';
import { writeHtml } from './report/html';
import { writeJson } from './report/json';
import type { NoteFinding } from './scan';
import { findingWeight } from './weights';

export type AuditCommand = Extract<Command, { name: 'audit' }>;

/** Bad rows of one kind listed by line per file before they are only counted. */
const LISTED_BAD_ROWS = 5;
/** People in the HTML table unless --top says otherwise. */
export const DEFAULT_HTML_TOP = 1000;

const BAD_ROW_TEXT: Record<BadRowKind, string> = {
  'missing-id': 'no person identifier; row skipped',
  'missing-text': 'no note text; row skipped',
  'invalid-json': 'not a valid JSON object; line skipped',
  'bad-date': 'date could not be read (use YYYY-MM-DD or DD/MM/YYYY); note audited without a date',
  'missing-date': 'no date; note audited without a date',
  ragged: 'number of fields differs from the header; read by position',
};

export async function audit(cmd: AuditCommand, problems: Problems, workerEntry: string): Promise<number> {
  let sink: Sink;
  try {
    sink = openSink(cmd.output);
  } catch (e) {
    problems.report(cmd.output!, `cannot write the report here: ${ioMessage(e)}. Choose another --output path`);
    return 2;
  }

  const config = readAuditConfig(cmd.config, problems);
  const categories = cmd.categories ?? [...CATEGORIES];
  // CSV rows carry every finding as it comes, so the per-person summaries need no excerpts at all
  const agg = new Aggregator(cmd.format === 'csv' ? 0 : cmd.maxItems, cmd.redact, {
    since: cmd.since ?? null,
    until: cmd.until ?? null,
    categories,
  });
  const totalBytes = cmd.inputs.reduce((sum, f) => {
    try {
      return sum + statSync(f).size;
    } catch {
      return sum;
    }
  }, 0);
  const progress = new Progress(totalBytes);
  // messages during the run go on lines of their own, not after the progress bar
  const note = (message: string) => {
    progress.clear();
    problems.note(message);
  };
  const report = (where: string, message: string) => {
    progress.clear();
    problems.report(where, message);
  };
  let csvOut: string[] = [];
  // the CSV header waits for the first row, so an audit that reads nothing prints nothing
  let csvStarted = false;
  const startCsv = async () => {
    if (cmd.format !== 'csv' || csvStarted) return;
    csvStarted = true;
    await sink.write(csvHeader(cmd.redact));
  };

  const pool = new OrderedPool<BatchMeta>(
    cmd.workers,
    workerEntry,
    { categories: cmd.categories, redact: cmd.redact, config: config.source },
    (meta, results) => {
      for (let i = 0; i < results.length; i++) {
        const r = results[i];
        if (typeof r === 'string') {
          agg.totals.notLinted++;
          note(`${meta.file}:${meta.lines[i]}: this note could not be checked (${r}); please report it`);
          continue;
        }
        agg.addNote(meta.ids[i], meta.dates[i], r);
        if (cmd.format === 'csv') for (const f of r) csvOut.push(csvRow(findingRow(meta, i, f), cmd.redact));
      }
    },
  );
  const flushCsv = async () => {
    if (csvOut.length === 0) return;
    await startCsv();
    const text = csvOut.join('');
    csvOut = [];
    await sink.write(text);
  };

  let bytesBefore = 0;
  const collector = new Collector();
  try {
    for (const file of cmd.inputs) {
      agg.totals.files++;
      const listed = new Map<BadRowKind, number>();
      const batches = new Batcher(file);
      const outcome = await readExport(
        file,
        { id: cmd.idField, text: cmd.textField, date: cmd.dateField },
        {
          fields(kind, f, delimiter) {
            const delim = delimiter === '\t' ? 'tab' : delimiter;
            note(
              `${file}: ${kind === 'csv' ? `CSV (${delim}-separated)` : 'JSON lines'}; person ${JSON.stringify(f.id)}, text ${JSON.stringify(f.text)}, date ${f.date === undefined ? '(none: findings will be undated)' : JSON.stringify(f.date)}`,
            );
            if (f.date === undefined && (cmd.since || cmd.until)) {
              return 'has no date column, so --since/--until cannot apply; name the date column with --date-field';
            }
          },
          bad(kind, line, detail) {
            agg.totals.badRows[kind]++;
            const seen = (listed.get(kind) ?? 0) + 1;
            listed.set(kind, seen);
            if (seen <= LISTED_BAD_ROWS) note(`${file}:${line}: ${BAD_ROW_TEXT[kind]}${detail ? ` (${detail})` : ''}`);
          },
          record(r: ExportRecord) {
            if (cmd.since || cmd.until) {
              if (r.date === null || (cmd.since && r.date < cmd.since) || (cmd.until && r.date > cmd.until)) {
                agg.totals.outsideDates++;
                return;
              }
            }
            batches.add(r);
          },
          async afterChunk(bytes) {
            await batches.submit(pool);
            await flushCsv();
            progress.update(bytesBefore + bytes);
            collector.maybeCollect(bytesBefore + bytes);
          },
        },
      );
      batches.close();
      await batches.submit(pool);
      for (const [kind, seen] of listed) {
        if (seen > LISTED_BAD_ROWS)
          note(`${file}: ${plural(seen - LISTED_BAD_ROWS, 'more row')} like this: ${BAD_ROW_TEXT[kind]}`);
      }
      if (!outcome.ok) {
        report(outcome.line ? `${file}:${outcome.line}` : file, outcome.message);
      } else if (outcome.looseQuotes > 0) {
        note(
          `${file}: ${plural(outcome.looseQuotes, 'stray quote character')} outside RFC 4180 quoting ${outcome.looseQuotes === 1 ? 'was' : 'were'} read as text`,
        );
      }
      try {
        bytesBefore += statSync(file).size;
      } catch {
        // already reported by the reader
      }
    }
    await pool.close();
  } catch (e) {
    if (!(e instanceof PoolError)) throw e;
    progress.done();
    await pool.close().catch(() => undefined);
    await sink.close();
    problems.report('carelint audit', `${e.message}; the report is incomplete`);
    return 2;
  } finally {
    progress.done();
  }
  await flushCsv();

  const t = agg.totals;
  if (t.records === 0 && t.notLinted === 0) {
    // an empty report would read as "nobody's record holds SIM-like wording"
    await sink.discard();
    problems.report(
      'carelint audit',
      `no note was audited, so no report was written${sink.path ? ` to ${sink.path}` : ''}. ${nothingAudited(t, problems.count)}`,
    );
    return 2;
  }
  await startCsv();
  if (cmd.format !== 'csv') {
    const people = agg.ranked();
    if (cmd.format === 'json') await writeJson(sink, people, t);
    else {
      const ruleMessages = new Map(config.ruleSet.rules.map((r) => [r.id, r.message]));
      await writeHtml(sink, people, t, {
        files: cmd.inputs,
        generated: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
        version: VERSION,
        top: cmd.top ?? DEFAULT_HTML_TOP,
        ruleMessages,
      });
    }
  }
  try {
    await sink.close();
  } catch (e) {
    problems.report(cmd.output!, `cannot write the report here: ${ioMessage(e)}. Choose another --output path`);
    return 2;
  }

  const skipped = t.badRows['missing-id'] + t.badRows['missing-text'] + t.badRows['invalid-json'];
  problems.note(
    `audited ${plural(t.records, 'note')}: ${plural(t.findings, 'finding')} for ${plural(t.people, 'person', 'people')}` +
      `${skipped ? `; ${plural(skipped, 'row')} skipped` : ''}${t.outsideDates ? `; ${plural(t.outsideDates, 'row')} outside --since/--until` : ''}`,
  );
  problems.note(
    `the report holds patient identifiers${cmd.redact ? ' (excerpts redacted)' : ' and clinical excerpts'}; ` +
      (sink.path
        ? `written to ${sink.path} readable by you only (mode 0600)`
        : 'it went to standard output: store it as you would the records'),
  );
  return t.findings > 0 ? 1 : 0;
}

/** Why nothing was audited, and what to do about it. */
function nothingAudited(t: Totals, problemsSoFar: number): string {
  const skipped = t.badRows['missing-id'] + t.badRows['missing-text'] + t.badRows['invalid-json'];
  const why: string[] = [];
  if (t.outsideDates > 0)
    why.push(
      `${plural(t.outsideDates, 'row')} fell outside --since/--until (undated rows count as outside): widen the dates or leave them out`,
    );
  if (skipped > 0)
    why.push(
      `${plural(skipped, 'row')} had no person or no text (listed above): check the columns named above, or choose them with --id-field and --text-field`,
    );
  if (why.length > 0) return `${why.join('; ')}.`;
  if (problemsSoFar > 0) return 'See the messages above.';
  return 'The export holds no notes: check that it is the right file and that it has rows below its header.';
}

function findingRow(meta: BatchMeta, i: number, f: NoteFinding) {
  return {
    id: meta.ids[i],
    date: meta.dates[i],
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    weight: findingWeight(f.category, f.severity),
    file: meta.file,
    line: meta.lines[i],
    excerpt: f.excerpt,
  };
}
