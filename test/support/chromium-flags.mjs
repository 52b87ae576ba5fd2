// The one list of Chromium flags every browser test and bench uses (plain JavaScript, so the bench imports it too):
// nothing may reach out to Google's services, which this machine's network refuses.

export const CHROMIUM_PATH = process.env.CARELINT_CHROMIUM ?? '/usr/bin/chromium';

export const OFFLINE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-default-apps',
];

/** A page with no extension, in the old headless mode. */
export const PAGE_FLAGS = ['--headless', ...OFFLINE_FLAGS, '--disable-extensions'];

/** Chromium with only CareLint's unpacked extension at `dir` (Playwright's headless runs extensions). */
export function extensionFlags(dir) {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...OFFLINE_FLAGS];
}
