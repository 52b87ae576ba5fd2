import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { ignoreDirectiveEdit, type Finding, type TextFormat } from '../../shared-rules/src/index';
import { formatFor } from '../../editor-common/format';
import { SOURCE } from '../../editor-common/finding-fields';
import {
  allowTitle,
  FIX_ALL_KIND,
  FIX_ALL_TITLE,
  fixAllEdits,
  ignoreTitle,
  promptSnippet,
  quickFixes,
} from '../../editor-common/fixes';
import { toDiagnostic } from './diagnostics';
import type { OpenDocument } from './documents';

export const ALLOW_COMMAND = 'carelint.allowInWorkspace';
export const EXPLAIN_COMMAND = 'carelint.explainRule';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/**
 * The code actions for a range: per finding there, one quick fix per rewrite (the first preferred) and per prompt
 * (never preferred), "Ignore here" and "Allow in this workspace…"; "Fix all CareLint rewrites in this file" as a
 * quick fix when more than one rewrite applies and as `source.fixAll.carelint`. Guidance is never an action.
 */
export function codeActions(
  open: OpenDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  format: TextFormat,
  snippets = false,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const text = open.text.getText();
  const from = open.positions.offsetAt(params.range.start);
  const to = open.positions.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  const fixAll = fixAllEdits(text, findings, format);
  // The engine places "Ignore here" by language; a client's own name for it ("text" for a .md in Emacs) gives way to
  // the format the document is checked in.
  const language = formatFor(open.languageId) === format ? open.languageId : format;
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of findings) {
      if (f.end < from || f.start > to) continue;
      const range = open.positions.rangeAt(f.start, f.end);
      const diagnostic = matching(params.context.diagnostics, f, range) ?? toDiagnostic(f, open.positions);
      for (const fix of quickFixes(f)) {
        // A prompt goes in as a snippet where the client takes one (LSP 3.18), so its bracketed part is selected.
        const edit =
          fix.kind === 'prompt' && snippets
            ? snippetEdit(open, range, fix.newText)
            : edits(open, [{ range, newText: fix.newText }]);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit,
        });
      }
      const ignore = ignoreDirectiveEdit(text, f.start, f.ruleId, language);
      const at = open.positions.positionAt(ignore.offset);
      actions.push({
        title: ignoreTitle(f),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edits(open, [{ range: { start: at, end: at }, newText: ignore.insert }]),
      });
      const title = allowTitle(f);
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title, command: ALLOW_COMMAND, arguments: [open.uri, f.ruleId, f.text] },
      });
    }
    if (actions.length > 0 && fixAll.length > 1) actions.push(fixAllAction(open, fixAll, CodeActionKind.QuickFix));
  }
  // Source actions only when asked for by kind (on save, or a "source action" menu): never among the cursor's fixes.
  if (only && wants(FIX_ALL_KIND) && fixAll.length > 0) actions.push(fixAllAction(open, fixAll, FIX_ALL_KIND));
  return actions;
}

function fixAllAction(open: OpenDocument, planned: ReturnType<typeof fixAllEdits>, kind: string): CodeAction {
  return {
    title: FIX_ALL_TITLE,
    kind,
    edit: edits(
      open,
      planned.map((e) => ({ range: open.positions.rangeAt(e.start, e.end), newText: e.newText })),
    ),
  };
}

function snippetEdit(open: OpenDocument, range: Range, prompt: string): CodeAction['edit'] {
  return {
    documentChanges: [
      {
        textDocument: { uri: open.uri, version: open.version },
        edits: [{ range, snippet: { kind: 'snippet', value: promptSnippet(prompt) } }],
      },
    ],
  };
}

function edits(open: OpenDocument, list: TextEdit[]): CodeAction['edit'] {
  return { changes: { [open.uri]: list } };
}

/** The client's own diagnostic for a finding, when it sent one (clients match actions to diagnostics by equality). */
function matching(diagnostics: readonly Diagnostic[], f: Finding, range: Range): Diagnostic | undefined {
  const same = (a: Range) =>
    a.start.line === range.start.line &&
    a.start.character === range.start.character &&
    a.end.line === range.end.line &&
    a.end.character === range.end.character;
  return diagnostics.find((d) => d.source === SOURCE && d.code === f.ruleId && same(d.range));
}
