// The build that ships (dist/browser, what the zip holds) loads in Chromium as it is: its manifest and managed schema
// are accepted, its worker starts, and it holds no host permission and runs on no site until one is turned on.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/cli';
import { launchExtension, type ExtensionSession } from './support';

describe('browser extension: the shipped build in Chromium', function () {
  this.timeout(60_000);
  let s: ExtensionSession;
  before(async () => {
    s = await launchExtension(join(ROOT, 'dist', 'browser'));
  });
  after(async () => {
    await s?.close();
  });

  it('loads with no host permission and no content script', async () => {
    const state = (await s.worker.evaluate(`(async () => ({
      origins: (await chrome.permissions.getAll()).origins,
      scripts: await chrome.scripting.getRegisteredContentScripts(),
      managed: await chrome.storage.managed.get(null),
    }))()`)) as { origins: string[]; scripts: unknown[]; managed: object };
    assert.deepEqual(state.origins, []);
    assert.deepEqual(state.scripts, []);
    assert.deepEqual(state.managed, {}, 'no policy on this machine');
  });

  it('cannot turn a site on without its permission (the prompt a user answers)', async () => {
    assert.equal(await s.call('enableSite', s.server.url), true, 'the site is recorded');
    const scripts = await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    assert.deepEqual(scripts, [], 'but nothing is registered until the user grants the site');
    const page = await s.context.newPage();
    await page.goto(`${s.server.url}/note.html`);
    await page.click('#note');
    await page.keyboard.type('Patient was aggressive.');
    assert.equal(await page.$('carelint-overlay'), null);
    assert.deepEqual(s.foreignRequests(), []);
  });
});
