import { CATEGORIES, type Category, type Locale, type Severity } from '../../../shared-rules/src/index';

/**
 * What a trust sets through managed storage (browser/managed_schema.json). `config` has the shape of a
 * `.carelintrc.json`; whatever it sets is locked for the user.
 */
export interface ManagedPolicy {
  /** Sites the trust turns CareLint on for: origins ("https://epr.trust.nhs.uk") or match patterns. */
  enabledSites?: string[];
  /** false: the user may not turn CareLint on for other sites. Default true. */
  allowUserSites?: boolean;
  config?: PolicyConfig;
}

/** The `.carelintrc.json` keys a policy may carry. */
export interface PolicyConfig {
  locale?: Locale;
  categories?: Partial<Record<Category, boolean>>;
  rules?: Record<string, boolean>;
  severity?: Record<string, Severity>;
  allow?: Array<{ text?: string; rule?: string; reason: string }>;
  customRules?: unknown[];
}

/** What the user chooses on the options page and in the popup. */
export interface UserSettings {
  sites: string[];
  categories: Partial<Record<Category, boolean>>;
  locale?: Locale;
}

export interface EffectiveSite {
  pattern: string;
  managed: boolean;
}

export interface Effective {
  sites: EffectiveSite[];
  /** The `.carelintrc.json` text every frame lints with (policy first, then what the user may still choose). */
  configText: string;
  /** Categories and locale the user cannot change, and whether they may add sites. */
  locked: { categories: Category[]; locale: boolean; userSites: boolean };
  categories: Record<Category, boolean>;
  locale: Locale;
}

export const EMPTY_SETTINGS: UserSettings = { sites: [], categories: {} };

/**
 * Policy over user: every key the policy sets wins and is locked, whether it turns checks on or off (the trust
 * decides what its records are checked for; a writer cannot loosen it). The user's choices fill in the rest.
 */
export function effectiveSettings(policy: ManagedPolicy | null | undefined, user: UserSettings): Effective {
  const p = policy ?? {};
  const pc = p.config ?? {};
  const lockedCategories = CATEGORIES.filter((c) => typeof pc.categories?.[c] === 'boolean');
  const categories = {} as Record<Category, boolean>;
  for (const c of CATEGORIES) categories[c] = pc.categories?.[c] ?? user.categories[c] ?? true;
  const locale: Locale = pc.locale ?? user.locale ?? 'en-GB';
  const userSites = p.allowUserSites !== false;

  const sites: EffectiveSite[] = [];
  const seen = new Set<string>();
  const add = (raw: string, managed: boolean) => {
    const pattern = toMatchPattern(raw);
    if (!pattern || seen.has(pattern)) return;
    seen.add(pattern);
    sites.push({ pattern, managed });
  };
  for (const s of p.enabledSites ?? []) add(s, true);
  if (userSites) for (const s of user.sites) add(s, false);

  const config: PolicyConfig = { ...pc, locale, categories };
  return {
    sites,
    configText: JSON.stringify(config),
    locked: { categories: lockedCategories, locale: pc.locale !== undefined, userSites: !userSites },
    categories,
    locale,
  };
}

/**
 * "https://epr.trust.nhs.uk", "https://epr.trust.nhs.uk/notes/1" or "https://*.trust.nhs.uk/*" → a match pattern
 * covering the whole origin (path "/*", which content scripts in about:blank frames need); null when not a web address.
 */
export function toMatchPattern(raw: string): string | null {
  const m = /^(https?|\*):\/\/(\*|(?:\*\.)?[a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\d+|\*))?(?:\/.*)?$/i.exec(raw.trim());
  if (!m) return null;
  const [, scheme, host] = m;
  // Match patterns take no port: Chrome matches any port for the host.
  return `${scheme.toLowerCase()}://${host.toLowerCase()}/*`;
}

/** The pattern for the page a user is on. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

/** Whether a page's origin ("https://epr.trust.nhs.uk:8443") is covered by a match pattern from toMatchPattern. */
export function patternCovers(pattern: string, origin: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? scheme !== 'http' && scheme !== 'https' : m[1] !== scheme) return false;
  const host = m[2];
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host;
}
