/// <reference types="chrome" />
import {
  effectiveSettings,
  EMPTY_SETTINGS,
  toMatchPattern,
  type ManagedPolicy,
  type UserSettings,
} from './shared/policy';
import { countsKey, KEYS, type Message } from './shared/messages';
import { readPolicy } from './shared/policy-source';

/**
 * The service worker: merges the trust's policy with the user's settings, keeps the content script registered for
 * exactly the enabled sites that have their host permission, and keeps the per-tab counts for the popup and badge.
 * It never makes a network request (the manifest asks for no permission that could, and the CSP forbids it).
 */
const SCRIPT_ID = 'carelint';
/** Set by the build: true only in dist/browser-test (browser/bundles.mjs). */
declare const CARELINT_TEST_BUILD: boolean;

let chain: Promise<unknown> = Promise.resolve();
/** Syncs run one after another; a burst of storage changes cannot interleave registrations. */
function sync(): Promise<void> {
  const next = chain.then(doSync, doSync);
  chain = next;
  return next;
}

async function readSettings(): Promise<UserSettings> {
  const got = await chrome.storage.local.get(KEYS.settings);
  return { ...EMPTY_SETTINGS, ...(got[KEYS.settings] as UserSettings | undefined) };
}

async function doSync(): Promise<void> {
  const policy = await readPolicy();
  const eff = effectiveSettings(policy, await readSettings());
  await chrome.storage.local.set({ [KEYS.effective]: eff });
  const matches: string[] = [];
  for (const site of eff.sites) {
    if (await chrome.permissions.contains({ origins: [site.pattern] })) matches.push(site.pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length > 0) {
    await chrome.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        js: ['content.js'],
        allFrames: true,
        matchOriginAsFallback: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  await chrome.action.setBadgeBackgroundColor({ color: '#1a57c6' });
}

/** Turn CareLint on for a site. The host permission is asked for by the page the user clicked in (popup or options). */
async function enableSite(raw: string): Promise<boolean> {
  const pattern = toMatchPattern(raw);
  if (!pattern) return false;
  const policy = await readPolicy();
  if (policy?.allowUserSites === false) return false;
  const settings = await readSettings();
  if (!settings.sites.includes(pattern)) settings.sites = [...settings.sites, pattern];
  await chrome.storage.local.set({ [KEYS.settings]: settings });
  await sync();
  return true;
}

async function disableSite(raw: string): Promise<void> {
  const pattern = toMatchPattern(raw);
  const settings = await readSettings();
  settings.sites = settings.sites.filter((s) => s !== pattern);
  await chrome.storage.local.set({ [KEYS.settings]: settings });
  // a site the policy enables stays on; only the user's own grant is given back
  const eff = effectiveSettings(await readPolicy(), settings);
  if (pattern && !eff.sites.some((s) => s.pattern === pattern))
    await chrome.permissions.remove({ origins: [pattern] }).catch(() => false);
  await sync();
}

chrome.runtime.onInstalled.addListener(() => void sync());
chrome.runtime.onStartup.addListener(() => void sync());
chrome.permissions.onAdded.addListener(() => void sync());
chrome.permissions.onRemoved.addListener(() => void sync());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && (changes[KEYS.settings] || changes[KEYS.testPolicy]))) void sync();
});

chrome.runtime.onMessage.addListener((message: Message, sender, reply) => {
  if (message.type === 'counts') {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    void chrome.storage.session.set({ [countsKey(tabId)]: { total: message.total, byCategory: message.byCategory } });
    void chrome.action.setBadgeText({ tabId, text: message.total > 0 ? String(message.total) : '' });
    return false;
  }
  // test build only: the round trip bench/browser.mjs times against linting in the page
  if (CARELINT_TEST_BUILD && (message as { type: string }).type === 'echo') {
    reply(true);
    return false;
  }
  if (message.type === 'enable') {
    enableSite(message.pattern).then(reply, () => reply(false));
    return true;
  }
  if (message.type === 'disable') {
    disableSite(message.pattern).then(
      () => reply(true),
      () => reply(false),
    );
    return true;
  }
  return false;
});
chrome.tabs.onRemoved.addListener((tabId) => void chrome.storage.session.remove(countsKey(tabId)));

/** For the extension's own pages and for tests driving the worker (the permission prompt cannot be clicked there). */
const api = {
  sync,
  enableSite,
  disableSite,
  effective: async () => effectiveSettings(await readPolicy(), await readSettings()),
};
(globalThis as unknown as { carelint: typeof api }).carelint = api;
export type { ManagedPolicy };
