// Benchmark of `carelint audit` (reports, never asserts): throughput in MB/s on a generated export, on 1 worker
// and on all cores, and peak RSS, plus peak RSS on an export 1/8 the size to show memory does not follow size.
// Target (issue 7): ≥ 40 MB/s per core; RSS independent of the export's size.
//   node bench/audit.mjs [--size MB] [--people N] [--keep]   (default 1024 MB, or CARELINT_AUDIT_BENCH_MB;
//                                                            20,000 people in both exports)
// Both exports hold the same people, so the RSS comparison isolates the export's size: memory grows with the
// number of people with findings (docs/audit.md gives the cost per person), not with the bytes read.
// Writes bench/results/audit.json. Runs the BUILT CLI (npm run build first), as users run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticExport } from '../test/fixtures/audit/synthetic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One audit run in a fresh process; peak RSS comes from the child itself (it covers the worker threads). */
function auditRun(file, workers, dir) {
  const probe = join(dir, 'report-rss.cjs');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n",
  );
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--require',
      probe,
      join(root, 'bin', 'carelint.js'),
      'audit',
      '--workers',
      String(workers),
      '--format',
      'json',
      '--output',
      join(dir, 'report.json'),
      file,
    ],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`audit failed (exit ${r.status}):\n${r.stderr}`);
  const bytes = statSync(file).size;
  return {
    workers,
    seconds,
    mbPerSecond: bytes / MB / seconds,
    mbPerSecondPerWorker: bytes / MB / seconds / workers,
    peakRssMb: Number(/maxRSS_KB=(\d+)/.exec(r.stderr)?.[1]) / 1024,
    summary: /audited .*/.exec(r.stderr)?.[0],
  };
}

/**
 * The ceiling: the engine alone linting the same kind of notes one by one on this thread, no reading, parsing or
 * messaging. The audit on 1 worker reaching this rate means its own overhead is hidden behind the linting.
 */
async function engineOnly(dir) {
  const file = join(dir, 'engine-notes.jsonl');
  writeSyntheticExport(file, { bytes: 32 * MB, seed: 2, format: 'jsonl', people: 2000 });
  const notes = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).note_text);
  const engine = await import(pathToFileURL(join(root, 'dist', 'engine.mjs')).href);
  const ruleSet = engine.builtinRuleSet();
  engine.lint('warm up', { ruleSet });
  let bytes = 0;
  const started = performance.now();
  for (const note of notes) {
    engine.lint(note, { ruleSet });
    bytes += Buffer.byteLength(note);
  }
  const seconds = (performance.now() - started) / 1000;
  return { bytes, seconds, mbPerSecond: bytes / MB / seconds };
}

export async function runAuditBench({
  sizeMb = Number(option('size') ?? process.env.CARELINT_AUDIT_BENCH_MB ?? 1024),
  people = Number(option('people') ?? 20000),
  keep = process.argv.includes('--keep'),
} = {}) {
  if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'audit-worker.js')))
    throw new Error('Build first: npm run build');
  const cores = os.availableParallelism();
  const dir = mkdtempSync(join(os.tmpdir(), 'carelint-audit-bench-'));
  try {
    const big = join(dir, 'export.csv');
    const small = join(dir, 'export-small.csv');
    const t = performance.now();
    const made = writeSyntheticExport(big, { bytes: sizeMb * MB, seed: 1, people });
    writeSyntheticExport(small, { bytes: Math.max(1, Math.round(sizeMb / 8)) * MB, seed: 1, people });
    console.log(
      `generated ${(made.bytes / MB).toFixed(0)} MB (${made.records} notes, ${made.people} people) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const runs = [auditRun(big, 1, dir)];
    if (cores > 1) runs.push(auditRun(big, cores, dir));
    const smallRun = auditRun(small, cores, dir);
    const engine = await engineOnly(dir);
    const results = {
      machine: { cpus: cores, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
      date: new Date().toISOString(),
      export: { bytes: made.bytes, notes: made.records, people: made.people },
      runs,
      smallExport: { bytes: statSync(small).size, ...smallRun },
      engineOnlyOneThread: engine,
      target: { mbPerSecondPerCore: 40 },
      note: '1 worker still parses on the main thread, so it uses a little more than one core. MB are MiB.',
    };
    const row = (label, r) =>
      `${label.padEnd(22)} ${String(r.workers).padStart(7)} ${r.seconds.toFixed(1).padStart(8)} ${r.mbPerSecond.toFixed(1).padStart(7)} ${r.mbPerSecondPerWorker.toFixed(1).padStart(13)} ${r.peakRssMb.toFixed(0).padStart(12)}`;
    console.log(
      `\n${'export'.padEnd(22)} ${'workers'.padStart(7)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(7)} ${'MB/s/worker'.padStart(13)} ${'peak RSS MB'.padStart(12)}`,
    );
    for (const r of runs) console.log(row(`${(made.bytes / MB).toFixed(0)} MB`, r));
    console.log(row(`${(results.smallExport.bytes / MB).toFixed(0)} MB (1/8)`, smallRun));
    console.log(
      `${'engine alone, 1 thread'.padEnd(22)} ${''.padStart(7)} ${engine.seconds.toFixed(1).padStart(8)} ${engine.mbPerSecond.toFixed(1).padStart(7)}`,
    );
    console.log(
      `\ntarget: >= ${results.target.mbPerSecondPerCore} MB/s per core; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cores} cores`,
    );
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(join(root, 'bench', 'results', 'audit.json'), JSON.stringify(results, null, 2) + '\n');
    console.log('written bench/results/audit.json');
    return results;
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await runAuditBench();
