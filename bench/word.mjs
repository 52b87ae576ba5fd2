// The Word add-in's round trips to Word (context.sync calls), counted against the tests' fake Word, on a 60- and a
// 600-paragraph document: `node bench/word.mjs`. Goals (issue 14): start on 600 paragraphs ≤ 4, one paragraph
// edit ≤ 2, one replace ≤ 3, and no per-paragraph loop (the same count at 60 and at 600 paragraphs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emit = (e) => process.stdout.write(JSON.stringify({ event: 'word', ...e }) + '\n');
const dir = mkdtempSync(join(tmpdir(), 'carelint-word-bench-'));
try {
  const outfile = join(dir, 'scenarios.mjs');
  await build({
    entryPoints: [join(root, 'bench', 'word', 'scenarios.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
  });
  const { scenarios } = await import(pathToFileURL(outfile).href);
  const short = await scenarios(60);
  const long = await scenarios(600);
  const steps = Object.keys(long).map((step) => ({ step, at60: short[step], at600: long[step] }));
  const goal = (name, limit) => ({ name, limit, measured: long[name], met: long[name] <= limit });
  emit({
    status: 'measured',
    steps,
    goals: [
      goal('start (WordApi 1.8: read, critiques, event groups)', 4),
      goal('one paragraph edit (change event)', 2),
      goal('one replace from the pane', 3),
    ],
    perParagraphLoop: steps.some((s) => s.at60 !== s.at600),
  });
} catch (e) {
  emit({ status: 'failed', reason: String(e?.message ?? e).split('\n')[0] });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
