// `npm run bench`: CareLint next to alex, retext-equality, write-good, harper.js and a regex floor, all in one run
// so the ratios hold on a noisy machine. Reports, never asserts. See docs/performance.md.
//   npm run bench                    everything (about 15 minutes on 2 cores)
//   npm run bench -- --quick         sizes up to 1 MB, CareLint and the floor only
//   npm run bench -- --tools=carelint,alex
//   npm run bench -- --docs          also refresh docs/performance.md and docs/images/bench.svg
//   npm run bench -- --audit         also run bench/audit.mjs (generates about 1 GB of text)
//   npm run bench -- --report-only   redraw the tables and chart from bench/results/latest.json
//   npm run bench -- --update --tools=carelint,floor   re-measure some tools, keep the others' last figures
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { paragraphOf, readNotes, textOf } from './lib/corpus.mjs';
import { floorSource, floorTerms, DEFAULT_MAX_WORDS } from './lib/floor-terms.mjs';
import { machine } from './lib/machine.mjs';
import { runScript, runWorker } from './lib/spawn.mjs';
import { median } from './lib/stats.mjs';
import { bundleSizes } from './lib/bundles.mjs';
import { headline, markdown, targets } from './lib/report.mjs';
import { logLogChart } from './lib/svg.mjs';
import { TOOLS } from './tools/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const tools = (option('tools')?.split(',') ?? (quick ? ['carelint', 'floor'] : TOOLS)).filter((t) => TOOLS.includes(t));
if (!tools.includes('carelint')) tools.unshift('carelint');

// The corpus: $CARELINT_BENCH_CORPUS, else shared/ beside the project (or beside its worktree folder).
const chosen = process.env.CARELINT_BENCH_CORPUS ?? process.env.CARELINT_CORPUS;
const corpusCandidates = chosen
  ? [chosen]
  : [
      join(root, '..', 'shared', 'corpus', 'mtsamples', 'notes.jsonl'),
      join(root, '..', '..', 'shared', 'corpus', 'mtsamples', 'notes.jsonl'),
    ];
const corpusPath = corpusCandidates.find((p) => existsSync(p));
if (!corpusPath) {
  console.log(`No bench corpus found (looked at ${corpusCandidates.join(', ')}).
Supply one as JSON lines, one note per line with a "text" field, for example {"text": "Seen in clinic today…"}:
  CARELINT_BENCH_CORPUS=/path/to/notes.jsonl npm run bench
The MTSamples notes (CC0) are expected at ../shared/corpus/mtsamples/notes.jsonl. No figures were produced.`);
  process.exit(0);
}
const enginePath = process.env.CARELINT_BENCH_ENGINE ?? join(root, 'dist', 'engine.mjs');
if (!existsSync(enginePath)) {
  console.error('No dist/engine.mjs: run `npm run build` first.');
  process.exit(2);
}

