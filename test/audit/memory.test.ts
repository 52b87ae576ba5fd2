/**
 * A 200 MB export audited with bounded memory: the reader streams, the pool holds a few batches, and per-person
 * aggregates are capped, so peak RSS stays far below the export's size. A bound, not a timing: the child reports
 * its own peak RSS (process.resourceUsage().maxRSS, which covers the worker threads) when it exits.
 * Set CARELINT_AUDIT_MEMORY_MB to change the export's size.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticExport } from '../fixtures/audit/synthetic.mjs';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'carelint.js');
const MB = 1024 * 1024;
const EXPORT_MB = Number(process.env.CARELINT_AUDIT_MEMORY_MB ?? 200);
const RSS_BOUND_MB = 300;

describe('carelint audit: memory', function () {
  this.timeout(240000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'carelint-audit-mem-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it(`audits a ${EXPORT_MB} MB export on 2 workers with peak RSS under ${RSS_BOUND_MB} MB`, () => {
    const file = join(tmp, 'export.csv');
    const made = writeSyntheticExport(file, { bytes: EXPORT_MB * MB, seed: 3, people: 20000 });
    const probe = join(tmp, 'report-rss.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
    );
    const r = spawnSync(
      process.execPath,
      [
        '--require',
        probe,
        BIN,
        'audit',
        '--workers',
        '2',
        '--format',
        'json',
        '--output',
        join(tmp, 'report.json'),
        file,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`audited ${made.records} notes`), 'every row was read');
    const rssMb = Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1]) / 1024;
    assert.ok(rssMb > 0, r.stderr);
    assert.ok(rssMb < RSS_BOUND_MB, `peak RSS ${rssMb.toFixed(0)} MB for a ${(made.bytes / MB).toFixed(0)} MB export`);
    assert.ok(rssMb < (made.bytes / MB) * 1.5 || EXPORT_MB < 100, 'memory does not hold the export');
  });
});
