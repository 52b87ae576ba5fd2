import * as vscode from 'vscode';
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type FormattingOptions } from 'jsonc-parser/lib/esm/main.js';
import type { AllowEntry } from '../../shared-rules/src/index';
import type { ConfigFiles } from './config-files';

/**
 * `.carelintrc.json` text with one more `allow` entry. Everything else (comments, order, formatting) stays as it
 * was: jsonc-parser edits only the `allow` array, or adds it.
 */
export function withAllowEntry(text: string, entry: AllowEntry): string {
  const base = text.trim() === '' ? '{}\n' : text;
  return applyEdits(base, allowEdits(base, entry));
}

/** The edits (offsets into `text`, a non-empty config) that add the entry. */
export function allowEdits(text: string, entry: AllowEntry): Edit[] {
  const formattingOptions = formattingOf(text);
  const root = parseTree(text, [], { allowTrailingComma: true });
  const allow = root ? findNodeAtLocation(root, ['allow']) : undefined;
  const last = allow?.type === 'array' ? allow.children?.[allow.children.length - 1] : undefined;
  if (last) {
    // After the last entry, on a line of its own with the same indentation. (jsonc-parser's formatter would also
    // reformat the entry before it.)
    const lineStart = text.lastIndexOf('\n', last.offset) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const inline = `{ ${Object.entries(entry).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
    return [{ offset: last.offset + last.length, length: 0, content: `,${formattingOptions.eol}${indent}${inline}` }];
  }
  return allow?.type === 'array'
    ? modify(text, ['allow', 0], entry, { formattingOptions, isArrayInsertion: true })
    : modify(text, ['allow'], [entry], { formattingOptions });
}

function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 4 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** "Allow in this workspace…": asks why, then adds `{ text, rule, reason }` to the config that applies to the document. */
export async function allowInWorkspace(configs: ConfigFiles, docUri: vscode.Uri, ruleId: string, text: string): Promise<boolean> {
  const target = (await configs.locate(docUri)) ?? configs.defaultLocation(docUri);
  if (!target) {
    void vscode.window.showWarningMessage('CareLint: open a folder to keep a workspace allow-list (.carelintrc.json). "Ignore here" works in any file.');
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
    void vscode.window.showErrorMessage(`CareLint: could not write ${vscode.workspace.asRelativePath(target)}; nothing was changed.`);
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
