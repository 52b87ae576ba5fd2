// The Word pane's own layout. The card styles come with the shared card (addin/src/ui); these cover the list,
// settings and status, a focus ring that always shows for keyboard users, and Windows high-contrast themes.
export const WORD_PANE_CSS = `
.clw { font: 14px/1.45 "Segoe UI", system-ui, sans-serif; padding: 12px; }
.clw-title { font-size: 18px; margin: 0 0 4px; }
.clw-mode, .clw-hint { color: #4a4a4a; font-size: 12px; margin: 0 0 8px; }
.clw-status { min-height: 1.4em; margin: 4px 0 8px; }
.clw-status[data-kind="error"], .clw-problems li { color: #a4262c; }
.clw-settings { border: 1px solid #c8c8c8; border-radius: 4px; padding: 6px 8px; margin-bottom: 12px; }
.clw-settings summary { cursor: pointer; font-weight: 600; }
.clw-settings label { display: block; margin: 8px 0 4px; }
.clw-settings textarea { box-sizing: border-box; width: 100%; font: 12px/1.4 Consolas, monospace; }
.clw-settings button, .clw button { font: inherit; padding: 4px 10px; margin: 2px 4px 2px 0; border: 1px solid #8a8886; border-radius: 2px; background: #fff; color: #201f1e; cursor: pointer; }
.clw button:hover { background: #f3f2f1; }
.clw-group h3 { font-size: 14px; margin: 14px 0 6px; border-left: 4px solid var(--clw-accent, #605e5c); padding-left: 6px; }
.clw-group[data-category="punitive-approach"] { --clw-accent: #c50f1f; }
.clw-group[data-category="police-involvement"] { --clw-accent: #0f6cbd; }
.clw-group[data-category="discriminatory-attitude"] { --clw-accent: #b4009e; }
.clw-group[data-category="stigmatizing-language"] { --clw-accent: #8764b8; }
.clw-items { list-style: none; margin: 0; padding: 0; }
.clw-items > li { margin: 0 0 8px; }
.clw-context { font-size: 12px; color: #4a4a4a; margin: 4px 0 0; }
.clw .is-active { outline: 3px solid #f2b134; outline-offset: 2px; }
.clw :focus-visible { outline: 2px solid #0f6cbd; outline-offset: 2px; }
@media (forced-colors: active) {
  .clw button { border-color: ButtonText; background: ButtonFace; color: ButtonText; forced-color-adjust: none; }
  .clw :focus-visible, .clw .is-active { outline: 3px solid Highlight; }
  .clw-group h3 { border-left-color: CanvasText; }
  .clw-status[data-kind="error"], .clw-problems li { color: CanvasText; }
}
`;
