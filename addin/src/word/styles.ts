// The Word pane's own layout, on top of the shared stylesheets (web-ui/base.css and card.css: colours, cards, buttons,
// focus ring, forced colours). Fallback values keep the pane readable if it is shown without that stylesheet.
export const WORD_PANE_CSS = `
.clw { max-width: 640px; }
.clw-title { font-size: 1.25rem; margin: 0 0 4px; }
.clw-mode, .clw-hint { color: var(--cl-muted, #4a4a55); font-size: 0.8125rem; margin: 0 0 8px; }
.clw-status { min-height: 1.5em; margin: 4px 0 8px; }
.clw-status[data-kind="error"], .clw-problems li { color: var(--cl-punitive, #b3261e); font-weight: 600; }
.clw-settings { background: var(--cl-paper, #fff); border: 1px solid var(--cl-line, #c9c9d3); border-radius: 8px; padding: 8px 10px; margin-bottom: 12px; }
.clw-settings summary { cursor: pointer; font-weight: 600; }
.clw-settings label { display: block; margin: 8px 0 4px; }
.clw-settings textarea { width: 100%; font: 0.8125rem/1.4 ui-monospace, Consolas, monospace; }
.clw-problems { margin: 8px 0 0; padding-left: 18px; }
.clw-count { font-size: 1rem; margin: 12px 0 4px; }
.clw-group h3 { font-size: 0.9375rem; margin: 14px 0 6px; }
.clw-items { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
.clw-context { font-size: 0.8125rem; color: var(--cl-muted, #4a4a55); margin: 6px 0 0; overflow-wrap: anywhere; }
.clw .cl-card.is-active { outline: 3px dashed var(--cl-focus, #1a57c6); outline-offset: 2px; }
.clw :focus-visible { outline: 3px solid var(--cl-focus, #1a57c6); outline-offset: 2px; }
@media (forced-colors: active) {
  .clw-settings { border-color: CanvasText; }
  .clw .cl-card.is-active { outline: 3px dashed Highlight; }
  .clw :focus-visible { outline: 3px solid Highlight; }
  .clw-status[data-kind="error"], .clw-problems li { color: CanvasText; }
}
`;
