// Before/after for engine work: two builds of dist/engine.mjs measured alternately in one run, each step in fresh
// processes, so a noisy machine weighs on both alike. `node bench/compare.mjs <before.mjs> <after.mjs> [corpus]`
// (build the "before" bundle from an older commit: git stash && npm run build && cp dist/engine.mjs /tmp/before.mjs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readNotes, textOf } from './lib/corpus.mjs';
import { median } from './lib/stats.mjs';
import { runScript, runWorker } from './lib/spawn.mjs';

const [before, after, corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'mtsamples', 'notes.jsonl')] =
  process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/compare.mjs <before engine.mjs> <after engine.mjs> [notes.jsonl]');
  process.exit(2);
}
const builds = { before: resolve(before), after: resolve(after) };
const notes = readNotes(corpus);
const work = mkdtempSync(join(tmpdir(), 'carelint-compare-'));
const put = (name, text) => {
  const p = join(work, name);
  writeFileSync(p, text);
  return p;
};
const oneMB = put('1mb.txt', textOf(notes, 1 << 20));
const tenMB = put('10mb.txt', textOf(notes, 10 << 20));
const empty = () => ({ cold: [], cpu: [], lint: [], lintCpu: [], edit: [], p99: [], rss: [], lines: [] });
const out = { before: empty(), after: empty() };
const env = (v) => ({ CARELINT_BENCH_ENGINE: builds[v] });
const coldScript = join(work, 'cold.mjs');
writeFileSync(
  coldScript,
  `const c0 = process.cpuUsage(), t0 = performance.now();
const m = await import(process.env.CARELINT_BENCH_ENGINE);
m.lint('He refused his medication and was noncompliant with the plan, so police were called.');
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }));\n`,
);

for (let round = 0; round < 11; round++) {
  for (const v of round % 2 ? ['after', 'before'] : ['before', 'after']) {
    const e = (await runScript(coldScript, [], { env: env(v) })).events[0];
    out[v].cold.push(e.ms);
    out[v].cpu.push(e.cpuMs);
  }
}
for (let round = 0; round < 5; round++) {
  for (const v of round % 2 ? ['after', 'before'] : ['before', 'after']) {
    const full = (
      await runWorker(
        'carelint',
        'full',
        { files: [{ label: '1 MB', path: oneMB }], minRuns: 11, maxRuns: 11, budgetMs: 0 },
        { env: env(v) },
      )
    ).events.find((x) => x.event === 'size');
    out[v].lint.push(full.medianMs);
    out[v].lintCpu.push(full.medianCpuMs);
    const edit = (
      await runWorker(
        'carelint',
        'edit',
        { cases: [{ label: '1 MB', path: oneMB }], minEdits: 400, maxEdits: 400, budgetMs: 0 },
        { env: env(v) },
      )
    ).events.find((x) => x.event === 'edit');
    out[v].edit.push(edit.medianMs);
    out[v].p99.push(edit.p99Ms);
    const rss = (await runWorker('carelint', 'rss', { path: tenMB }, { env: env(v) })).events.find(
      (x) => x.event === 'rss',
    );
    out[v].rss.push(rss.peakMB);
  }
}
for (const v of ['before', 'after']) {
  const a = (
    await runScript(join(import.meta.dirname, 'adversarial.mjs'), [oneMB, 'one-word lines'], {
      stallMs: 300_000,
      env: env(v),
    })
  ).events[0];
  out[v].lines.push(a.full.ms);
}
rmSync(work, { recursive: true, force: true });
const f = (x, d = 1) => x.toFixed(d);
const rows = [
  ['cold start, import + first lint (wall)', 'cold', (x) => `${f(x)} ms`],
  ['cold start, CPU time of all threads', 'cpu', (x) => `${f(x)} ms`],
  ['1 MB lint, wall (median of 5 processes × 11 runs)', 'lint', (x) => `${f(x)} ms`],
  ['1 MB lint, CPU time', 'lintCpu', (x) => `${f(x)} ms`],
  ['one-character edit, 1 MB document: median', 'edit', (x) => `${f(x, 3)} ms`],
  ['one-character edit, 1 MB document: p99', 'p99', (x) => `${f(x, 3)} ms`],
  ['peak RSS linting 10 MB', 'rss', (x) => `${f(x, 0)} MB`],
  ['100,000 one-word lines (800 KB)', 'lines', (x) => `${f(x, 0)} ms`],
];
console.log(`| measure | before | after |\n|---|---:|---:|`);
for (const [label, key, fmt] of rows)
  console.log(`| ${label} | ${fmt(median(out.before[key]))} | ${fmt(median(out.after[key]))} |`);
