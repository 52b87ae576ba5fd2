import * as vscode from 'vscode';
import { DEFAULT_LANGUAGES, settingsFrom, type Settings } from '../../editor-common/settings';

export { DEFAULT_LANGUAGES, mergeOptions, type Settings } from '../../editor-common/settings';

/** The `carelint.*` settings for one resource (VS Code checks its default languages unless told otherwise). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings & { languages: string[] } {
  const c = vscode.workspace.getConfiguration('carelint', scope);
  const settings = settingsFrom((key) => c.get<unknown>(key));
  return { ...settings, languages: settings.languages ?? DEFAULT_LANGUAGES };
}
