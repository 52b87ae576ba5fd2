import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { relative } from 'node:path';
import type { AllowEntry } from '../../shared-rules/src/index';
import { allowEdits, withAllowEntry } from '../../editor-common/allow-entry';
import type { ConfigFiles } from './configs';
import { fileUri } from './configs';
import type { OpenDocument } from './documents';

/** Reasons offered when the client cannot ask for one in its own words (LSP has no text prompt). */
export const REASONS = [
  "Quoting the person's own words",
  'A clinical term used in its defined sense here',
  'A historical record kept as written',
];

/**
 * "Allow in this workspace": adds `{ text, rule, reason }` to the config that applies to the document (or a new one
 * in its workspace folder). A reason is required: the 4th argument when the client asked for one itself, else one
 * picked from `window/showMessageRequest`. An open config buffer is edited through `workspace/applyEdit` so the user's
 * unsaved text is never overwritten; otherwise the file is written.
 */
export async function allowInWorkspace(
  connection: Connection,
  configs: ConfigFiles,
  openDoc: (uri: string) => OpenDocument | undefined,
  uri: string,
  rule: string,
  text: string,
  given?: unknown,
): Promise<boolean> {
  const target = (await configs.locate(uri)) ?? configs.defaultLocation(uri);
  if (!target) {
    showMessage(
      connection,
      MessageType.Warning,
      'CareLint: open a folder to keep a workspace allow-list (.carelintrc.json). "Ignore here" works in any file.',
    );
    return false;
  }
  let reason = typeof given === 'string' ? given.trim() : '';
  if (!reason) {
    const folder = configs.folderOf(target);
    const name = folder ? relative(folder, target) : target;
    const pick = await connection.window.showInformationMessage(
      `CareLint: why may "${text}" (${rule}) stay? The reason is kept in ${name} for audit.`,
      ...REASONS.map((title) => ({ title })),
    );
    reason = pick?.title ?? '';
  }
  if (!reason) return false;
  const entry: AllowEntry = { text, rule, reason };
  const open = openDoc(fileUri(target));
  if (open) {
    const current = open.text.getText();
    const changes =
      current.trim() === ''
        ? [{ range: open.positions.rangeAt(0, current.length), newText: withAllowEntry('', entry) }]
        : allowEdits(current, entry).map((e) => ({
            range: open.positions.rangeAt(e.offset, e.offset + e.length),
            newText: e.content,
          }));
    const applied = await connection.workspace.applyEdit({
      label: 'CareLint: allow in workspace',
      edit: { changes: { [open.uri]: changes } },
    });
    if (!applied.applied) {
      showMessage(connection, MessageType.Error, `CareLint: could not edit ${target}; nothing was changed.`);
      return false;
    }
  } else {
    const current = existsSync(target) ? await readFile(target, 'utf8') : '';
    await writeFile(target, withAllowEntry(current, entry));
  }
  configs.invalidate(target);
  return true;
}

/** `window/showMessage`, the notification (vscode-languageserver's helpers send the request, which waits for a click). */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
