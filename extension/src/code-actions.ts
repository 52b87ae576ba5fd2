import * as vscode from 'vscode';
import { autoRewrite, ignoreDirectiveEdit, planFixes, type Finding, type FixEdit } from '../../shared-rules/src/index';
import { SOURCE, toDiagnostic } from './diagnostics';
import type { DocumentLinter } from './document-linter';
import { formatFor } from './format';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('carelint');
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
        actions.push(...rewrites(doc, f, at, diagnostic), ignoreHere(doc, f, diagnostic), allowInWorkspace(doc, f, diagnostic));
      }
      const plan = fixPlan(doc, findings);
      if (actions.length > 0 && plan.length > 1) actions.push(fixAll(doc, plan, vscode.CodeActionKind.QuickFix));
    }
    if (only && only.contains(FIX_ALL_KIND)) {
      const plan = fixPlan(doc, findings);
      if (plan.length > 0) actions.push(fixAll(doc, plan, FIX_ALL_KIND));
    }
    return actions;
  }
}

/** One quick fix per suggestion. A prompt ("[describe what happened]") is inserted as a snippet whose bracketed
 *  parts are selected placeholders, so the writer types the facts straight over them; only a rewrite is preferred. */
function rewrites(doc: vscode.TextDocument, f: Finding, at: vscode.Range, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const preferred = autoRewrite(f);
  return f.suggestions.map((s, i) => {
    const prompt = f.suggestionKinds[i] === 'prompt';
    const action = new vscode.CodeAction(prompt ? `Rewrite "${f.text}" as "${s}" (fill in the bracketed part)` : `Replace "${f.text}" with "${s}"`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    if (prompt) action.edit.set(doc.uri, [new vscode.SnippetTextEdit(at, slotSnippet(s))]);
    else action.edit.replace(doc.uri, at, s);
    action.diagnostics = [diagnostic];
    action.isPreferred = !prompt && s === preferred;
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

/** "Ignore here": the engine says where the directive goes (above the line; at its end in Markdown). */
function ignoreHere(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const edit = ignoreDirectiveEdit(doc.getText(), f.start, f.ruleId, doc.languageId);
  const action = new vscode.CodeAction(`Ignore "${f.text}" here (${f.ruleId})`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(doc.uri, doc.positionAt(edit.offset), edit.insert);
  action.diagnostics = [diagnostic];
  return action;
}

function allowInWorkspace(doc: vscode.TextDocument, f: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(`Allow "${f.text}" in this workspace…`, vscode.CodeActionKind.QuickFix);
  action.command = { command: ALLOW_COMMAND, title: action.title, arguments: [doc.uri, f.ruleId, f.text] };
  action.diagnostics = [diagnostic];
  return action;
}

/** The engine's fix plan for the document: rewrites only, no overlaps, none across markup (as `carelint --fix`). */
function fixPlan(doc: vscode.TextDocument, findings: readonly Finding[]): FixEdit[] {
  return planFixes(doc.getText(), findings, { format: formatFor(doc.languageId, doc.fileName) }).edits;
}

function fixAll(doc: vscode.TextDocument, plan: readonly FixEdit[], kind: vscode.CodeActionKind): vscode.CodeAction {
  const action = new vscode.CodeAction('Fix all CareLint rewrites in this file', kind);
  action.edit = new vscode.WorkspaceEdit();
  for (const e of plan) action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  return action;
}

function matching(diagnostics: readonly vscode.Diagnostic[], f: Finding, at: vscode.Range): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => d.source === SOURCE && codeOf(d) === f.ruleId && d.range.isEqual(at));
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
