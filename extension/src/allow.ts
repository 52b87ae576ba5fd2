import * as vscode from 'vscode';
import type { AllowEntry } from '../../shared-rules/src/index';
import { allowEdits, withAllowEntry } from '../../editor-common/allow-entry';
import type { ConfigFiles } from './config-files';

export { allowEdits, withAllowEntry } from '../../editor-common/allow-entry';

/** "Allow in this workspace…": asks why, then adds `{ text, rule, reason }` to the config that applies to the document. */
export async function allowInWorkspace(
  configs: ConfigFiles,
  docUri: vscode.Uri,
  ruleId: string,
  text: string,
): Promise<boolean> {
  const target = (await configs.locate(docUri)) ?? configs.defaultLocation(docUri);
  if (!target) {
    void vscode.window.showWarningMessage(
      'CareLint: open a folder to keep a workspace allow-list (.carelintrc.json). "Ignore here" works in any file.',
    );
    return false;
  }
  const reason = await vscode.window.showInputBox({
    title: `Allow "${text}" (${ruleId}) in this workspace`,
    prompt: `Why may this wording stay? The reason is kept in ${vscode.workspace.asRelativePath(target)} for audit.`,
    placeHolder: "e.g. quoting the person's own words in a statement they wrote",
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A reason is required: it is kept for audit.'),
  });
  if (reason === undefined || !reason.trim()) return false;
  const entry: AllowEntry = { text, rule: ruleId, reason: reason.trim() };

  const edit = new vscode.WorkspaceEdit();
  let doc: vscode.TextDocument | undefined;
  if (await exists(target)) {
    doc = await vscode.workspace.openTextDocument(target);
    const current = doc.getText();
    if (current.trim() === '') edit.insert(target, new vscode.Position(0, 0), withAllowEntry('', entry));
    for (const e of current.trim() === '' ? [] : allowEdits(current, entry)) {
      edit.replace(target, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
    }
  } else {
    edit.createFile(target, { ignoreIfExists: true });
    edit.insert(target, new vscode.Position(0, 0), withAllowEntry('', entry));
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      `CareLint: could not write ${vscode.workspace.asRelativePath(target)}; nothing was changed.`,
    );
    return false;
  }
  doc ??= await vscode.workspace.openTextDocument(target);
  await doc.save();
  configs.invalidate();
  return true;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
