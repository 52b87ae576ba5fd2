// One tool, one task, one fresh process: `node bench/worker.mjs <tool> <task> <json args>`.
// Reports JSON lines on stdout; run.mjs reads them and stops the process when one lint takes over 60 s.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [toolId, task, rawArgs] = process.argv.slice(2);
const args = JSON.parse(rawArgs ?? '{}');
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');
const rssMB = () => process.resourceUsage().maxRSS / 1024;

const SENTENCE = 'He refused his medication and was noncompliant with the plan, so police were called.';

if (task === 'cold') {
  // import and first lint, timed from before the import: what a host pays when it activates
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const tool = await (await import(`./tools/${toolId}.mjs`)).load(root);
  await tool.lint(SENTENCE);
  const cpu = process.cpuUsage(c0);
  emit({ event: 'cold', ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
  process.exit(0);
}

const tool = await (await import(`./tools/${toolId}.mjs`)).load(root);
emit({ event: 'loaded', rssMB: rssMB() });

async function timed(fn) {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

if (task === 'full') {
  // sizes ascend; each lint reports at once, so the parent's 60 s watchdog is per lint
  for (const { label, path } of args.files) {
    const text = readFileSync(path, 'utf8');
    emit({ event: 'start', label });
    const [warm, findings] = await timed(() => tool.lint(text));
    emit({ event: 'warm', label, ms: warm });
    const runs = Math.max(args.minRuns, Math.min(args.maxRuns, Math.floor(args.budgetMs / Math.max(warm, 0.01))));
    const ms = [];
    const cpu = [];
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const [t] = await timed(() => tool.lint(text));
      const used = process.cpuUsage(c);
      ms.push(t);
      cpu.push((used.user + used.system) / 1000);
      emit({ event: 'run', label, ms: t });
    }
    // CPU time (all threads, so GC included) moves less than wall time on a shared machine
    emit({
      event: 'size',
      label,
      chars: text.length,
      findings,
      runs,
      medianMs: median(ms),
      minMs: Math.min(...ms),
      medianCpuMs: median(cpu),
      rssMB: rssMB(),
    });
  }
} else if (task === 'edit') {
  // one-character edits at seeded random places: insert an 'x', then delete it again
  for (const { label, path } of args.cases) {
    let text = readFileSync(path, 'utf8');
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const session = tool.session ? tool.session(text) : null;
    const relint = async (change) => {
      if (session) return session.edit(change);
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
      return tool.lint(text);
    };
    emit({ event: 'start', label });
    await relint({ start: 0, end: 0, text: 'x' }); // warm-up
    await relint({ start: 0, end: 1, text: '' });
    const ms = [];
    const started = performance.now();
    for (let i = 0; i < args.maxEdits && (i < args.minEdits || performance.now() - started < args.budgetMs); i += 2) {
      const at = Math.floor(rand() * (text.length - 1));
      for (const change of [
        { start: at, end: at, text: 'x' },
        { start: at, end: at + 1, text: '' },
      ]) {
        const [t] = await timed(() => relint(change));
        ms.push(t);
        emit({ event: 'run', label, ms: t });
      }
    }
    emit({
      event: 'edit',
      label,
      chars: text.length,
      mode: session ? 'incremental session' : 'whole text',
      edits: ms.length,
      medianMs: median(ms),
      p99Ms: percentile(ms, 0.99),
    });
  }
} else if (task === 'rss') {
  // peak resident memory of one lint of the given file, on top of the tool's own footprint
  const text = readFileSync(args.path, 'utf8');
  const before = rssMB();
  emit({ event: 'start', label: 'rss' });
  const [ms, findings] = await timed(() => tool.lint(text));
  emit({ event: 'rss', chars: text.length, ms, findings, loadedMB: before, peakMB: rssMB() });
} else {
  throw new Error(`unknown task ${task}`);
}
