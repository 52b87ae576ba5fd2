// npm run package: the .vsix, offline. dist/extension/ (built by `npm run build`) holds exactly what ships: the
// manifest, both bundles, the config schemas, README and LICENSE. vsce packs it as it is, without npm dependencies
// (the bundles contain the engine) and without looking anything up online.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const folder = resolve('dist/extension');
if (!existsSync(`${folder}/out/node.js`) || !existsSync(`${folder}/out/web.js`)) {
  console.error('package: dist/extension is not built. Run `npm run build` first.');
  process.exit(2);
}
const { version } = JSON.parse(readFileSync(`${folder}/package.json`, 'utf8'));
const out = resolve(`dist/carelint-${version}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
const r = spawnSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out],
  {
    cwd: folder,
    stdio: 'inherit',
    env: { ...process.env, VSCE_TELEMETRY: 'off' },
  },
);
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`package: ${out}`);
