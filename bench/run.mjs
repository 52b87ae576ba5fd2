// `npm run bench`: CareLint against the regex floor, measured in one run so the ratios hold on a noisy machine.
// Reports, never asserts. Targets (issue: engine): 1 MB lint ≤ 5× floor; incremental re-lint median ≤ 0.5 ms.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusPath = process.env.CARELINT_CORPUS ?? join(root, '..', 'shared', 'corpus', 'mtsamples', 'notes.jsonl');
if (!existsSync(corpusPath)) {
  console.log(`No corpus at ${corpusPath}.\nSupply JSON lines with a "text" field: CARELINT_CORPUS=/path/notes.jsonl npm run bench`);
  process.exit(0);
}
const enginePath = join(root, 'dist', 'engine.mjs');
if (!existsSync(enginePath)) { console.error('Build first: npm run build'); process.exit(2); }
const engine = await import(pathToFileURL(enginePath).href);

const notes = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
function corpusOf(bytes) {
  const parts = []; let size = 0;
  for (let i = 0; size < bytes; i = (i + 1) % notes.length) { parts.push(notes[i]); size += notes[i].length + 2; }
  return parts.join('\n\n').slice(0, bytes);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
function time(fn, runs = 7) {
  fn(); // warm-up
  const t = [];
  for (let i = 0; i < runs; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); }
  return median(t);
}

// The floor: one precompiled alternation of the same literal terms CareLint's phrases stand for
// (alternatives and inflections spelled out; a phrase with a gap contributes its words before the gap),
// with no context checks at all.
function floorRegex() {
  const rs = engine.builtinRuleSet();
  const esc = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inflected = (w) => { const f = rs.inflect(w) ?? {}; return [...new Set([w, ...Object.values(f)])]; };
  const seq = (nodes) => nodes.slice(0, nodes.findIndex((n) => n.kind === 'gap') >>> 0).map((n) => {
    if (n.kind === 'alts') return `(?:${n.alts.map(seq).join('|')}[\\s-]+)${n.optional ? '?' : ''}`;
    const last = n.parts.length - 1;
    return n.parts.map((p, k) => (k === last && n.inflect ? `(?:${inflected(p).map(esc).join('|')})` : esc(p))).join('[\\s-]') + '[\\s-]+';
  }).join('');
  const phrases = rs.rules.flatMap((r) => r.match);
  return { re: new RegExp(`\\b(?:${phrases.map((p) => seq(engine.parsePhrase(p)).replace(/(\[\\s-\]\+)$/, '')).join('|')})`, 'gi'), terms: phrases.length };
}

const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() }, date: new Date().toISOString() };
const oneMB = corpusOf(1 << 20);
const floor = floorRegex();
const floorMs = time(() => { floor.re.lastIndex = 0; let n = 0; while (floor.re.exec(oneMB)) n++; return n; });
const lintMs = time(() => engine.lint(oneMB));
const findings = engine.lint(oneMB).length;
results.fullLint = { bytes: oneMB.length, floorMs, carelintMs: lintMs, ratio: lintMs / floorMs, findings, floorTerms: floor.terms };

// Incremental: one-character edits at random places in a 1 MB document.
const session = new engine.LintSession(oneMB);
session.findings();
const times = [];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
for (let i = 0; i < 400; i++) {
  const at = Math.floor(rand() * (session.length - 1));
  const s = performance.now();
  if (i % 2 === 0) session.update({ start: at, end: at, text: 'x' });
  else session.update({ start: at, end: at + 1, text: '' });
  session.findings();
  times.push(performance.now() - s);
}
results.incremental = { edits: times.length, medianMs: median(times), p99Ms: pct(times, 0.99) };

// Cold start: a fresh process that imports the engine and lints one sentence.
const coldScript = `const t=performance.now();import(${JSON.stringify(pathToFileURL(enginePath).href)}).then(m=>{m.lint('He refused his medication.');console.log(performance.now()-t)})`;
const cold = [];
for (let i = 0; i < 5; i++) cold.push(Number(spawnSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' }).stdout.trim()));
results.coldStart = { medianMs: median(cold) };

const met = (ok) => (ok ? 'met' : 'NOT met');
const rows = [
  ['1 MB lint (MTSamples)', `${lintMs.toFixed(1)} ms`, `floor ${floorMs.toFixed(1)} ms (${floor.terms} phrases)`, `${results.fullLint.ratio.toFixed(2)}× floor`, `≤ 5× floor: ${met(results.fullLint.ratio <= 5)}`],
  ['re-lint after 1-char edit, 1 MB doc', `median ${results.incremental.medianMs.toFixed(3)} ms`, `p99 ${results.incremental.p99Ms.toFixed(3)} ms`, '', `median ≤ 0.5 ms: ${met(results.incremental.medianMs <= 0.5)}`],
  ['cold start (import + first lint)', `${results.coldStart.medianMs.toFixed(1)} ms`, '', '', `≤ 50 ms: ${met(results.coldStart.medianMs <= 50)}`],
];
console.log(`CareLint bench — node ${process.version}, ${results.machine.cpus} cores, load ${results.machine.loadavg.map((x) => x.toFixed(2)).join(' ')}\n`);
console.log('| measure | CareLint | reference | ratio | target |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\n${findings} findings in 1 MB (${(findings / (oneMB.split(/\s+/).length / 100000)).toFixed(1)} per 100,000 words)`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
