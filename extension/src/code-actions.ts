import * as vscode from 'vscode';
import { ignoreDirectiveEdit, type Finding } from '../../shared-rules/src/index';
import {
  allowTitle,
  FIX_ALL_KIND as FIX_ALL,
  FIX_ALL_TITLE,
  fixAllEdits,
  ignoreTitle,
  promptParts,
  quickFixes,
} from '../../editor-common/fixes';
import { formatFor } from '../../editor-common/format';
import { SOURCE, toDiagnostic } from './diagnostics';
import type { DocumentLinter } from './document-linter';

// the same kind as the language server's ('source.fixAll.carelint')
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(FIX_ALL.split('.').pop()!);
export const ALLOW_COMMAND = 'carelint.allowInWorkspace';

/**
 * Quick fixes for the findings under the cursor (one per rewrite, the first rewrite preferred; one per prompt, never
 * preferred; "Ignore here"; "Allow in this workspace…"), and `source.fixAll.carelint` for editor.codeActionsOnSave,
 * which makes the engine's fix plan: rewrites only. Guidance is advice for the hover, never an action.
 * Every edit is a WorkspaceEdit, so one undo reverts it.
 */
export class CareLintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: DocumentLinter) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const findings = await this.linter.settled(doc);
    if (!findings || findings.length === 0) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (!only || only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const f of findings) {
        const at = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
        if (!at.intersection(range)) continue;
        const diagnostic = matching(context.diagnostics, f, at) ?? toDiagnostic(f, (o) => doc.positionAt(o));
        actions.push(
          ...rewrites(doc, f, at, diagnostic),
          ignoreHere(doc, f, diagnostic),
          allowInWorkspace(doc, f, diagnostic),
        );
      }
      if (
        actions.length > 0 &&
        fixAllEdits(doc.getText(), findings, formatFor(doc.languageId, doc.fileName)).length > 1
      ) {
        actions.push(fixAll(doc, findings, vscode.CodeActionKind.QuickFix));
      }
    }
    if (
      only &&
      only.contains(FIX_ALL_KIND) &&
      fixAllEdits(doc.getText(), findings, formatFor(doc.languageId, doc.fileName)).length > 0
    ) {
      actions.push(fixAll(doc, findings, FIX_ALL_KIND));
    }
    return actions;
  }
}

/** One quick fix per rewrite or prompt (guidance is never one). A prompt ("[describe what happened]") is inserted as a
 *  snippet whose bracketed parts are selected placeholders, so the writer types the facts straight over them. */
function rewrites(
  doc: vscode.TextDocument,
  f: Finding,
  at: vscode.Range,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction[] {
  return quickFixes(f).map((fix) => {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    if (fix.kind === 'prompt') action.edit.set(doc.uri, [new vscode.SnippetTextEdit(at, slotSnippet(fix.newText))]);
    else action.edit.replace(doc.uri, at, fix.newText);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.preferred;
    return action;
  });
}

export function slotSnippet(suggestion: string): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  for (const part of promptParts(suggestion)) {
    if (part.fill) snippet.appendPlaceholder(part.text);
    else snippet.appendText(part.text);
  }
  return snippet;
}

/** "Ignore here": the engine says where the directive goes (above the line; at its end in Markdown). */
function ignoreHere(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const edit = ignoreDirectiveEdit(doc.getText(), f.start, f.ruleId, doc.languageId);
  const action = new vscode.CodeAction(ignoreTitle(f), vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(doc.uri, doc.positionAt(edit.offset), edit.insert);
  action.diagnostics = [diagnostic];
  return action;
}

function allowInWorkspace(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(allowTitle(f), vscode.CodeActionKind.QuickFix);
  action.command = { command: ALLOW_COMMAND, title: action.title, arguments: [doc.uri, f.ruleId, f.text] };
  action.diagnostics = [diagnostic];
  return action;
}

function fixAll(
  doc: vscode.TextDocument,
  findings: readonly Finding[],
  kind: vscode.CodeActionKind,
): vscode.CodeAction {
  const action = new vscode.CodeAction(FIX_ALL_TITLE, kind);
  action.edit = new vscode.WorkspaceEdit();
  for (const e of fixAllEdits(doc.getText(), findings, formatFor(doc.languageId, doc.fileName))) {
    action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  }
  return action;
}

function matching(
  diagnostics: readonly vscode.Diagnostic[],
  f: Finding,
  at: vscode.Range,
): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.source === SOURCE && codeOf(d) === f.ruleId && d.range.isEqual(at));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
