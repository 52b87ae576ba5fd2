// The floor: one precompiled regular expression of CareLint's literal terms, no context checks at all.
// bench/lib/floor-terms.mjs derives its source from the compiled rule set; run.mjs hands it over in a file.
import { readFileSync } from 'node:fs';

export const name = 'regex floor';

export async function load() {
  const file = process.env.CARELINT_BENCH_FLOOR_FILE;
  if (!file) throw new Error('CARELINT_BENCH_FLOOR_FILE is not set (run.mjs writes it)');
  const re = new RegExp(readFileSync(file, 'utf8'), 'gi');
  const lint = (text) => {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text)) n++;
    return n;
  };
  return { lint };
}
