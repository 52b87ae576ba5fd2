// What the last build read, so `npm start` skips the build that `npm install` (prepare) has just done, and still
// rebuilds after any change. A full build writes dist/build-inputs.json: the source folders its bundles came from
// (the whole folder, which also holds the files a host copies next to its bundle: pages, styles, manifests), the
// dependency packages it bundled, and its bundles. The build is current when that record is newer than every file
// and folder in those source folders and every bundled package's folder (npm keeps files' dates from the package,
// but a package's folder dates from its install).
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const RECORD = 'dist/build-inputs.json';
/** Read by every build, bundled or not. */
const ALWAYS = ['esbuild.config.mjs', 'package.json', 'scripts/build-inputs.mjs'];
/** Never sources: the build's own outputs and installed packages. */
const SKIP = new Set(['node_modules', 'dist', 'generated']);

/** `inputs`: every file esbuild read (its metafile's keys); `outfiles`: the bundles written. */
export function recordBuildInputs(inputs, outfiles) {
  const folders = new Set();
  const packages = new Set();
  for (const input of inputs) {
    if (input.includes(':') || !existsSync(input)) continue; // plugin namespaces, stand-ins
    const at = input.lastIndexOf('node_modules/');
    if (at >= 0) {
      const [scope, name] = input.slice(at + 'node_modules/'.length).split('/');
      packages.add(input.slice(0, at) + `node_modules/${scope.startsWith('@') ? `${scope}/${name}` : scope}`);
    } else if (input.startsWith('test/')) {
      folders.add(dirname(input)); // a bundled test suite: its own folder, not every test
    } else {
      folders.add(input.split('/')[0]);
    }
  }
  mkdirSync(dirname(RECORD), { recursive: true });
  const record = { folders: [...folders].sort(), packages: [...packages].sort(), outfiles };
  writeFileSync(RECORD, `${JSON.stringify(record, null, 1)}\n`);
}

/** Undefined when the last build is newer than everything it read; otherwise why it is not. */
export function builtAfterSources() {
  if (!existsSync(RECORD)) return 'no earlier build recorded';
  const builtAt = statSync(RECORD).mtimeMs;
  const record = JSON.parse(readFileSync(RECORD, 'utf8'));
  const missing = record.outfiles.find((file) => !existsSync(file));
  if (missing) return `${missing} is missing`;
  for (const path of [...ALWAYS, ...record.folders]) {
    const changed = newerIn(path, builtAt);
    if (changed) return `${changed} changed`;
  }
  for (const folder of record.packages) {
    if (!existsSync(folder) || statSync(folder).mtimeMs > builtAt) return `${folder} was installed or removed`;
  }
  return undefined;
}

/** The first file or folder under `path` changed after `time` (a folder changes when a file is added or removed). */
function newerIn(path, time) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info || info.mtimeMs > time) return path;
  if (!info.isDirectory()) return undefined;
  for (const entry of readdirSync(path)) {
    if (SKIP.has(entry) || entry.startsWith('.')) continue;
    const changed = newerIn(join(path, entry), time);
    if (changed) return changed;
  }
  return undefined;
}
