// What the extension asks for and ships: minimal permissions, no host access at install, a strict CSP, a managed
// storage schema Chrome and Edge accept, and a zip ready for enterprise deployment.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from '../support/cli';

const DIST = join(ROOT, 'dist', 'browser');
const read = (file: string) => JSON.parse(readFileSync(join(DIST, file), 'utf8'));

describe('browser extension manifest and package', () => {
  before(() => {
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/browser is missing: run `npm run build` first');
  });

  it('asks for no host at install, no network permission, and registers no content script statically', () => {
    const m = read('manifest.json');
    assert.equal(m.manifest_version, 3);
    assert.equal(m.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'scripting', 'storage']);
    assert.equal(m.host_permissions, undefined);
    assert.equal(m.content_scripts, undefined);
    assert.ok(!JSON.stringify(m).includes('<all_urls>'));
    assert.deepEqual(m.optional_host_permissions, ['https://*/*', 'http://*/*']);
    for (const p of ['webRequest', 'declarativeNetRequest', 'proxy', 'tabs', 'history', 'cookies'])
      assert.ok(!m.permissions.includes(p), p);
  });

  it('has a CSP for its pages that allows no remote script and no connection', () => {
    const csp: string = read('manifest.json').content_security_policy.extension_pages;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'none'/);
  });

  it('ships every file the manifest names, and a managed schema for the policy keys the worker reads', () => {
    const m = read('manifest.json');
    for (const file of [
      m.background.service_worker,
      m.action.default_popup,
      m.options_page,
      m.storage.managed_schema,
      ...(Object.values(m.icons) as string[]),
    ]) {
      assert.ok(existsSync(join(DIST, file)), file);
    }
    const schema = read('managed_schema.json');
    assert.equal(schema.type, 'object');
    assert.deepEqual(Object.keys(schema.properties).sort(), ['allowUserSites', 'config', 'enabledSites']);
    const config = JSON.parse(readFileSync(join(ROOT, 'shared-rules', 'config.schema.json'), 'utf8'));
    for (const key of Object.keys(schema.properties.config.properties))
      assert.ok(key in config.properties, `${key} is a .carelintrc.json key`);
  });

  it("packs a zip with the manifest at its root; a trust build grants the record's address at install", async function () {
    this.timeout(30_000);
    const out = execFileSync(
      process.execPath,
      ['browser/scripts/package.mjs', '--host=https://epr.example.nhs.uk/notes'],
      { cwd: ROOT, encoding: 'utf8' },
    ).trim();
    const zip = await JSZip.loadAsync(readFileSync(join(ROOT, out)));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    assert.deepEqual(manifest.host_permissions, ['https://epr.example.nhs.uk/*']);
    for (const file of ['background.js', 'content.js', 'popup.html', 'options.html', 'managed_schema.json', 'base.css'])
      assert.ok(zip.file(file), file);
    const plain = execFileSync(process.execPath, ['browser/scripts/package.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    assert.match(plain, /^dist\/carelint-browser-\d+\.\d+\.\d+\.zip$/);
    const m2 = JSON.parse(
      await (await JSZip.loadAsync(readFileSync(join(ROOT, plain)))).file('manifest.json')!.async('string'),
    );
    assert.equal(m2.host_permissions, undefined);
  });
});
