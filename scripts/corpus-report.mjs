// False-alarm audit on real notes: findings per 100,000 words per rule, and a seeded random sample to review by hand.
//   node scripts/corpus-report.mjs [notes.jsonl] [--sample 50] [--seed 7]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const corpus =
  args.find((a) => a.endsWith('.jsonl')) ?? join(root, '..', 'shared', 'corpus', 'mtsamples', 'notes.jsonl');
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}; pass a JSON-lines file with a "text" field.`);
  process.exit(0);
}
const engine = await import(pathToFileURL(join(root, 'dist', 'engine.mjs')).href);

// MTSamples repeats many notes under two specialties: count each distinct text once.
const texts = [
  ...new Set(
    readFileSync(corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).text),
  ),
];
let words = 0;
const all = [];
const perRule = new Map();
texts.forEach((text, note) => {
  words += text.split(/\s+/).filter(Boolean).length;
  for (const f of engine.lint(text)) {
    all.push({ note, f, context: text.slice(Math.max(0, f.start - 70), f.end + 70).replace(/\s+/g, ' ') });
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  }
});
console.log(
  `${texts.length} distinct notes, ${words} words, ${all.length} findings = ${((all.length / words) * 1e5).toFixed(1)} per 100,000 words\n`,
);
for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${rule}`);

let seed = Number(opt('--seed', 7));
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pool = [...all];
const sample = [];
for (let n = Number(opt('--sample', 50)); n > 0 && pool.length; n--)
  sample.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
console.log(`\nRandom sample of ${sample.length} findings (seed ${opt('--seed', 7)}):`);
sample.forEach(({ note, f, context }, i) =>
  console.log(`${i + 1}. [${f.ruleId}] «${f.text}» … ${context} (note ${note})`),
);