const MB = 1 << 20;
const SIZES = [
  ['1 KB', 1024],
  ['10 KB', 10 * 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', MB],
  ['10 MB', 10 * MB],
]
  .filter(([, n]) => !quick || n <= MB)
  .map(([label, chars]) => ({ label, chars }));
const STALL_MS = 60_000; // one lint taking longer than this "did not finish"
const log = (s) => process.stderr.write(`${s}\n`);

const latestPath = join(root, 'bench', 'results', 'latest.json');
const results = flag('report-only') ? JSON.parse(readFileSync(latestPath, 'utf8')) : await measure();
if (flag('update') && existsSync(latestPath)) {
  // re-measured tools replace their old figures; the others keep the last run's (their date is kept alongside)
  const old = JSON.parse(readFileSync(latestPath, 'utf8'));
  const merged = {};
  for (const id of TOOLS)
    if (results.tools[id] ?? old.tools[id])
      merged[id] = results.tools[id] ?? { ...old.tools[id], measured: old.tools[id].measured ?? old.date };
  results.tools = merged;
}

async function measure() {
  const notes = readNotes(corpusPath);
  const work = mkdtempSync(join(tmpdir(), 'carelint-bench-'));
  const file = (name, text) => {
    const p = join(work, name);
    writeFileSync(p, text);
    return p;
  };
  const sizeFiles = SIZES.map((s) => ({ label: s.label, path: file(`${s.chars}.txt`, textOf(notes, s.chars)) }));
  const bigPath = file('big.txt', textOf(notes, 10 * MB));
  const paragraphPath = file('paragraph.txt', paragraphOf(notes, 2048));
  const notePath = file('note-50-pages.txt', textOf(notes, 150_000, 7)); // ~3,000 characters a page, for the browser extension
  const docPath = sizeFiles.find((s) => s.label === '1 MB').path;

  const engine = await import(pathToFileURL(enginePath).href);
  const maxWords = Number(process.env.CARELINT_BENCH_FLOOR_WORDS ?? DEFAULT_MAX_WORDS);
  const floor = floorTerms(engine.builtinRuleSet(), maxWords);
  const floorFile = file('floor.regex', floorSource(floor.terms));
  const env = { CARELINT_BENCH_FLOOR_FILE: floorFile };

  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    corpus: { path: relative(root, corpusPath), notes: notes.length },
    floor: { terms: floor.terms.length, fullSequences: floor.fullSequences, maxWords },
    sizes: SIZES,
    tools: {},
  };
  for (const id of tools) results.tools[id] = { name: (await import(`./tools/${id}.mjs`)).name };
  log(`CareLint bench: ${tools.join(', ')}; ${results.machine.cores} cores, load ${results.machine.loadavg.join(' ')}`);

  const failure = (r) => (r.stalled ? { dnf: true } : r.error ? { error: r.error } : null);

  // Full lint: every size in one process per tool, sizes ascending; a tool that stalls stops there.
  for (const id of tools) {
    log(`full lint: ${results.tools[id].name}`);
    const r = await runWorker(
      id,
      'full',
      { files: sizeFiles, minRuns: 5, maxRuns: 21, budgetMs: 3000 },
      { stallMs: STALL_MS, firstStallMs: 180_000, env },
    );
    const full = {};
    for (const e of r.events.filter((e) => e.event === 'size')) full[e.label] = e;
    if (r.error && !r.events.some((e) => e.event === 'loaded')) {
      results.tools[id].error = r.error;
      continue;
    }
    for (const s of SIZES) full[s.label] ??= failure(r) ?? { dnf: true };
    results.tools[id].full = full;
  }

  // Edits: a 2 KB paragraph and a 1 MB document. Whole-text tools get fewer edits when a lint is slow.
  for (const id of tools) {
    const t = results.tools[id];
    if (t.error) continue;
    const oneMB = t.full['1 MB'];
    const cases = [{ label: '2 KB paragraph', path: paragraphPath }];
    if (oneMB && !oneMB.dnf && !oneMB.error) cases.push({ label: '1 MB document', path: docPath });
    const slowest = oneMB?.medianMs ?? 0;
    const minEdits = slowest > 5000 ? 4 : slowest > 1000 ? 6 : 20;
    log(`edits: ${t.name}`);
    const r = await runWorker(
      id,
      'edit',
      { cases, minEdits, maxEdits: 400, budgetMs: 4000 },
      { stallMs: STALL_MS, firstStallMs: 180_000, env },
    );
    t.edit = {};
    for (const e of r.events.filter((e) => e.event === 'edit')) t.edit[e.label] = e;
    for (const c of [{ label: '2 KB paragraph' }, { label: '1 MB document' }])
      t.edit[c.label] ??= failure(r) ?? { dnf: true };
  }

  // Cold start: five fresh processes each.
  for (const id of tools) {
    const t = results.tools[id];
    if (t.error) continue;
    log(`cold start: ${t.name}`);
    const runs = [];
    const cpu = [];
    for (let i = 0; i < 11; i++) {
      const r = await runWorker(id, 'cold', {}, { stallMs: STALL_MS, env });
      const e = r.events.find((x) => x.event === 'cold');
      if (e) {
        runs.push(e.ms);
        cpu.push(e.cpuMs);
      }
    }
    t.cold = runs.length ? { medianMs: median(runs), medianCpuMs: median(cpu), runs } : { dnf: true };
  }

  // Peak RSS: one process linting 10 MB (or the largest size, with --quick).
  for (const id of tools) {
    const t = results.tools[id];
    if (t.error) continue;
    const big = SIZES[SIZES.length - 1];
    const largest = [...SIZES].reverse().find((s) => t.full[s.label]?.rssMB);
    if (t.full[big.label]?.dnf) {
      t.rss = { dnf: true, largest: largest && { label: largest.label, rssMB: t.full[largest.label].rssMB } };
      continue;
    }
    log(`peak RSS: ${t.name}`);
    const r = await runWorker(
      id,
      'rss',
      { path: big.chars === 10 * MB ? bigPath : sizeFiles[sizeFiles.length - 1].path },
      { stallMs: STALL_MS, firstStallMs: 180_000, env },
    );
    const e = r.events.find((x) => x.event === 'rss');
    t.rss = e
      ? { ...e, label: big.label }
      : {
          ...(failure(r) ?? { dnf: true }),
          largest: largest && { label: largest.label, rssMB: t.full[largest.label].rssMB },
        };
  }

  // The same task with no tool: what Node and the 10 MB text cost before any checker runs.
  const baseline = await runWorker(
    'none',
    'rss',
    { path: SIZES[SIZES.length - 1].chars === 10 * MB ? bigPath : sizeFiles[sizeFiles.length - 1].path },
    { stallMs: STALL_MS, env },
  );
  results.rssBaseline = baseline.events.find((x) => x.event === 'rss') ?? failure(baseline) ?? { dnf: true };

  log('adversarial inputs');
  results.adversarial = (
    await runScript(join(root, 'bench', 'adversarial.mjs'), [bigPath], { stallMs: 5 * STALL_MS })
  ).events;
  results.bundles = await bundleSizes(root);
  log('demo page');
  results.demo = (await runScript(join(root, 'bench', 'demo.mjs'), [], { stallMs: 300_000 })).events[0] ?? {
    status: 'failed',
    reason: 'no result',
  };
  log('language server');
  results.languageServer = (
    await runScript(join(root, 'bench', 'language-server.mjs'), [docPath, paragraphPath], { stallMs: 120_000 })
  ).events[0] ?? { status: 'failed', reason: 'no result' };
  log('Word add-in round trips (bench/word.mjs)');
  results.word = (await runScript(join(root, 'bench', 'word.mjs'), [], { stallMs: 120_000 })).events[0] ?? {
    status: 'failed',
    reason: 'no result',
  };
  log('browser extension');
  results.browser = (await runScript(join(root, 'bench', 'browser.mjs'), [notePath], { stallMs: 180_000 }))
    .events[0] ?? { status: 'failed', reason: 'no result' };
  if (flag('audit')) {
    const audit = join(root, 'bench', 'audit.mjs');
    if (!existsSync(audit)) results.audit = { status: 'not available (no bench/audit.mjs on this branch)' };
    else {
      log('audit (bench/audit.mjs)');
      const t = performance.now();
      const r = spawnSync(process.execPath, [audit], { stdio: 'inherit' });
      results.audit = {
        status:
          r.status === 0
            ? `ran in ${((performance.now() - t) / 1000).toFixed(0)} s; figures in bench/results/audit.json`
            : `exited with ${r.status}`,
      };
      const figures = join(root, 'bench', 'results', 'audit.json');
      if (r.status === 0 && existsSync(figures)) results.audit.figures = JSON.parse(readFileSync(figures, 'utf8'));
    }
  }
  results.loadavgEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.targets = targets(results);
  rmSync(work, { recursive: true, force: true });
  return results;
}

