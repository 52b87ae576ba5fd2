// The pane's settings: rewrites as tracked changes, and rule options in the .carelintrc.json format. They live in
// the task pane's own storage (this device only); the add-in needs no configuration file.
import { loadConfig } from '../../../shared-rules/src/index';
import { lintPiece } from '../../../shared-rules/src/index';
import type { PieceLinter } from './paragraph-cache';

export interface PaneSettings {
  trackChanges: boolean;
  /** JSON with comments, as in .carelintrc.json; empty for the built-in rules as they are. */
  config: string;
}

export const SETTINGS_NAME = 'CareLint settings';
const STORAGE_KEY = 'carelint.word.settings';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export function readSettings(store: KeyValueStore | null): PaneSettings {
  const fallback: PaneSettings = { trackChanges: false, config: '' };
  try {
    const saved = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null');
    return {
      trackChanges: typeof saved?.trackChanges === 'boolean' ? saved.trackChanges : fallback.trackChanges,
      config: typeof saved?.config === 'string' ? saved.config : fallback.config,
    };
  } catch {
    return fallback;
  }
}

export function writeSettings(store: KeyValueStore | null, settings: PaneSettings): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or blocked: the settings still apply for this session.
  }
}

/** A paragraph linter for the given options text, and the problems in it (each "name:line:column: what. fix"). */
export function linterFor(config: string): { lint: PieceLinter; problems: string[] } {
  const builtin: PieceLinter = (text, section) => lintPiece(text, {}, section);
  if (config.trim() === '') return { lint: builtin, problems: [] };
  try {
    const loaded = loadConfig(config, SETTINGS_NAME);
    const options = { ...loaded.options, ruleSet: loaded.ruleSet };
    return {
      lint: (text, section) => lintPiece(text, options, section),
      problems: loaded.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} ${p.fix}`),
    };
  } catch (e) {
    return {
      lint: builtin,
      problems: [
        `${SETTINGS_NAME}: could not be used (${e instanceof Error ? e.message : String(e)}); the built-in rules are checking instead.`,
      ],
    };
  }
}
