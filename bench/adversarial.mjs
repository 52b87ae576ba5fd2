// Adversarial inputs for CareLint (issue: hardening, linear time): each is linted at its full size and at a
// quarter of it; equal ms/MB at both sizes is what linear time looks like. `node bench/adversarial.mjs <text file>`
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engine = await import(pathToFileURL(process.env.CARELINT_BENCH_ENGINE ?? join(root, 'dist', 'engine.mjs')).href);
const prose = readFileSync(process.argv[2], 'utf8');
const MB = 1 << 20;

const only = process.argv[3] ? new RegExp(process.argv[3], 'i') : null;
const CASES = [
  { label: '1 MB of one letter', make: (n) => 'a'.repeat(n), chars: MB },
  { label: '1 MB of spaces', make: (n) => ' '.repeat(n), chars: MB },
  { label: '1 MB of hyphens', make: (n) => '-'.repeat(n), chars: MB },
  { label: '1 MB of double quotes', make: (n) => '"'.repeat(n), chars: MB },
  { label: '1 MB of apostrophes', make: (n) => "'".repeat(n), chars: MB },
  { label: '100,000 one-word lines ("refused")', make: (n) => 'refused\n'.repeat(Math.round(n / 8)), chars: 800_000 },
  { label: 'a single 5 MB line of notes', make: (n) => prose.slice(0, n).replace(/[\r\n]+/g, ' '), chars: 5 * MB },
];

engine.lint('warm up the rule set');
for (const c of CASES.filter((x) => !only || only.test(x.label))) {
  const sizes = [Math.round(c.chars / 4), c.chars].map((n) => {
    const text = c.make(n);
    engine.lint(text); // warm-up
    const ms = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      engine.lint(text);
      ms.push(performance.now() - t);
    }
    const m = median(ms);
    return { chars: text.length, ms: m, msPerMB: m / (text.length / MB) };
  });
  process.stdout.write(
    JSON.stringify({
      event: 'adversarial',
      label: c.label,
      quarter: sizes[0],
      full: sizes[1],
      findings: engine.lint(c.make(c.chars)).length,
    }) + '\n',
  );
}
