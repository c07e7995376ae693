"""The explorer's one block of CSS, shipped in an HTML widget (no CDN, no extension).

Only JupyterLab's `--jp-*` variables, each with a fallback, so JupyterLab light and dark,
Voila's `?theme=dark` and a bare notebook all read well. Tints are mixed from the theme's own
colours with `color-mix`, so they stay readable on dark backgrounds. Inputs and courts wrap
into one column below ~900 px (a notebook column), so nothing scrolls sideways.
"""

from __future__ import annotations

import ipywidgets as widgets

_THEME = """\
  --mc-fg: var(--jp-ui-font-color1, #1f1f1f);
  /* dimmed, yet 4.5:1 or better on the theme's own backgrounds and the tints mixed here */
  --mc-fg-dim: color-mix(in srgb, var(--mc-fg) 80%, var(--mc-bg));
  --mc-bg: var(--jp-layout-color0, #ffffff);
  --mc-bg-alt: var(--jp-layout-color1, #f7f7f7);
  --mc-line: var(--jp-border-color2, #dddddd);
  --mc-line-strong: var(--jp-border-color1, #bdbdbd);
  --mc-good: var(--jp-success-color1, #2e7d32);
  --mc-bad: var(--jp-error-color1, #c62828);
  --mc-warn: var(--jp-warn-color1, #ef6c00);
  --mc-brand: var(--jp-brand-color1, #1976d2);
"""
"""The theme's colours, shared by the explorer's and the moot court's root rules."""

_FRAME = """\
  font-family: var(--jp-ui-font-family, system-ui, -apple-system, "Segoe UI", sans-serif),
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: var(--jp-ui-font-size1, 13px);
  line-height: 1.4;
  color: var(--mc-fg);
  background: var(--mc-bg);
  box-sizing: border-box;
  max-width: 100%;
  overflow-x: hidden;
"""
"""The root rules' type, colours and box, shared by both stylesheets."""

