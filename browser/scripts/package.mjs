// `npm run package:browser`: zip dist/browser into dist/carelint-browser-<version>.zip, ready to upload to the
// Chrome Web Store or Edge Add-ons, or to host on the trust's own update server.
//   node browser/scripts/package.mjs                         the extension as shipped (no host permission)
//   node browser/scripts/package.mjs --host=https://epr.trust.nhs.uk/*   a trust's own build: the record's address is
//        granted at install, so a force-installed extension works there with no prompt (repeat --host for more)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { manifestFor } from '../bundles.mjs';
import { toMatchPatternOrExit } from './hosts.mjs';

const DIST = 'dist/browser';
if (!existsSync(join(DIST, 'background.js'))) {
  console.error(`${DIST} is not built: run \`npm run build\` first.`);
  process.exit(1);
}
const hosts = process.argv
  .filter((a) => a.startsWith('--host='))
  .map((a) => toMatchPatternOrExit(a.slice('--host='.length)));
const manifest = manifestFor({ hosts });

const files = (dir) =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const zip = new JSZip();
// a fixed date, so the same sources give the same zip
const date = new Date('2020-01-01T00:00:00Z');
for (const file of files(DIST).sort()) {
  const name = relative(DIST, file).split('\\').join('/');
  zip.file(name, name === 'manifest.json' ? JSON.stringify(manifest, null, 2) + '\n' : readFileSync(file), { date });
}
const suffix = hosts.length > 0 ? '-hosted' : '';
const out = `dist/carelint-browser-${manifest.version}${suffix}.zip`;
writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }));
console.log(out);
if (hosts.length > 0) console.error(`host permission granted at install: ${hosts.join(', ')}`);
