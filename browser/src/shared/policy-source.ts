/// <reference types="chrome" />
import type { ManagedPolicy } from './policy';
import { KEYS } from './messages';

/** Set by the build: true only in dist/browser-test (browser/bundles.mjs). */
declare const CARELINT_TEST_BUILD: boolean;

/**
 * The trust's policy. Real installs read chrome.storage.managed, which Chrome and Edge fill from the
 * 3rdparty extension policy and which nothing else can write. A test cannot set real managed storage without
 * installing a machine-wide browser policy, so the test build (and only it) reads the same object from
 * storage.local instead; everything downstream of this function is the code that ships.
 */
export async function readPolicy(): Promise<ManagedPolicy | null> {
  if (CARELINT_TEST_BUILD) {
    const got = await chrome.storage.local.get(KEYS.testPolicy);
    return (got[KEYS.testPolicy] as ManagedPolicy | undefined) ?? null;
  }
  try {
    const got = await chrome.storage.managed.get(null);
    return Object.keys(got).length > 0 ? (got as ManagedPolicy) : null;
  } catch {
    return null; // no managed storage (a browser without policy support)
  }
}
