// What ships: the manifest, both bundles and the .vsix built by `npm run package`.
import './use-fake-vscode';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { path, waitFor, withWorkspace } from './support';
import * as vscode from './unit/fake-vscode';

const DIR = resolve('dist/extension');
const manifest = () => JSON.parse(readFileSync(`${DIR}/package.json`, 'utf8'));

describe('VS Code extension: manifest, bundles and .vsix', function () {
  this.timeout(60_000);

  before(() => {
    if (!existsSync(`${DIR}/out/node.js`)) throw new Error('dist/extension is missing. Run `npm run build` first.');
  });

  it('the manifest: version of the project, VS Code 1.91+, both entries, settings, schema, commands', () => {
    const m = manifest();
    assert.equal(m.version, JSON.parse(readFileSync('package.json', 'utf8')).version);
    assert.equal(m.engines.vscode, '^1.91.0');
    assert.equal(
      JSON.parse(readFileSync('node_modules/@types/vscode/package.json', 'utf8')).version.startsWith('1.91.'),
      true,
      '@types/vscode matches engines.vscode',
    );
    for (const entry of [m.main, m.browser, m.contributes.jsonValidation[0].url])
      assert.ok(existsSync(resolve(DIR, entry)), entry);
    assert.deepEqual(Object.keys(m.contributes.configuration.properties).sort(), [
      'carelint.categories',
      'carelint.categoryColors',
      'carelint.enable',
      'carelint.languages',
      'carelint.locale',
      'carelint.severity',
    ]);
    assert.equal(m.contributes.configuration.properties['carelint.categoryColors'].default, true);
    assert.deepEqual(m.contributes.configuration.properties['carelint.languages'].default, [
      'plaintext',
      'markdown',
      'html',
      'handlebars',
      'jinja',
    ]);
    assert.equal(m.contributes.jsonValidation[0].fileMatch, '.carelintrc.json');
    // The config schema's $ref to the rule schema resolves next to it.
    assert.ok(
      existsSync(
        resolve(
          DIR,
          'schemas',
          JSON.parse(readFileSync(`${DIR}/schemas/config.schema.json`, 'utf8')).properties.customRules.items.$ref,
        ),
      ),
    );
  });

  it('the browser bundle uses no Node module (it runs in a web worker)', () => {
    const web = readFileSync(`${DIR}/out/web.js`, 'utf8');
    // Calls only: ajv's runtime helpers carry their own source as a string ('require("ajv/…")'), which is not a call.
    const required = [...web.matchAll(/(?<!['"\w.$])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)], ['vscode']);
  });

  it('the Node bundle activates, registers every contributed command and checks an open document', async () => {
    withWorkspace();
    const doc = vscode.openDocument(path('a.md'), 'markdown', 'He refused.\n');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(`${DIR}/out/node.js`);
    const subscriptions: Array<{ dispose(): unknown }> = [];
    const api = ext.activate({ subscriptions });
    try {
      for (const c of manifest().contributes.commands) assert.ok(vscode.state.commands.has(c.command), c.command);
      assert.ok(vscode.state.commands.has('carelint.allowInWorkspace'));
      assert.ok(vscode.state.contentProviders.has('carelint-rule'));
      const live = vscode.state.collections.find((c) => c.name === 'carelint')!;
      await waitFor(() => live.get(doc.uri)?.length === 1, 'a diagnostic from the bundled engine');
      assert.equal(api.linter.isTracked(doc.uri), true);
    } finally {
      for (const s of subscriptions) s.dispose();
    }
  });

  it('npm run package: an offline .vsix with the manifest, both bundles, schemas, README and LICENSE, and no tests', async () => {
    const r = spawnSync(process.execPath, ['extension/scripts/package.mjs'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const vsix = resolve(`dist/carelint-${manifest().version}.vsix`);
    const zip = await JSZip.loadAsync(readFileSync(vsix));
    const files = Object.keys(zip.files)
      .filter((f) => !f.endsWith('/'))
      .sort();
    assert.deepEqual(files, [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/out/node.js',
      'extension/out/web.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/schemas/config.schema.json',
      'extension/schemas/rule.schema.json',
    ]);
    const packed = JSON.parse(await zip.file('extension/package.json')!.async('string'));
    assert.equal(packed.publisher + '.' + packed.name, 'carelint.carelint');
  });
});