CSS = (
    """
.mc-explorer {
"""
    + _THEME
    + """  --mc-neutral: color-mix(in srgb, var(--mc-fg) 76%, var(--mc-bg));
  --mc-focus: var(--mc-fg);
"""
    + _FRAME
    + """  container: mc-explorer / inline-size;
}
.mc-explorer * { box-sizing: border-box; }
.mc-explorer .mc-named > .widget-label { position: absolute !important; width: 1px;
  height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: 0;
  padding: 0; }
.mc-explorer .lm-TabBar-tab, .mc-explorer .p-TabBar-tab,
.mc-explorer .lm-TabBar-tab .lm-TabBar-tabLabel { color: var(--mc-fg); }
.mc-explorer .widget-html, .mc-explorer .widget-html-content {
  color: var(--mc-fg); font-size: inherit; line-height: inherit; height: auto;
}
.mc-explorer .widget-html-content { white-space: normal; overflow-wrap: anywhere; }
.mc-header { align-items: center; gap: 8px 12px; padding: 4px 0 8px;
  border-bottom: 1px solid var(--mc-line); }
.mc-title h2 { font-size: 1.35em; font-weight: 650; line-height: 1.25; margin: 0;
  color: var(--mc-fg); }
.mc-body { gap: 12px; align-items: flex-start; padding-top: 8px; }
.mc-inputs { flex: 1 1 330px; min-width: 0; max-width: 100%; }
.mc-courts { flex: 2 1 520px; min-width: 0; max-width: 100%; }
.mc-explorer .widget-tab { min-width: 0; }
.mc-explorer .widget-tab > .lm-TabBar .lm-TabBar-tab,
.mc-explorer .widget-tab > .p-TabBar .p-TabBar-tab { flex: 1 1 auto; min-width: 0; }
/* the inputs scroll on their own, so the courts stay in sight (beside them at 1280 px, just
   below them in a notebook column); each tab is its own scroll box, so a tab keeps its place
   when the student looks at another and comes back */
.mc-explorer .widget-tab > .widget-tab-contents { padding: 8px 6px; overflow-x: hidden;
  max-height: 62vh; overflow-y: auto; }
.mc-explorer:not(.mc-presenter) .widget-tab > .widget-tab-contents { max-height: none;
  overflow: visible; padding: 0; }
.mc-explorer:not(.mc-presenter) .widget-tab > .widget-tab-contents > .lm-Widget {
  padding: 8px 6px; overflow-x: hidden; max-height: 62vh; overflow-y: auto; }
.mc-explorer:not(.mc-presenter) .widget-tab > .widget-tab-contents > .lm-Widget > * {
  flex-shrink: 0; }
@container mc-explorer (max-width: 900px) {
  /* stacked in a notebook column: keep the inputs short so the courts follow closely */
  .mc-explorer:not(.mc-presenter) .widget-tab > .widget-tab-contents > .lm-Widget {
    max-height: 42vh; }
}

/* controls: long labels wrap, never clip */
.mc-explorer .widget-checkbox { width: auto; height: auto; min-height: 24px; }
.mc-explorer .widget-checkbox .widget-label-basic { height: auto; align-items: flex-start;
  white-space: normal; line-height: 1.35; cursor: pointer; }
.mc-explorer .widget-checkbox .widget-label-basic span { white-space: normal;
  overflow: visible; text-overflow: clip; }
.mc-explorer .widget-checkbox input { margin-top: 2px; flex: none; }
.mc-explorer .jupyter-button { white-space: normal; height: auto; min-height: 28px;
  line-height: 1.3; padding: 3px 10px; }
.mc-explorer .widget-dropdown { width: 100%; }
.mc-explorer .widget-dropdown select { width: 100%; min-width: 0; }
/* one focus ring for every control: 2 px in the text colour (3:1 or better on any theme),
   set off from the control, so it never looks like the brand-coloured "active" marks */
.mc-explorer :focus-visible, .mc-explorer .jupyter-button:focus-visible:enabled,
.mc-explorer .widget-toggle-button:focus-visible, .mc-explorer input:focus-visible,
.mc-explorer select:focus-visible, .mc-explorer summary:focus-visible,
.mc-explorer .lm-TabBar-tab:focus-visible {
  outline: 2px solid var(--mc-focus) !important; outline-offset: 2px; box-shadow: none; }
.mc-explorer .mc-rowhead .jupyter-button:focus-visible { outline-offset: -2px; }
.mc-skip .widget-html-content { height: auto; }
.mc-skip-link { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px;
  overflow: hidden; }
.mc-skip-link:focus { position: static; width: auto; height: auto; display: inline-block;
  padding: 4px 8px; background: var(--mc-bg); color: var(--mc-brand); font-weight: 650; }

/* header controls */
.mc-title { flex: 1 1 100%; }
.mc-scenario-bar { flex: 1 1 420px; min-width: 0; }
.mc-scenario-box { min-width: 0; gap: 6px; align-items: center; }
.mc-scenarios { flex: 1 1 260px; min-width: 0; }
.mc-why .widget-html-content { color: var(--mc-fg-dim); font-size: 0.95em; }
.mc-lang .widget-toggle-button { width: auto; min-width: 3em; }
.mc-reload-box { gap: 6px; align-items: center; min-width: 0; }
.mc-reload-note .widget-html-content { font-size: 0.88em; color: var(--mc-fg-dim); }
.mc-explorer .mc-reload-error { height: auto; }
.mc-reload-error .widget-html-content { margin: 6px 0; padding: 6px 8px;
  border-left: 4px solid var(--mc-bad);
  background: color-mix(in srgb, var(--mc-bad) 8%, transparent); }
.mc-reload-error .mc-problems { margin: 4px 0 0; white-space: pre-wrap;
  overflow-wrap: anywhere; font-family: var(--jp-code-font-family, monospace);
  font-size: 0.9em; color: var(--mc-fg); }

/* evidence board */
.mc-group-head .widget-html-content { font-size: 0.82em; font-weight: 650;
  letter-spacing: 0.04em; text-transform: uppercase; color: var(--mc-fg-dim);
  margin-top: 8px; }
.mc-toggle-row { padding: 2px 0 4px; border-bottom: 1px dashed var(--mc-line); }
.mc-toggle-meta .widget-html-content { padding-left: 22px; font-size: 0.9em;
  color: var(--mc-fg-dim); }
.mc-badge { display: inline-block; font-size: 0.78em; font-weight: 650; padding: 0 5px;
  border: 1px dashed var(--mc-warn); color: var(--mc-warn); border-radius: 3px;
  margin-right: 6px; white-space: nowrap; }
.mc-blocked { color: var(--mc-bad); }
.mc-off-record { color: var(--mc-brand); font-weight: 650; margin-right: 6px; }
.mc-flip { color: var(--mc-brand); font-weight: 600; }
.mc-explorer details > summary { cursor: pointer; color: var(--mc-brand); }
.mc-explorer details[open] > summary { margin-bottom: 2px; }

/* parties & data */
.mc-matrix { border-collapse: collapse; width: 100%; font-size: 0.9em; table-layout: fixed; }
.mc-matrix th, .mc-matrix td { border: 1px solid var(--mc-line); padding: 2px 3px;
  text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.mc-matrix th { background: var(--mc-bg-alt); font-weight: 600; }
.mc-matrix tr.mc-leaked > * { background: color-mix(in srgb, var(--mc-warn) 12%, transparent); }
.mc-toggle-meta details { display: inline-block; vertical-align: top; margin-right: 6px; }
.mc-hold-held { color: var(--mc-fg); font-weight: 600; }
.mc-hold-possibly { color: var(--mc-warn); }
.mc-hold-absent { color: var(--mc-neutral); }
.mc-sources .widget-html-content { margin-top: 6px; padding: 4px 6px;
  border-left: 3px solid var(--mc-line-strong); }

/* doctrine */
.mc-doctrine-level { border: 1px solid var(--mc-line); border-radius: 4px; padding: 6px;
  margin-bottom: 8px; }
.mc-param-label .widget-html-content { font-weight: 600; margin-top: 4px; }
.mc-param-note .widget-html-content { font-size: 0.88em; color: var(--mc-fg-dim); }

/* courts: one box per row for the table semantics, laid out as if it were not there */
.mc-grid { gap: 0; width: 100%; }
.mc-explorer .mc-grid > .mc-row.widget-hbox { display: contents; }
.mc-grid .mc-colhead .widget-html-content { font-weight: 650; padding: 2px 6px; }
.mc-grid .mc-colhead .mc-court { font-weight: 400; color: var(--mc-fg-dim); }
.mc-rowhead { padding: 3px 2px; border-bottom: 1px solid var(--mc-line); min-width: 0; }
.mc-rowhead .jupyter-button { width: 100%; text-align: left; background: transparent;
  color: var(--mc-fg); font-weight: 650; box-shadow: none; padding: 3px 4px;
  /* words whole in either language ("因果关系" stays one), no line opening with "）" */
  overflow-wrap: normal; word-break: keep-all; line-break: strict; }
.mc-rowhead .jupyter-button:hover { background: var(--mc-bg-alt); }
.mc-rowhead.mc-selected .jupyter-button { box-shadow: inset 3px 0 0 var(--mc-brand); }
.mc-defendant-head .widget-html-content { font-weight: 650; padding: 8px 4px 2px;
  border-bottom: 2px solid var(--mc-line-strong); }
.mc-cell { padding: 3px 6px; border-bottom: 1px solid var(--mc-line); min-width: 0; }
.mc-cell .mc-word { font-weight: 650; }
.mc-cell .mc-meta { font-size: 0.85em; color: var(--mc-fg-dim); }
.mc-result-established .mc-word, .mc-result-presumed .mc-word { color: var(--mc-good); }
.mc-result-not_established .mc-word, .mc-result-rebutted .mc-word { color: var(--mc-bad); }
.mc-result-uncertain .mc-word { color: var(--mc-warn); }
.mc-result-not_reached .mc-word { color: var(--mc-neutral); font-weight: 400; }
.mc-explorer .mc-divergent { background: color-mix(in srgb, var(--mc-warn) 13%, transparent); }
.mc-split { display: block; font-size: 0.8em; font-weight: 650; color: var(--mc-warn); }
.mc-explorer .mc-changed { box-shadow: inset 3px 0 0 var(--mc-brand); }
.mc-explorer .mc-matrix-box.mc-changed { padding-left: 6px; }
.mc-changed-mark { display: inline-block; font-size: 0.78em; font-weight: 650;
  color: var(--mc-brand); margin-left: 4px; white-space: nowrap; }
.mc-banner { margin: 4px; padding: 5px 8px; border: 2px solid var(--mc-line-strong);
  border-radius: 5px; min-width: 0; }
.mc-banner.mc-liable { border-color: var(--mc-good);
  background: color-mix(in srgb, var(--mc-good) 10%, transparent); }
.mc-banner.mc-not-liable { border-color: var(--mc-bad);
  background: color-mix(in srgb, var(--mc-bad) 9%, transparent); }
.mc-banner .mc-verdict { font-size: 1.12em; font-weight: 700; }
.mc-banner.mc-liable .mc-verdict { color: var(--mc-good); }
.mc-banner.mc-not-liable .mc-verdict { color: var(--mc-bad); }
.mc-banner .mc-record { font-size: 0.88em; color: var(--mc-fg-dim); }
.mc-banner .mc-record.mc-differs { color: var(--mc-warn); font-weight: 600; }
.mc-divergence .widget-html-content { margin-top: 8px; padding: 6px 8px;
  border-left: 4px solid var(--mc-warn);
  background: color-mix(in srgb, var(--mc-warn) 8%, transparent); }

.mc-divergence.mc-agree .widget-html-content { border-left-color: var(--mc-line-strong);
  background: var(--mc-bg-alt); }

/* reading pane */
.mc-reading { gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.mc-reading-col { flex: 1 1 260px; min-width: 0; border: 1px solid var(--mc-line);
  border-radius: 4px; padding: 6px 8px; }
.mc-reading-col h4 { margin: 0 0 4px; font-size: 0.9em; text-transform: uppercase;
  letter-spacing: 0.03em; color: var(--mc-fg-dim); }
.mc-reading-col p { margin: 4px 0; }
.mc-chips { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; }
.mc-chip > summary { display: inline-block; border: 1px solid var(--mc-brand);
  border-radius: 10px; padding: 0 8px; font-size: 0.88em; }
.mc-statute { font-size: 0.92em; border-left: 2px solid var(--mc-line-strong);
  padding-left: 6px; margin: 4px 0; white-space: pre-line; }
.mc-statute-note { font-size: 0.85em; color: var(--mc-fg-dim); font-style: italic; }
"""
)


