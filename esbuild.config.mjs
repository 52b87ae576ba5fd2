// One build for every bundle. Rule data is validated and compiled first, so a bad rule fails the build.
//   node esbuild.config.mjs             build everything
//   node esbuild.config.mjs --if-stale  build only if a source changed since the last build (npm start, right
//                                       after the build `npm install` ran)
//   node esbuild.config.mjs --watch     rebuild bundles on change
import { build, context } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { builtAfterSources, recordBuildInputs } from './scripts/build-inputs.mjs';

// Imported (by the bench, to list the bundles) it only describes them; run directly it builds.
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

function step(label, args) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed at: ${label}`);
    process.exit(r.status ?? 1);
  }
}

if (isMain && process.argv.includes('--if-stale')) {
  const stale = builtAfterSources();
  if (stale === undefined) {
    console.log('build: up to date (every bundle is newer than its sources)');
    process.exit(0);
  }
  console.log(`build: ${stale}; building`);
}
if (isMain) step('rule packs', ['--import', 'tsx', 'shared-rules/scripts/build-rules.ts']);
if (isMain && existsSync('shared-rules/scripts/build-validators.mjs'))
  step('config validators', ['shared-rules/scripts/build-validators.mjs']);

const common = {
  bundle: true,
  sourcemap: false,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  target: 'es2022',
};

/**
 * Two dependencies of mammoth (the .docx reader) carry code built with `new Function`: underscore (its template
 * engine, which mammoth never calls, and its global lookup) and the setImmediate polyfill, which Node never needs. Leaving them out
 * keeps every bundle free of eval-like code (test/hardening/bundles.test.ts).
 */
const withoutDynamicCode = {
  name: 'without-dynamic-code',
  setup(b) {
    b.onLoad({ filter: /[\\/]underscore[\\/]modules[\\/]template\.js$/ }, () => ({
      contents: "export default function template() { throw new Error('underscore templates are not bundled'); }",
    }));
    b.onLoad({ filter: /[\\/]setimmediate[\\/]setImmediate\.js$/ }, () => ({ contents: '' }));
    // underscore finds the global object with Function('return this')() where `globalThis` exists anyway
    b.onLoad({ filter: /[\\/]underscore[\\/]modules[\\/]_setup\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace("Function('return this')()", 'globalThis'),
    }));
  },
};

/** Every bundle the project ships. Each host lists its own in <host>/bundles.mjs (`export function bundles(common)`). */
export const bundles = [
  {
    ...common,
    entryPoints: ['cli/src/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    minify: false,
    mainFields: ['module', 'main'],
    plugins: [withoutDynamicCode],
  },
  // the audit's worker threads run only the engine and the scanner (cli/src/audit/worker-entry.ts)
  {
    ...common,
    entryPoints: ['cli/src/audit/worker-entry.ts'],
    outfile: 'dist/audit-worker.js',
    platform: 'node',
    format: 'cjs',
    minify: false,
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    entryPoints: ['shared-rules/src/index.ts'],
    outfile: 'dist/engine.mjs',
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
  },
];
for (const host of ['extension', 'addin', 'browser', 'language-server']) {
  const file = `./${host}/bundles.mjs`;
  if (existsSync(file)) bundles.push(...(await import(file)).bundles(common));
}

if (!isMain) {
  // described only
} else if (process.argv.includes('--watch')) {
  for (const options of bundles) await (await context(options)).watch();
  console.log('watching…');
} else {
  const built = bundles.filter((b) => existsSync(b.entryPoints[0]));
  const results = await Promise.all(built.map((options) => build({ ...options, metafile: true })));
  recordBuildInputs(
    results.flatMap((r) => Object.keys(r.metafile.inputs)),
    built.map((b) => b.outfile),
  );
  console.log(`bundles: ${bundles.map((b) => b.outfile).join(', ')}`);
}
