// The trust's managed policy merged with the user's settings (browser/src/shared/policy.ts): policy wins and locks.
import assert from 'node:assert/strict';
import { lint, loadConfig } from '../../shared-rules/src/index';
import {
  effectiveSettings,
  EMPTY_SETTINGS,
  originPattern,
  patternCovers,
  toMatchPattern,
} from '../../browser/src/shared/policy';

describe('browser extension policy', () => {
  it('is off everywhere with no policy and no sites chosen', () => {
    const eff = effectiveSettings(null, EMPTY_SETTINGS);
    assert.deepEqual(eff.sites, []);
    assert.deepEqual(eff.locked, { categories: [], locale: false, userSites: false });
  });

  it("turns on the sites the policy lists, marked as managed, before the user's own", () => {
    const eff = effectiveSettings(
      { enabledSites: ['https://epr.trust.nhs.uk', 'https://*.trust.nhs.uk/*'] },
      { ...EMPTY_SETTINGS, sites: ['https://epr.trust.nhs.uk/*', 'http://localhost/*'] },
    );
    assert.deepEqual(eff.sites, [
      { pattern: 'https://epr.trust.nhs.uk/*', managed: true },
      { pattern: 'https://*.trust.nhs.uk/*', managed: true },
      { pattern: 'http://localhost/*', managed: false },
    ]);
  });

  it("drops the user's sites when the policy forbids them", () => {
    const eff = effectiveSettings(
      { enabledSites: ['https://epr.trust.nhs.uk'], allowUserSites: false },
      { ...EMPTY_SETTINGS, sites: ['https://example.org/*'] },
    );
    assert.deepEqual(
      eff.sites.map((s) => s.pattern),
      ['https://epr.trust.nhs.uk/*'],
    );
    assert.equal(eff.locked.userSites, true);
  });

  it('locks what the policy sets: the user cannot turn a category back on, or change the locale', () => {
    const eff = effectiveSettings(
      { config: { categories: { 'stigmatizing-language': false, 'police-involvement': true }, locale: 'en-US' } },
      {
        sites: [],
        categories: { 'stigmatizing-language': true, 'police-involvement': false, 'punitive-approach': false },
        locale: 'en-GB',
      },
    );
    assert.equal(eff.categories['stigmatizing-language'], false);
    assert.equal(eff.categories['police-involvement'], true);
    assert.equal(eff.categories['punitive-approach'], false, 'what the policy leaves open the user may choose');
    assert.equal(eff.locale, 'en-US');
    assert.deepEqual(eff.locked.categories.sort(), ['police-involvement', 'stigmatizing-language']);
    assert.equal(eff.locked.locale, true);
  });

  it("carries the rest of the trust's .carelintrc.json (rules, severity, allow) into what the engine lints with", () => {
    const eff = effectiveSettings(
      {
        config: {
          rules: { aggressive: false },
          allow: [{ text: 'non-compliant with', reason: 'trial protocol wording' }],
        },
      },
      EMPTY_SETTINGS,
    );
    const loaded = loadConfig(eff.configText, 'policy');
    assert.deepEqual(loaded.problems, []);
    const found = lint('He was aggressive and non-compliant with meds. She is attention seeking.', {
      ...loaded.options,
      ruleSet: loaded.ruleSet,
    }).map((f) => f.ruleId);
    assert.ok(!found.includes('aggressive') && !found.includes('non-compliant'), found.join());
    assert.ok(found.includes('attention-seeking'), found.join());
  });

  it('turns addresses into match patterns for the whole origin, and refuses what is not a web address', () => {
    assert.equal(toMatchPattern('https://EPR.trust.nhs.uk:8443/notes/1?x'), 'https://epr.trust.nhs.uk/*');
    assert.equal(toMatchPattern('http://127.0.0.1:5000'), 'http://127.0.0.1/*');
    assert.equal(toMatchPattern('https://*.trust.nhs.uk/*'), 'https://*.trust.nhs.uk/*');
    for (const bad of ['<all_urls>', 'file:///etc/passwd', 'javascript:alert(1)', 'epr.trust.nhs.uk', ''])
      assert.equal(toMatchPattern(bad), null, bad);
    assert.equal(originPattern('chrome://extensions'), null);
    assert.equal(originPattern('https://epr.trust.nhs.uk/a/b'), 'https://epr.trust.nhs.uk/*');
  });

  it("tells whether a page's origin is covered by a site pattern (so an open page stops when its site is turned off)", () => {
    assert.equal(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:5000'), true);
    assert.equal(patternCovers('https://*.trust.nhs.uk/*', 'https://epr.trust.nhs.uk'), true);
    assert.equal(patternCovers('https://*.trust.nhs.uk/*', 'https://trust.nhs.uk'), true);
    assert.equal(patternCovers('https://*.trust.nhs.uk/*', 'https://eviltrust.nhs.uk'), false);
    assert.equal(patternCovers('https://epr.trust.nhs.uk/*', 'http://epr.trust.nhs.uk'), false);
    assert.equal(patternCovers('https://epr.trust.nhs.uk/*', 'null'), false);
  });
});
