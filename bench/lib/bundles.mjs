// Sizes of every bundle esbuild.config.mjs builds (it lists each host's bundles from <host>/bundles.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const HOSTS = {
  cli: 'CLI',
  'shared-rules': 'engine',
  extension: 'VS Code extension',
  addin: 'Word add-in',
  browser: 'browser extension',
};

export async function bundleSizes(root) {
  const { bundles } = await import(pathToFileURL(join(root, 'esbuild.config.mjs')).href);
  const rows = bundles.map((b) => {
    const entry = String(b.entryPoints[0]);
    const host = entry.split('/')[0];
    const file = join(root, b.outfile);
    const row = { host, label: HOSTS[host] ?? host, outfile: b.outfile, platform: b.platform ?? 'browser', entry };
    if (!existsSync(file)) return { ...row, status: 'not built' };
    return { ...row, status: 'built', bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length };
  });
  // hosts whose bundle list is not on this branch yet
  for (const host of ['extension', 'addin']) {
    if (!rows.some((r) => r.host === host))
      rows.push({ host, label: HOSTS[host], outfile: `(no ${host}/bundles.mjs)`, status: 'not built' });
  }
  return rows;
}
