// CareLint as the bench drives it: the built ESM engine bundle, exactly what the hosts ship
// (CARELINT_BENCH_ENGINE points at another build, for bench/compare.mjs).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'CareLint';

export async function load(root) {
  const engine = await import(
    pathToFileURL(process.env.CARELINT_BENCH_ENGINE ?? join(root, 'dist', 'engine.mjs')).href
  );
  return {
    lint: (text) => engine.lint(text).length,
    // An editor keeps one session per document and re-lints only the paragraphs an edit touched.
    session(text) {
      const s = new engine.LintSession(text);
      s.findings();
      return {
        edit: (change) => {
          s.update(change);
          return s.findings().length;
        },
      };
    },
  };
}
