import * as vscode from 'vscode';
import { directiveComment, isSlotRewrite } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/index';
import { SOURCE, toDiagnostic } from './diagnostics';
import type { DocumentLinter } from './document-linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('carelint');
export const ALLOW_COMMAND = 'carelint.allowInWorkspace';

/**
 * Quick fixes for the findings under the cursor (one per rewrite, the best one preferred; "Ignore here";
 * "Allow in this workspace…"), and `source.fixAll.carelint` for editor.codeActionsOnSave.
 * Every edit is a WorkspaceEdit, so one undo reverts it.
 */
export class CareLintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: DocumentLinter) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const findings = await this.linter.settled(doc);
    if (!findings || findings.length === 0) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (!only || only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const f of findings) {
        const at = new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end));
        if (!at.intersection(range)) continue;
        const diagnostic = matching(context.diagnostics, f, at) ?? toDiagnostic(f, (o) => doc.positionAt(o));
        actions.push(...rewrites(doc, f, at, diagnostic), ignoreHere(doc, f, at, diagnostic), allowInWorkspace(doc, f, diagnostic));
      }
      if (actions.length > 0 && fixable(findings).length > 1) {
        actions.push(fixAll(doc, findings, vscode.CodeActionKind.QuickFix));
      }
    }
    if (only && only.contains(FIX_ALL_KIND) && fixable(findings).length > 0) {
      actions.push(fixAll(doc, findings, FIX_ALL_KIND));
    }
    return actions;
  }
}

/** One quick fix per suggestion. A slot rewrite ("[describe what happened]") is inserted as a snippet whose
 *  bracketed parts are selected placeholders, so the writer types the facts straight over them. */
function rewrites(doc: vscode.TextDocument, f: Finding, at: vscode.Range, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  return f.suggestions.map((s, i) => {
    const slot = isSlotRewrite(s);
    const action = new vscode.CodeAction(slot ? `Rewrite "${f.text}" as "${s}" (fill in the bracketed part)` : `Replace "${f.text}" with "${s}"`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    if (slot) action.edit.set(doc.uri, [new vscode.SnippetTextEdit(at, slotSnippet(s))]);
    else action.edit.replace(doc.uri, at, s);
    action.diagnostics = [diagnostic];
    action.isPreferred = i === 0;
    return action;
  });
}

export function slotSnippet(suggestion: string): vscode.SnippetString {
  const snippet = new vscode.SnippetString();
  let cursor = 0;
  for (const m of suggestion.matchAll(/\[[^\]]*\]/g)) {
    snippet.appendText(suggestion.slice(cursor, m.index));
    snippet.appendPlaceholder(m[0]);
    cursor = m.index! + m[0].length;
  }
  snippet.appendText(suggestion.slice(cursor));
  return snippet;
}

/** `carelint-disable-next-line <rule>` on its own line above the finding, in the file's comment syntax. */
function ignoreHere(doc: vscode.TextDocument, f: Finding, at: vscode.Range, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const line = doc.lineAt(at.start.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const comment = directiveComment(doc.languageId, `carelint-disable-next-line ${f.ruleId}`, indent);
  const action = new vscode.CodeAction(`Ignore "${f.text}" here (${f.ruleId})`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(doc.uri, line.range.start, comment + eol);
  action.diagnostics = [diagnostic];
  return action;
}

function allowInWorkspace(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Allow "${f.text}" in this workspace…`, vscode.CodeActionKind.QuickFix);
  action.command = { command: ALLOW_COMMAND, title: action.title, arguments: [doc.uri, f.ruleId, f.text] };
  action.diagnostics = [diagnostic];
  return action;
}

/** Findings with a rewrite that needs no facts from the writer: the first such rewrite, as in `carelint --fix`. */
function fixable(findings: readonly Finding[]): Array<{ f: Finding; rewrite: string }> {
  const out: Array<{ f: Finding; rewrite: string }> = [];
  let cursor = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const rewrite = f.suggestions.find((s) => !isSlotRewrite(s));
    if (rewrite === undefined || f.start < cursor) continue; // overlapping edits cannot share one WorkspaceEdit
    out.push({ f, rewrite });
    cursor = f.end;
  }
  return out;
}

function fixAll(doc: vscode.TextDocument, findings: readonly Finding[], kind: vscode.CodeActionKind): vscode.CodeAction {
  const action = new vscode.CodeAction('Fix all CareLint findings in this file', kind);
  action.edit = new vscode.WorkspaceEdit();
  for (const { f, rewrite } of fixable(findings)) {
    action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(f.start), doc.positionAt(f.end)), rewrite);
  }
  return action;
}

function matching(diagnostics: readonly vscode.Diagnostic[], f: Finding, at: vscode.Range): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.source === SOURCE && codeOf(d) === f.ruleId && d.range.isEqual(at));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