results.targets = targets(results);
const md = markdown(results);
const svg = chart(results);
const out = join(root, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(out, 'latest.md'), md);
writeFileSync(join(out, 'bench.svg'), svg);
writeFileSync(join(out, 'headline.md'), headline(results));
if (flag('docs')) {
  mkdirSync(join(root, 'docs', 'images'), { recursive: true });
  writeFileSync(join(root, 'docs', 'images', 'bench.svg'), svg);
  const doc = join(root, 'docs', 'performance.md');
  const [START, END] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const text = readFileSync(doc, 'utf8');
  const a = text.indexOf(START),
    b = text.indexOf(END);
  if (a < 0 || b < a) console.error(`docs/performance.md has no ${START} … ${END} block; not updated.`);
  else writeFileSync(doc, text.slice(0, a + START.length) + '\n' + md + text.slice(b));
  // the README carries the short table between the same kind of markers
  const readme = join(root, 'README.md');
  const r = readFileSync(readme, 'utf8');
  const [HS, HE] = ['<!-- bench:headline:start -->', '<!-- bench:headline:end -->'];
  if (r.includes(HS) && r.includes(HE))
    writeFileSync(readme, r.slice(0, r.indexOf(HS) + HS.length) + '\n' + headline(results) + r.slice(r.indexOf(HE)));
}
console.log(md);
console.log(
  `Written: bench/results/latest.json, latest.md, bench.svg${flag('docs') ? ', docs/performance.md, docs/images/bench.svg' : ''}`,
);

function chart(r) {
  const series = Object.values(r.tools)
    .filter((t) => t.full)
    .map((t) => {
      const points = r.sizes
        .filter((s) => t.full[s.label]?.medianMs != null)
        .map((s) => ({ x: s.chars, y: t.full[s.label].medianMs }));
      const dnf = r.sizes.find((s) => t.full[s.label]?.dnf);
      return { name: t.name, points, dnfAt: dnf?.chars, bold: t.name === 'CareLint' };
    });
  return logLogChart({
    title: 'Full lint time against text size (log-log, lower is faster)',
    xLabel: 'text size (MTSamples clinical notes)',
    yLabel: 'median time per lint',
    series,
    xTicks: r.sizes.map((s) => ({ x: s.chars, label: s.label })),
  });
}
