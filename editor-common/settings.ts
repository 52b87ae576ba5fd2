import {
  CATEGORIES,
  SEVERITIES,
  type Category,
  type LintOptions,
  type Locale,
  type Severity,
} from '../shared-rules/src/index';

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown', 'html', 'handlebars', 'jinja'];

/** The `carelint.*` settings for one resource, with values of the wrong shape dropped. */
export interface Settings {
  enable: boolean;
  /** Language ids to check; undefined means every document the editor hands over. */
  languages: string[] | undefined;
  categories: Partial<Record<Category, boolean>>;
  severity: Record<string, Severity>;
  locale: Locale;
}

/**
 * Settings from any editor's store: `get('categories')` is what the editor holds for `carelint.categories`
 * (VS Code's configuration, an LSP client's `workspace/configuration` answer or `initializationOptions`).
 * `defaultLanguages` is what applies when the editor says nothing about languages ('any': every document).
 */
export function settingsFrom(
  get: (key: string) => unknown,
  defaultLanguages: string[] | 'any' = DEFAULT_LANGUAGES,
): Settings {
  const categories: Partial<Record<Category, boolean>> = {};
  for (const [id, on] of Object.entries(objectOr(get('categories')))) {
    if ((CATEGORIES as readonly string[]).includes(id) && typeof on === 'boolean') categories[id as Category] = on;
  }
  const severity: Record<string, Severity> = {};
  for (const [id, level] of Object.entries(objectOr(get('severity')))) {
    if ((SEVERITIES as readonly unknown[]).includes(level)) severity[id] = level as Severity;
  }
  const languages = get('languages');
  const locale = get('locale');
  return {
    enable: get('enable') !== false,
    languages: Array.isArray(languages)
      ? languages.filter((l): l is string => typeof l === 'string')
      : defaultLanguages === 'any'
        ? undefined
        : defaultLanguages,
    categories,
    severity,
    locale: locale === 'en-US' ? 'en-US' : 'en-GB',
  };
}

/**
 * Settings are the user's defaults; the project's `.carelintrc.json` is what the team agreed, so where both
 * say something about the same key, the file wins.
 */
export function mergeOptions(settings: Settings, file: LintOptions): LintOptions {
  return {
    ...file,
    locale: file.locale ?? settings.locale,
    categories: { ...settings.categories, ...file.categories },
    severity: { ...settings.severity, ...file.severity },
  };
}

export function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