def style() -> widgets.HTML:
    """The stylesheet as a widget placed inside the explorer (scoped by `.mc-explorer`)."""
    sheet = widgets.HTML(f"<style>{CSS}</style>")
    sheet.add_class("mc-style")
    sheet.layout.display = "none"
    return sheet


MOOT_CSS = (
    """
.mc-moot {
"""
    + _THEME
    + _FRAME
    + """  padding: 2px 4px;
  container: mc-moot / inline-size;
}
.mc-moot * { box-sizing: border-box; }
.mc-moot .widget-html, .mc-moot .widget-html-content {
  color: var(--mc-fg); font-size: inherit; line-height: inherit; height: auto; }
.mc-moot .widget-html-content { white-space: normal; overflow-wrap: anywhere; }
.mc-moot h2.mc-moot-h { font-size: 1.35em; font-weight: 650; line-height: 1.25; margin: 0; }
.mc-moot h3 { font-size: 1.05em; font-weight: 650; margin: 6px 0 4px; }
.mc-moot-header { align-items: center; gap: 8px 12px; justify-content: space-between;
  border-bottom: 1px solid var(--mc-line); padding-bottom: 6px; }
.mc-moot-title { flex: 1 1 0; min-width: 0; }
.mc-moot-header > .mc-lang { flex: 0 0 auto; }
.mc-moot .mc-lang .widget-toggle-buttons, .mc-moot .mc-lang { flex-wrap: nowrap; }
.mc-moot-sub { color: var(--mc-fg-dim); }
.mc-moot .mc-lang .widget-toggle-button { width: auto; min-width: 3em; }
/* labelled controls: the label above the control, both as wide as they need */
.mc-moot .widget-dropdown, .mc-moot .widget-text, .mc-moot .widget-textarea,
.mc-moot .widget-select-multiple { flex-direction: column; align-items: stretch; height: auto;
  width: auto; max-width: 100%; min-width: 0; }
.mc-moot .widget-dropdown > .widget-label, .mc-moot .widget-text > .widget-label,
.mc-moot .widget-textarea > .widget-label, .mc-moot .widget-select-multiple > .widget-label {
  width: auto; max-width: 100%; text-align: left; white-space: normal; height: auto;
  line-height: 1.3; margin: 0 0 2px; font-weight: 600; color: var(--mc-fg); }
.mc-moot .widget-dropdown select, .mc-moot .widget-select-multiple select,
.mc-moot .widget-text input, .mc-moot .widget-textarea textarea { width: 100%; min-width: 0;
  max-width: 100%; font-size: inherit; color: var(--mc-fg);
  background: var(--jp-input-background, var(--mc-bg)); }
/* in a column, a control's flex basis would be its height: the control keeps its own */
.mc-moot .widget-dropdown > select, .mc-moot .widget-text > input,
.mc-moot .widget-textarea > textarea, .mc-moot .widget-select-multiple > select {
  flex: 0 0 auto; }
.mc-moot .widget-dropdown select { height: auto; min-height: 28px; }
.mc-moot .widget-textarea textarea { min-height: 4.2em; }
.mc-moot .jupyter-button { white-space: normal; height: auto; min-height: 28px;
  line-height: 1.3; padding: 3px 10px; }
.mc-moot :focus-visible, .mc-moot .jupyter-button:focus-visible:enabled,
.mc-moot .widget-toggle-button:focus-visible, .mc-moot input:focus-visible,
.mc-moot select:focus-visible, .mc-moot textarea:focus-visible,
.mc-moot summary:focus-visible, .mc-moot a:focus-visible {
  outline: 2px solid var(--mc-fg) !important; outline-offset: 2px; box-shadow: none; }
.mc-moot-setup { gap: 6px 12px; align-items: flex-end; padding: 6px 0; }
.mc-moot-setup > .mc-moot-side, .mc-moot-setup > .mc-moot-court { flex: 1 1 220px; }
.mc-moot-setup > .mc-moot-author { flex: 1 1 160px; }
.mc-moot-mode .widget-toggle-button { width: auto; }
.mc-moot-status .widget-html-content { font-size: 0.92em; }
.mc-moot-saved { color: var(--mc-fg-dim); }
.mc-moot-saved code { font-family: var(--jp-code-font-family, monospace); font-size: 0.9em;
  overflow-wrap: anywhere; color: var(--mc-fg); }
.mc-moot-problem { margin: 4px 0; padding: 6px 8px; border-left: 4px solid var(--mc-bad);
  background: color-mix(in srgb, var(--mc-bad) 8%, transparent); }
.mc-moot-problems { margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere;
  font-family: var(--jp-code-font-family, monospace); font-size: 0.9em; color: var(--mc-fg); }
.mc-moot-body { gap: 12px; align-items: flex-start; padding-top: 4px; }
.mc-moot-list { flex: 1 1 260px; min-width: 0; max-width: 100%; }
.mc-moot-detail { flex: 2 1 420px; min-width: 0; max-width: 100%; }
/* the points: one button per line, the words wrap */
.mc-moot-points .widget-toggle-buttons { flex-direction: column; align-items: stretch; }
.mc-moot-points { width: 100%; }
.mc-moot-points .widget-toggle-button { width: 100%; text-align: left; white-space: normal;
  height: auto; min-height: 28px; line-height: 1.3; margin: 0 0 4px; padding: 4px 8px; }
.mc-moot-points .widget-toggle-button.mod-active { box-shadow: inset 4px 0 0 var(--mc-brand); }
.mc-moot-editor { border: 1px solid var(--mc-line); border-radius: 4px; padding: 6px 8px;
  gap: 4px; }
.mc-moot-choices { gap: 6px 12px; }
.mc-moot-choices > * { flex: 1 1 180px; }
.mc-moot-label .widget-html-content { font-weight: 600; margin-top: 4px; }
.mc-moot-note .widget-html-content, .mc-moot-dim { color: var(--mc-fg-dim); font-size: 0.92em; }
.mc-moot-evidence { max-height: 13em; overflow-y: auto; border: 1px solid var(--mc-line);
  border-radius: 3px; padding: 2px 6px; }
.mc-moot .widget-checkbox { width: auto; height: auto; min-height: 24px; }
.mc-moot .widget-checkbox .widget-label-basic { height: auto; align-items: flex-start;
  white-space: normal; line-height: 1.35; cursor: pointer; }
.mc-moot .widget-checkbox .widget-label-basic span { white-space: normal; overflow: visible;
  text-overflow: clip; }
.mc-moot .widget-checkbox input { margin-top: 2px; flex: none; }
.mc-moot-doctrine { gap: 2px; }
.mc-moot-open-doctrine { align-self: flex-start; }
.mc-moot-feedback .widget-html-content, .mc-moot-report .widget-html-content {
  margin-top: 6px; }
.mc-moot-verdict { font-weight: 650; margin: 4px 0; }
.mc-moot .mc-moot-holds, .mc-moot .mc-moot-holds > .mc-moot-verdict { color: var(--mc-good); }
.mc-moot .mc-moot-fails { color: var(--mc-bad); }
.mc-moot .mc-moot-compare li { color: var(--mc-fg); }
.mc-moot .mc-moot-compare li.mc-moot-holds { border-left: 3px solid var(--mc-good);
  padding-left: 6px; }
.mc-moot .mc-moot-compare li.mc-moot-fails { border-left: 3px solid var(--mc-bad);
  padding-left: 6px; }
.mc-moot-decisive { font-weight: 650; color: var(--mc-warn); margin: 4px 0; }
.mc-moot-answers, .mc-moot-checks { margin: 6px 0; }
.mc-moot ul, .mc-moot ol { margin: 2px 0 4px; padding-left: 1.4em; }
.mc-moot-card { border: 1px solid var(--mc-line); border-radius: 4px; padding: 6px 8px;
  margin: 4px 0; background: var(--mc-bg-alt); }
.mc-moot-point-head { font-weight: 650; }
.mc-moot-words { margin: 4px 0; padding-left: 8px; border-left: 3px solid var(--mc-line-strong);
  white-space: pre-wrap; }
.mc-moot-q { margin: 8px 0 2px; font-weight: 600; }
.mc-moot-kind { display: inline-block; font-size: 0.8em; font-weight: 650; padding: 0 5px;
  border: 1px solid var(--mc-brand); color: var(--mc-fg); border-radius: 3px; }
.mc-moot-summary .widget-html-content { margin-top: 8px; padding: 6px 8px;
  border-left: 4px solid var(--mc-line-strong); background: var(--mc-bg-alt); }
.mc-moot-unanswered { color: var(--mc-fg); font-weight: 600; }
.mc-moot details > summary { cursor: pointer; color: var(--mc-fg); font-weight: 650; }
.mc-moot-other { margin-top: 8px; padding: 6px 8px; border: 1px solid var(--mc-line);
  border-radius: 4px; }
.mc-moot-export { gap: 8px; align-items: center; padding-top: 8px; }
.mc-moot-exported a { color: var(--mc-fg); font-weight: 600; }
.mc-moot-bad { color: var(--mc-bad); }
.mc-moot-said { color: var(--mc-fg-dim); font-style: italic; margin-top: 2px; }

/* the round on the projector: large type, one point at a time */
.mc-moot.mc-moot-projector { font-size: 22px; line-height: 1.35; padding: 4px 14px 8px; }
.mc-moot-projector .jupyter-button, .mc-moot-projector .widget-toggle-button {
  font-size: 0.85em; min-height: 1.9em; padding: 2px 14px; }
.mc-moot-projector .widget-dropdown { flex-direction: row; align-items: center; gap: 6px;
  flex: 1 1 320px; }
.mc-moot-projector .widget-dropdown > .widget-label { margin: 0; font-size: 0.8em; }
.mc-moot-projector .widget-dropdown select { font-size: 0.8em; }
.mc-moot-controls { gap: 8px 12px; align-items: center; padding: 6px 0; }
.mc-moot-position .widget-html-content { color: var(--mc-fg-dim); font-size: 0.85em; }
.mc-moot-slide { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 18px;
  align-items: start; }
.mc-moot-slide > section, .mc-moot-slide > h3, .mc-moot-slide > p,
.mc-moot-slide > div { min-width: 0; }
.mc-moot-slide-point { grid-column: 1 / -1; border-left: 6px solid var(--mc-brand);
  padding: 4px 12px; background: var(--mc-bg-alt); }
.mc-moot-slide-point .mc-moot-point-head { font-size: 1.15em; }
.mc-moot-slide-bench, .mc-moot-slide-reply { border-top: 2px solid var(--mc-line-strong);
  padding-top: 4px; }
.mc-moot-slide-summary { display: block; }
@container mc-moot (max-width: 900px) { .mc-moot-slide { grid-template-columns: 1fr; } }
.mc-moot-projector .mc-moot-stage .widget-html-content { font-size: 1em; }
"""
)


def moot_style() -> widgets.HTML:
    """The moot court's stylesheet (scoped by `.mc-moot`), placed inside the widget."""
    sheet = widgets.HTML(f"<style>{MOOT_CSS}</style>")
    sheet.add_class("mc-style")
    sheet.layout.display = "none"
    return sheet
