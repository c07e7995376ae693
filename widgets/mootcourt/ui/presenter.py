"""The presenter: the explorer's courts for a room, revealed one issue at a time.

    Presenter(load_case("liu-v-platform-2024"), lang="zh-CN", theme="dark", large=True)

An instructor at a projector walks the class through each court's reasoning in the order the
court gave it (Next / Previous, or the arrow keys and a presentation clicker), sees the
split announced when it is reached, and flips one fact with a single click on a prepared
hypothetical ("record" puts the case back). It is the explorer's state and courts grid with
covers on what has not been revealed yet: no law of its own, no copy of the grid.

Under Voila (`mootcourt present`), `Presenter.from_environment()` builds it from the
settings the command passed through the environment; a preheated kernel first waits for its
request, which also keeps it safe from the idle culler while it waits in the pool.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import ipywidgets as widgets

from ..i18n import LANGUAGES
from . import hooks
from .aria import VOILA_MAIN, LiveRegion, Semantics, grid_rules
from .courts import CourtsGrid, banner_html, show_defendants
from .disposition import dispositions_html
from .doctrine import DoctrinePanel
from .evidence import EvidenceBoard
from .frame import Frame
from .inputs import Inputs
from .keys import ArrowKeys
from .language import LanguageSwitch
from .parties import PartiesPanel
from .reading import column_html
from .reload_control import ReloadControl, ReloadError, Reloading, close_all
from .state import NO_SCENARIO, ExplorerState
from .stepthrough import OUTCOME, StepThrough
from .style import style
from .words import Words, e

if TYPE_CHECKING:
    from ..case import Case

PRESENTER = "mc-presenter"
NEXT, PREV = "mc-next", "mc-prev"
COVERED = "mc-covered"
THEMES = ("light", "dark")
PANE = "mc-pane"
READING, HYPOTHETICALS, INPUTS = "reading", "hypotheticals", "inputs"
"""what the side column shows: the latest step's reasoning, the one-click changes, or the
explorer's inputs (one at a time, each scrolling on its own)"""
ALL = "*"
"""the defendant switch's value for "every defendant" (an overview)"""

CSS = """
.mc-presenter.mc-explorer { font-size: 20px; line-height: 1.3; padding: 4px 12px 6px; }
.mc-presenter.mc-large { font-size: 26px; }
/* Under Voila the presenter is the page: it fills the window, and nothing scrolls the page.
   The grid keeps its place; the side column's panes scroll on their own. */
body[data-voila] .mc-presenter.mc-explorer { position: fixed; inset: 0; z-index: 10;
  height: 100vh; height: 100dvh; display: flex; flex-flow: column nowrap;
  overflow: hidden auto; }
body[data-voila] .mc-presenter > * { flex: 0 0 auto; }
body[data-voila] .mc-presenter > .mc-present-body { flex: 1 1 0; min-height: 0;
  flex-wrap: nowrap !important; align-items: stretch; }
body[data-voila] .mc-presenter .mc-present-side { min-height: 0; }
body[data-voila] .mc-presenter .mc-present-grid { min-height: 0; overflow-y: auto; }
/* a grid taller than the window (Guo's eleven issues) scrolls under its court headings and
   outcome banners, which stay put (their offsets measured by the page: `Semantics.sticky`) */
body[data-voila] .mc-presenter .mc-present-grid .mc-courts-grid,
body[data-voila] .mc-presenter .mc-present-grid .mc-grid { overflow: visible; }
body[data-voila] .mc-presenter .mc-head-row > *,
body[data-voila] .mc-presenter .mc-outcome-row > * { position: sticky;
  top: var(--mc-sticky-top, 0px); z-index: 2; background-color: var(--mc-bg); }
body[data-voila] .mc-presenter .mc-outcome-row > * { box-shadow: 0 0 0 3px var(--mc-bg); }
body[data-voila] .mc-presenter .mc-outcome-row > .mc-banner.mc-liable {
  background-color: color-mix(in srgb, var(--mc-good) 10%, var(--mc-bg)); }
body[data-voila] .mc-presenter .mc-outcome-row > .mc-banner.mc-not-liable {
  background-color: color-mix(in srgb, var(--mc-bad) 9%, var(--mc-bg)); }
/* a long verdict (Guo: three orders and two sums) in three lines at most: the banner stays on
   screen and leaves the rows room; the reasoning gives it in full at the outcome step */
.mc-presenter .mc-grid .mc-banner .mc-verdict { display: -webkit-box;
  -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; }
body[data-voila] .mc-presenter .mc-grid .mc-row > * {
  scroll-margin-top: var(--mc-sticky-total, 0px); }
.mc-presenter .mc-pane { flex: 1 1 auto; min-height: 0; overflow-y: auto; max-height: 75vh; }
body[data-voila] .mc-presenter .mc-pane { max-height: none; }
.mc-presenter .mc-title .widget-html-content { font-size: 1.15em; font-weight: 650;
  line-height: 1.2; }
.mc-presenter .jupyter-button, .mc-presenter .widget-toggle-button {
  font-size: 0.85em; height: auto; min-height: 1.9em; line-height: 1.25; padding: 2px 12px; }
.mc-presenter .mc-present-body { gap: 14px; padding-top: 6px; }
.mc-presenter .mc-present-grid { flex: 3 1 560px; min-width: 0; }
.mc-presenter .mc-present-side { flex: 2 1 380px; min-width: 0; gap: 6px; }
.mc-presenter.mc-large .mc-present-grid { flex: 7 1 600px; }
.mc-presenter.mc-large .mc-present-side { flex: 3 1 300px; font-size: 0.8em; }
.mc-presenter.mc-large .mc-present-bar .jupyter-button { font-size: 1em; }
.mc-presenter.mc-large .mc-title .widget-html-content { font-size: 1em; }
.mc-presenter.mc-large .mc-grid .mc-colhead .mc-court { font-size: 0.62em; }
.mc-presenter.mc-large .mc-banner .mc-record { font-size: 0.58em; }
.mc-presenter .mc-cell .mc-meta { display: none; }
.mc-presenter .mc-cell, .mc-presenter .mc-rowhead { padding: 4px 6px; }
.mc-presenter .mc-grid .mc-colhead .widget-html-content { line-height: 1.2; }
.mc-presenter .mc-grid .mc-colhead .mc-court { font-size: 0.75em; }
/* the issue column: words whole, no line opening with punctuation, in either language */
.mc-presenter .mc-rowhead .jupyter-button { font-size: 1em; white-space: normal; height: auto;
  min-height: 0; line-height: 1.2; overflow: visible; text-overflow: clip;
  overflow-wrap: normal; word-break: keep-all; line-break: strict; hyphens: manual;
  padding: 2px 4px; }
.mc-presenter .mc-rowhead .mc-split { font-size: 0.62em; line-height: 1.15; padding: 0 4px; }
.mc-presenter .mc-banner .mc-verdict { line-height: 1.2; word-break: keep-all;
  overflow-wrap: anywhere; line-break: strict; }
.mc-presenter .mc-grid .mc-colhead .widget-html-content { padding: 0 6px; }
.mc-presenter .mc-present-controls .jupyter-button { width: auto; white-space: nowrap; }
.mc-presenter .mc-banner { margin: 3px; padding: 3px 8px; }
.mc-presenter .mc-banner .mc-verdict { font-size: 0.9em; }
/* the record line in two lines at most (in full in the reasoning when the outcome is shown) */
.mc-presenter .mc-grid .mc-banner .mc-record { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 2; overflow: hidden; }
.mc-presenter .mc-outcome-full .mc-verdict { font-weight: 700; }
.mc-presenter .mc-outcome-full .mc-record { font-size: 0.9em; color: var(--mc-fg-dim); }
.mc-presenter .mc-grid .mc-colhead .widget-html-content { line-height: 1.15; }
.mc-presenter .mc-grid .mc-colhead .mc-court { display: block; line-height: 1.2; }
.mc-presenter .mc-banner .mc-record { font-size: 0.66em; line-height: 1.2; }
.mc-presenter .mc-covered .widget-html-content, .mc-presenter .mc-covered {
  color: var(--mc-fg-dim); }
.mc-presenter .mc-covered { background: repeating-linear-gradient(135deg,
  transparent 0 8px, color-mix(in srgb, var(--mc-line) 45%, transparent) 8px 16px); }
.mc-presenter .mc-cover { font-style: italic; font-size: 0.8em; }
.mc-presenter .mc-present-reading { border: 2px solid var(--mc-line-strong);
  border-radius: 6px; padding: 6px 12px; }
.mc-presenter .mc-present-reading h4 { font-size: 0.75em; margin: 0 0 4px; }
.mc-presenter .mc-present-reading p { margin: 4px 0; }
.mc-presenter .mc-present-reading .mc-chips { font-size: 0.75em; }
.mc-presenter .mc-announce .widget-html-content { font-size: 0.9em; font-weight: 650;
  padding: 6px 10px; border-left: 6px solid var(--mc-warn);
  background: color-mix(in srgb, var(--mc-warn) 14%, transparent); }
.mc-presenter .mc-announce { flex: 0 0 auto; max-height: 35%; overflow-y: auto; }
.mc-presenter .mc-split-note { flex: 0 0 auto; max-height: 30%; overflow-y: auto; }
.mc-presenter .mc-split-note .widget-html-content { font-size: 0.78em; padding: 4px 10px;
  border-left: 6px solid var(--mc-warn); }
/* the split is told in the side column (and read out); the grid keeps its room for rows */
.mc-presenter .mc-courts-grid > .mc-divergence { display: none !important; }
.mc-presenter .mc-present-grid > *, .mc-presenter .mc-courts-grid > * { flex-shrink: 0; }
.mc-presenter .mc-header { flex-flow: row nowrap; gap: 10px; padding: 2px 0 4px; }
.mc-presenter .mc-header .mc-title { flex: 1 1 auto; min-width: 0; }
/* the controls keep their size and their words on one line; the title takes what is left */
.mc-presenter .mc-header > :not(.mc-title) { flex: 0 0 auto; }
.mc-presenter .mc-header button { white-space: nowrap; width: auto; }
.mc-presenter .mc-lang .widget-toggle-buttons { flex-flow: row nowrap; }
.mc-presenter .mc-side-switch { gap: 4px; flex-flow: row wrap; flex: 0 0 auto; }
.mc-presenter .mc-side-switch .jupyter-button { flex: 1 1 auto; width: auto; margin: 0;
  white-space: normal; font-size: 0.9em; }
.mc-presenter .mc-side-switch .mod-active, .mc-presenter .mc-defendant-switch .mod-active {
  font-weight: 700; box-shadow: inset 0 -4px 0 var(--mc-brand); }
.mc-presenter .mc-bar-title .widget-html-content { font-size: 0.85em; }
.mc-presenter .mc-present-hypotheticals { gap: 6px; }
.mc-presenter .mc-present-bar { gap: 6px; align-items: stretch; flex-flow: row wrap;
  height: auto; max-height: none; overflow: visible; flex: 0 0 auto; }
.mc-presenter .mc-present-bar .jupyter-button { max-width: 100%; white-space: normal;
  font-size: 0.85em; min-height: 1.9em; padding: 2px 10px; margin: 0; text-align: left; }
.mc-presenter .mc-present-bar .mc-active { box-shadow: inset 0 -4px 0 var(--mc-brand);
  font-weight: 700; }
.mc-presenter .mc-present-bar .mc-active::before { content: "● "; }
.mc-presenter .mc-present-controls { gap: 8px; align-items: center; flex-flow: row wrap; }
.mc-presenter .mc-defendant-switch .widget-toggle-buttons { flex-flow: row wrap; gap: 4px; }
.mc-presenter .mc-defendant-switch .widget-toggle-button { margin: 0; }
.mc-presenter .mc-position .widget-html-content { color: var(--mc-fg-dim); }
.mc-presenter .mc-why .widget-html-content { font-size: 0.85em; }
.mc-presenter .mc-present-drawer { font-size: 0.85em; }
.mc-presenter .mc-present-drawer .widget-tab > .widget-tab-contents { max-height: none;
  overflow: visible; }
.mc-presenter .mc-present-drawer .lm-TabBar-tab { font-size: 1em; min-height: 1.9em;
  line-height: 1.9em; }
.mc-presenter .mc-present-drawer .widget-checkbox input { width: 1em; height: 1em; }
.mc-presenter .mc-present-drawer .widget-dropdown select { font-size: 1em; height: auto;
  min-height: 1.9em; }
/* every defendant at once: an overview, condensed to fit */
.mc-presenter.mc-all-defendants .mc-grid { font-size: 0.78em; }
.mc-presenter.mc-all-defendants .mc-cell, .mc-presenter.mc-all-defendants .mc-rowhead {
  padding: 1px 4px; }
.mc-presenter.mc-all-defendants .mc-rowhead .jupyter-button { min-height: 0; padding: 1px 4px; }
.mc-presenter.mc-all-defendants .mc-defendant-head .widget-html-content { padding: 2px 4px 0; }
.mc-presenter.mc-theme-dark { --mc-line: var(--jp-border-color1, #9e9e9e);
  --mc-line-strong: var(--jp-ui-font-color2, #cfcfcf); }
"""


class Presenter(Reloading, widgets.VBox):
    """A room-sized, step-through view of every court's reasoning, with one-click
    hypotheticals. Root classes `mc-presenter mc-explorer` (UI.md section 4)."""

    def __init__(
        self,
        case: Case,
        lang: str = "en",
        *,
        theme: str = "light",
        large: bool = False,
        watch: bool = False,
        interval: float = 1.0,
    ) -> None:
        if theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}, not {theme!r}")
        self.case = case
        self.state = ExplorerState(case, lang)
        self.actions = Inputs(self.state, on_refused=self._render)
        self.steps = StepThrough(self.state.judgment)
        self.arrows = ArrowKeys()
        self.live = LiveRegion()
        self.semantics = Semantics()
        frame = self._frame()
        self.title = widgets.HTML()
        self.title.add_class("mc-title")
        self.language = LanguageSwitch(lang, self._switch_language)
        self.record = widgets.Button()
        self.record.add_class(hooks.RESET)
        self.record.on_click(lambda _: self.actions.reset())
        self.hypotheticals = {
            i: self._hypothetical_button(i)
            for i, scenario in enumerate(case.scenarios)
            if scenario.changes == 1
        }
        self.why = widgets.HTML()
        self.why.add_class("mc-why")
        self.bar_title = widgets.HTML()
        self.bar_title.add_class("mc-bar-title")
        self.bar = bar = widgets.HBox(list(self.hypotheticals.values()))
        bar.add_class("mc-present-bar")
        bar.add_class(hooks.SCENARIOS)
        self.grid = self._courts(frame)
        self.announce = widgets.HTML()
        self.announce.add_class("mc-announce")
        self.split_note = widgets.HTML()
        self.split_note.add_class("mc-split-note")
        self.reading = widgets.HTML()
        self.reading.add_class("mc-present-reading")
        self.reading.add_class(PANE)
        self.previous_button = widgets.Button()
        self.previous_button.add_class(PREV)
        self.previous_button.on_click(lambda _: self.steps.previous())
        self.next_button = widgets.Button()
        self.next_button.add_class(NEXT)
        self.next_button.on_click(lambda _: self.steps.next())
        self.all_button = widgets.Button()
        self.all_button.add_class("mc-reveal-all")
        self.all_button.on_click(lambda _: self._reveal_or_cover())
        self.position = widgets.HTML()
        self.position.add_class("mc-position")
        # several defendants: one at a time in the grid (so it fits a projector), or all
        self.defendant_switch = widgets.ToggleButtons(
            options=[(d, d) for d in case.defendants] + [("*", ALL)],
            value=next(iter(case.defendants)),
            style={"button_width": "auto"},
        )
        self.defendant_switch.add_class("mc-defendant-switch")
        self.defendant_switch.observe(self._defendant_shown, "value")
        if len(case.defendants) < 2:
            self.defendant_switch.layout.display = "none"
        controls = widgets.HBox(
            [
                self.previous_button,
                self.next_button,
                self.position,
                self.all_button,
                self.defendant_switch,
                self.arrows,
            ]
        )
        controls.add_class("mc-present-controls")
        self.reloader = ReloadControl(self.reload)
        self.reload_error = ReloadError()
        header = widgets.HBox([self.title, self.record, self.reloader, self.language])
        header.add_class("mc-header")
        # The side column shows one thing at a time (the reasoning, the one-click changes, or
        # the explorer's inputs), each scrolling on its own, so the grid never moves.
        self.show_reading = widgets.ToggleButton(value=True)
        self.show_reading.add_class("mc-show-reading")
        self.open_hypotheticals = widgets.ToggleButton(value=False)
        self.open_hypotheticals.add_class("mc-open-hypotheticals")
        # The explorer's inputs wait behind a button: a room sees the courts first, and a page
        # of a few hundred widgets fewer renders sooner for every student arriving at once.
        self.inputs: widgets.Tab | None = None
        self.open_inputs = widgets.ToggleButton(value=False)
        self.open_inputs.add_class("mc-open-inputs")
        self._switches = {
            READING: self.show_reading,
            HYPOTHETICALS: self.open_hypotheticals,
            INPUTS: self.open_inputs,
        }
        for name, button in self._switches.items():
            button.add_class("mc-side-button")
            button.observe(lambda change, name=name: self._side_pressed(name, change), "value")
        switch = widgets.HBox(list(self._switches.values()))
        switch.add_class("mc-side-switch")
        self.hypotheticals_pane = widgets.VBox([self.bar_title, bar, self.why])
        self.hypotheticals_pane.add_class("mc-present-hypotheticals")
        self.hypotheticals_pane.add_class(PANE)
        self.drawer = widgets.VBox([])
        self.drawer.add_class("mc-present-drawer")
        self.drawer.add_class(PANE)
        side = widgets.VBox(
            [
                switch,
                self.announce,
                self.split_note,
                self.reading,
                self.hypotheticals_pane,
                self.drawer,
            ]
        )
        side.add_class("mc-present-side")
        self.grid_box = grid_box = widgets.VBox([self.grid])
        grid_box.add_class("mc-present-grid")
        body = widgets.HBox([grid_box, side])
        body.add_class("mc-present-body")
        body.layout.flex_flow = "row wrap"
        self.error = self.actions.error
        sheet = widgets.HTML(f"<style>{CSS}</style>")
        sheet.layout.display = "none"
        super().__init__(
            [
                style(),
                sheet,
                self.semantics,
                self.live,
                header,
                self.reload_error,
                controls,
                body,
                self.error,
            ]
        )
        for cls in (hooks.ROOT, PRESENTER, f"mc-theme-{theme}", f"mc-case-{case.id}"):
            self.add_class(cls)
        if large:
            self.add_class("mc-large")
        self.arrows.observe(lambda _: self.steps.next(), "next")
        self.arrows.observe(lambda _: self.steps.previous(), "previous")
        self.state.observe(self._judged, "judgment")
        self.state.observe(self._render, ["lang", "defendant"])
        self.steps.observe(self._stepped, ["position"])
        self.steps.observe(self._render, ["position"])
        self.state.observe(self._reload_shown, ["reload_error", "last_reload"])
        self._side(READING)
        self._defendant_shown()
        self._render()
        self.start_reloading(watch=watch, interval=interval)

    def __repr__(self) -> str:
        return (
            f"<Presenter {self.case.id} lang={self.state.lang} "
            f"revealed={self.steps.position}/{len(self.steps.order)}>"
        )

    @classmethod
    def from_environment(cls) -> Presenter:
        """The presenter `mootcourt present` asked for (case, language, theme, type size).

        A preheated Voila kernel runs this before any student has asked for a page; it waits
        for the request first (`mootcourt.serving.wait_for_visitor`), then reads the settings from
        the environment and a `?lang=` in the page's URL, if any. The presenter the pooled
        kernel built while it waited (`preheat`) is handed over when the settings match, so
        a student's page costs no build at all."""
        from ..serving import wait_for_visitor

        wait_for_visitor()  # at once if the notebook's first cell has waited already
        settings = _settings_from_environment()
        prebuilt = _PREBUILT.pop(settings, None)
        for unused in _PREBUILT.values():  # built for another language: never shown
            unused.close()
        _PREBUILT.clear()
        return prebuilt or cls._build(settings)

    @classmethod
    def preheat(cls) -> None:
        """Build the presenter for the command's own settings (no request yet, so no `?lang=`)
        and keep it for `from_environment`: in Voila's pool this runs before the kernel waits
        for its visitor, so imports, the case load and the build are paid before anyone
        asks (issue 15: they were half a second of every cold page on two cores)."""
        settings = _settings_from_environment()
        _PREBUILT[settings] = cls._build(settings)

    @classmethod
    def _build(cls, settings: tuple[str, str, str, bool]) -> Presenter:
        from ..case import load_case

        spec, lang, theme, large = settings
        return cls(load_case(spec), lang, theme=theme, large=large)

    # state -> views

    def _frame(self) -> Frame:
        s = self.state
        latest = self._latest()
        issue = latest[1] if latest and latest[1] != OUTCOME else s.selected_issue
        return Frame(
            judgment=s.judgment,
            words=Words(self.case, s.lang),
            changed=s.changed,
            defendant=s.defendant,
            issue=issue,
        )

    def _reveal_selector(self) -> str:
        """The cell just revealed, for the page to bring into view: with eleven issues (Guo)
        the grid is taller than a projector, and the room must see the row the instructor
        reached. The outcome banners stay on screen anyway (their row is sticky)."""
        latest = self._latest()
        if latest is None or latest[1] == OUTCOME:
            return ""
        level, issue = latest
        shown = self.shown_defendant
        defendant = shown if shown is not None else self.case.defendants[0]
        return f".mc-present-grid .{hooks.step(level, defendant, issue)}"

    def _latest(self) -> tuple[str, str] | None:
        return tuple(self.steps.order[self.steps.position - 1]) if self.steps.position else None

    def _judged(self, _change: Any = None) -> None:
        self.steps.follow(self.state.judgment)
        self._render()

    def _render(self, _change: Any = None) -> None:
        if self.state.case is not self.case:  # a reload took an edited case
            self._rebuild()
        frame = self._frame()
        w = frame.words
        self.title.value = f"<span>{e(self.case.title(w.lang))}</span>"
        self._reload_shown()
        self.language.show(w.lang)
        self.record.description = w.raw("ui.presenter.record")
        self.bar_title.value = f"<b>{w('ui.presenter.hypotheticals')}</b>"
        self.record.tooltip = w.raw("ui.reset.help")
        for i, button in self.hypotheticals.items():
            button.description = self.case.scenarios[i].title(w.lang)
            button.tooltip = self.case.scenarios[i].why(w.lang)
            hooks.set_classes(
                button,
                [f"mc-scenario-{i}"] + (["mc-active"] if i == self.state.scenario else []),
            )
        active = self.state.scenario
        self.why.value = (
            w("ui.scenarios.why", text=self.case.scenarios[active].why(w.lang))
            if active != NO_SCENARIO
            else ""
        )
        self.why.layout.display = None if active != NO_SCENARIO else "none"
        self.previous_button.description = w.raw("ui.presenter.previous")
        self.next_button.description = w.raw("ui.presenter.next")
        self.previous_button.disabled = self.steps.position == 0
        self.next_button.disabled = self.steps.finished
        self.all_button.description = w.raw(
            "ui.presenter.cover_all" if self.steps.finished else "ui.presenter.reveal_all"
        )
        # The grid draws everything, then covers what the room has not reached: held, so the
        # page receives only the end state (no flash of a result or a split not yet revealed).
        with contextlib.ExitStack() as held:
            for widget in self._grid_widgets():
                held.enter_context(widget.hold_sync())
            self.grid.show(frame)
            self._cover(frame)
            self._show_reading(frame)
        self.position.value = w(
            "ui.presenter.position", shown=self.steps.position, total=len(self.steps.order)
        )
        self.show_reading.description = w.raw("ui.presenter.side.reading")
        self.open_hypotheticals.description = w.raw(
            "ui.presenter.side.hypotheticals", count=len(self.hypotheticals)
        )
        self.open_inputs.description = w.raw("ui.presenter.side.inputs")
        self._label_defendants(w)
        self.live.text = self._live_text(frame)
        self._describe(w)
        if self.inputs is not None:
            for i, name in enumerate(("evidence", "parties", "doctrine")):
                self.inputs.set_title(i, w.raw(f"ui.tab.{name}"))
            self.evidence.show(frame)
            self.parties.show(frame)
            self.doctrine.show(frame)
        self._rendered = True

    def _label_defendants(self, w: Words) -> None:
        """The defendant switch in the page's language (and the case's defendants, which a
        reload may have changed)."""
        defendants = list(self.case.defendants)
        options = [(w.label(d), d) for d in defendants]
        options.append((w.raw("ui.presenter.defendants.all"), ALL))
        value = self.defendant_switch.value
        if value not in (*defendants, ALL):
            value = defendants[0]
        if list(self.defendant_switch.options) != options:
            self._quiet_defendants = True
            try:
                self.defendant_switch.options = options
                self.defendant_switch.value = value
            finally:
                self._quiet_defendants = False
        self.defendant_switch.tooltips = []
        self.defendant_switch.layout.display = None if len(defendants) > 1 else "none"

    def _describe(self, w: Words) -> None:
        """Roles and names a screen reader needs, in the page's language; the tab's title."""
        kit = w.raw("ui.kit")
        self.semantics.title = w.raw("ui.page_title", case=self.case.title(w.lang), kit=kit)
        self.semantics.page_rules = VOILA_MAIN
        self.semantics.scroll_to_top = [".mc-present-reading"]
        self.semantics.sticky = [[".mc-present-grid", [".mc-head-row", ".mc-outcome-row"]]]
        self.semantics.reveal = self._reveal_selector()
        self.semantics.rules = [
            *grid_rules(w.raw("ui.courts.table")),
            [
                ".mc-present-controls",
                {"role": "navigation", "aria-label": w.raw("ui.presenter.nav")},
            ],
            [
                ".mc-present-reading",
                {
                    "role": "region",
                    "tabindex": "0",
                    "aria-label": w.raw("ui.presenter.reading_region"),
                },
            ],
            # scroll boxes a keyboard can reach (the split's note may scroll when the type is large)
            *(
                [sel, {"role": "region", "tabindex": "0", "aria-label": w.raw("ui.courts.split")}]
                for sel in (".mc-announce", ".mc-split-note")
            ),
            [".mc-side-switch", {"role": "group", "aria-label": w.raw("ui.presenter.side.label")}],
            [".mc-side-button", {"aria-pressed": "false"}],
            [".mc-side-button.mod-active", {"aria-pressed": "true"}],
            [
                ".mc-defendant-switch .widget-toggle-buttons",
                {"role": "group", "aria-label": w.raw("ui.presenter.defendants.label")},
            ],
            [".mc-defendant-switch button", {"aria-pressed": "false"}],
            [".mc-defendant-switch button.mod-active", {"aria-pressed": "true"}],
            [
                ".mc-lang .widget-toggle-buttons",
                {"role": "group", "aria-label": w.raw("ui.lang.label")},
            ],
            [".mc-lang button", {"aria-pressed": "false"}],
            [".mc-lang button.mod-active", {"aria-pressed": "true"}],
            [".mc-present-bar button", {"aria-pressed": "false"}],
            [".mc-present-bar button.mc-active", {"aria-pressed": "true"}],
        ]

    def _reload_shown(self, _change: Any = None) -> None:
        w = Words(self.state.case, self.state.lang)  # the new case's labels: may run first
        self.reloader.show(w, self.state.last_reload)
        self.reload_error.show(w, self.state.reload_error)

    def _rebuild(self) -> None:
        """After a reload: the grid, the one-click bar and the open inputs built again on the
        edited case (its levels, defendants and scenarios may differ); the step-through
        keeps every reveal that still exists (`StepThrough.follow`)."""
        old: list[widgets.Widget] = [self.grid, *self.hypotheticals.values()]
        self.case = self.state.case
        hooks.set_classes(
            self,
            [c for c in self._dom_classes if not c.startswith("mc-case-")]
            + [f"mc-case-{self.case.id}"],
        )
        self.steps.follow(self.state.judgment)
        frame = self._frame()
        self.grid = self._courts(frame)
        self.grid_box.children = [self.grid]
        self._label_defendants(frame.words)
        show_defendants(self.grid, self.shown_defendant)
        self.grid.only_defendant = self.shown_defendant
        self.hypotheticals = {
            i: self._hypothetical_button(i)
            for i, scenario in enumerate(self.case.scenarios)
            if scenario.changes == 1
        }
        self.bar.children = list(self.hypotheticals.values())
        if self.inputs is not None:
            old += [self.evidence, self.parties, self.doctrine]
            self.evidence = EvidenceBoard(frame, self.actions.toggle)
            self.parties = PartiesPanel(frame, self.actions.toggle)
            self.doctrine = DoctrinePanel(frame, self.actions.set_doctrine, self.actions.as_decided)
            self.inputs.children = [self.evidence, self.parties, self.doctrine]
        for widget in old:
            close_all(widget)

    def _courts(self, frame: Frame) -> CourtsGrid:
        """The explorer's grid, its issue column wider: the courts' cells hold a word or two
        here (no burden line), and an issue on one line keeps the grid on the screen."""
        grid = CourtsGrid(frame, self._select)
        levels = " ".join(["minmax(0, 1fr)"] * len(grid.levels))
        grid.grid.layout.grid_template_columns = f"fit-content(11em) {levels}"
        return grid

    def _grid_widgets(self) -> list[widgets.Widget]:
        heads = list(self.grid.issue_heads.values())
        shown = [
            *self.grid.cells.values(),
            *self.grid.banners.values(),
            *heads,
            *(h.split for h in heads),
            self.grid.divergence,
            self.announce,
            self.split_note,
            self.reading,
        ]
        return shown + [w.layout for w in shown]

    def _cover(self, frame: Frame) -> None:
        """Hide every cell, outcome and split mark the room has not reached yet."""
        w = frame.words
        revealed = self.steps.revealed
        cover = f'<span class="mc-cover">{w("ui.presenter.covered")}</span>'
        for (level, defendant, issue), cell in self.grid.cells.items():
            if (level, issue) not in revealed:
                cell.value = cover
                hooks.set_classes(
                    cell,
                    ["mc-cell", hooks.step(level, defendant, issue), hooks.level(level), COVERED],
                )
        for level, banner in self.grid.banners.items():
            if (level, OUTCOME) not in revealed:
                banner.value = cover
                hooks.set_classes(
                    banner, ["mc-banner", hooks.outcome(level), hooks.level(level), COVERED]
                )
        splits = {
            (d.defendant, d.issue)
            for d in frame.judgment.divergences
            if (d.levels[1], d.issue) in revealed
        }
        for (defendant, issue), head in self.grid.issue_heads.items():
            if (defendant, issue) not in splits and hooks.DIVERGENT in head._dom_classes:
                head.split.value = ""
                head.split.layout.display = "none"
                hooks.set_classes(head, [c for c in head._dom_classes if c != hooks.DIVERGENT])
        for (_level, defendant, issue), cell in self.grid.cells.items():
            if (defendant, issue) not in splits and hooks.DIVERGENT in cell._dom_classes:
                hooks.set_classes(cell, [c for c in cell._dom_classes if c != hooks.DIVERGENT])
        announcing = self.steps.announcement >= 0  # the side panel says it, larger
        if not splits or announcing:
            self.grid.divergence.layout.display = "none"
        else:
            self.grid.divergence.layout.display = None

    def _show_reading(self, frame: Frame) -> None:
        """The latest revealed issue, in that court's words; the split, when just reached."""
        w = frame.words
        latest = self._latest()
        index = self.steps.announcement
        revealed = self.steps.revealed
        past = [
            i
            for i, d in enumerate(frame.judgment.divergences)
            if (d.levels[1], d.issue) in revealed
        ]
        # announced at the split (and read out by `self.live`); after it, kept in a smaller
        # note, since the grid's own note gives way to the rows
        for box, which in (
            (self.announce, [index] if index >= 0 else []),
            (self.split_note, past if index < 0 else []),
        ):
            parts = []
            for i in which:
                split = frame.judgment.divergences[i]
                issue = frame.case.issue_label(split.issue, w.lang)
                if len(frame.case.defendants) > 1:
                    issue = f"{issue} · {w.label(split.defendant)}"
                parts.append(f"{w('ui.presenter.split', issue=issue)} {e(split.reason(w.lang))}")
            box.value = "<div>" + "<br>".join(parts) + "</div>" if parts else ""
            box.layout.display = None if parts and self._side_shown == READING else "none"
        if latest is None:
            self.reading.value = f"<p>{w('ui.presenter.start')}</p>"
        elif latest[1] == OUTCOME:
            level = self.case.levels[latest[0]]
            self.reading.value = (
                f"<h4>{e(level.label(w.lang))} · {e(level.court(w.lang))}</h4>"
                f"<p>{w('ui.presenter.outcome_shown')}</p>"
                # in full here: the grid's banner may shorten what the court decided
                f'<div class="mc-outcome-full">{banner_html(frame, latest[0], False)}</div>'
            )
        else:
            self.reading.value = column_html(frame, latest[0])
        if self.steps.finished:  # the last step: every court's orders first, as the engine
            self.reading.value = dispositions_html(frame) + self.reading.value  # reaches them

    # inputs

    def _hypothetical_button(self, index: int) -> widgets.Button:
        button = widgets.Button(layout=widgets.Layout(width="auto"))
        button.on_click(lambda _: self.actions.choose_scenario(index))
        return button

    def _toggle(self, toggle_id: str, value: bool) -> None:
        self.actions.toggle(toggle_id, value)

    def _build_inputs(self) -> None:
        """Build the evidence, parties and doctrine tabs the first time they are opened."""
        if self.inputs is not None:
            return
        frame = self._frame()
        self.evidence = EvidenceBoard(frame, self.actions.toggle)
        self.parties = PartiesPanel(frame, self.actions.toggle)
        self.doctrine = DoctrinePanel(frame, self.actions.set_doctrine, self.actions.as_decided)
        self.inputs = widgets.Tab([self.evidence, self.parties, self.doctrine])
        self.inputs.add_class("mc-tabs")
        self.inputs.add_class("mc-present-inputs")
        self.drawer.children = (self.inputs,)

    # the side column and the defendant switch

    @property
    def side(self) -> str:
        """What the side column shows: READING, HYPOTHETICALS or INPUTS."""
        return self._side_shown

    def _side_pressed(self, name: str, change: dict) -> None:
        if getattr(self, "_quiet_side", False):
            return
        self._side(name if change["new"] else READING)

    def _side(self, name: str) -> None:
        """Show one pane of the side column; its button pressed, the others not."""
        if name == INPUTS:
            self._build_inputs()
        self._side_shown = name
        self._quiet_side = True
        try:
            for other, button in self._switches.items():
                button.value = other == name
        finally:
            self._quiet_side = False
        self.reading.layout.display = None if name == READING else "none"
        for box in (self.announce, self.split_note):
            box.layout.display = None if name == READING and box.value else "none"
        self.hypotheticals_pane.layout.display = None if name == HYPOTHETICALS else "none"
        self.drawer.layout.display = None if name == INPUTS else "none"
        if self.inputs is not None:
            self.inputs.layout.display = None if name == INPUTS else "none"
        if hasattr(self, "_rendered"):
            self._render()

    @property
    def shown_defendant(self) -> str | None:
        """The defendant whose rows the grid shows, or None for every defendant."""
        value = self.defendant_switch.value
        return None if value == ALL or len(self.case.defendants) < 2 else value

    def _defendant_shown(self, _change: Any = None) -> None:
        if getattr(self, "_quiet_defendants", False):
            return
        shown = self.shown_defendant
        show_defendants(self.grid, shown)
        self.grid.only_defendant = shown
        hooks.set_classes(
            self,
            [c for c in self._dom_classes if c != "mc-all-defendants"]
            + (["mc-all-defendants"] if shown is None and len(self.case.defendants) > 1 else []),
        )
        if shown is not None and shown != self.state.defendant:
            self.state.select(self.state.selected_issue, shown)  # the reading follows
        elif hasattr(self, "_rendered"):
            self._render()

    def _stepped(self, _change: Any = None) -> None:
        """After Next or Previous: the reasoning in the side column, and where a split is
        announced for a defendant not on show, that defendant's rows."""
        if self._side_shown != READING:
            self._side(READING)
        index = self.steps.announcement
        if index >= 0 and self.shown_defendant is not None:
            defendant = self.state.judgment.divergences[index].defendant
            if defendant != self.shown_defendant:
                self.defendant_switch.value = defendant

    def _live_text(self, frame: Frame) -> str:
        """What a screen reader hears after each step: which court, which issue, what
        result (every defendant's), the split when it is reached, and the position."""
        w = frame.words
        latest = self._latest()
        judgment = frame.judgment
        position = w.raw(
            "ui.presenter.position", shown=self.steps.position, total=len(self.steps.order)
        )
        if latest is None:
            return f"{w.raw('ui.presenter.live.start')} {position}"
        level_id, issue = latest
        level = self.case.levels[level_id]
        court = f"{level.label(w.lang)} ({level.court(w.lang)})"
        verdicts = judgment.level(level_id).defendants
        several = len(verdicts) > 1
        sep = "；" if w.lang == "zh-CN" else "; "

        def who(d: str, text: str) -> str:
            return f"{w.label(d)}{w.colon()}{text}" if several else text

        if issue == OUTCOME:
            result = sep.join(
                who(d, w.raw("ui.courts.liable" if v.liable else "ui.courts.not_liable"))
                for d, v in verdicts.items()
            )
            text = w.raw("ui.presenter.live.outcome", level=court, result=result)
        else:
            result = sep.join(
                who(d, w.result(judgment.level(level_id).step(issue, d).result)) for d in verdicts
            )
            label = self.case.issue_label(issue, w.lang)
            text = w.raw("ui.presenter.live.step", level=court, issue=label, result=result)
        if self.steps.announcement >= 0:
            split = judgment.divergences[self.steps.announcement]
            issue_label = self.case.issue_label(split.issue, w.lang)
            text += f" {w.raw('ui.presenter.split', issue=issue_label)} {split.reason(w.lang)}"
        return f"{text} {position}"

    def _reveal_or_cover(self) -> None:
        if self.steps.finished:
            self.steps.cover_all()
        else:
            self.steps.reveal_all()

    def _switch_language(self, lang: str) -> None:
        self.state.lang = lang

    def _select(self, issue: str, defendant: str) -> None:
        self.state.select(issue, defendant)


_PREBUILT: dict[tuple[str, str, str, bool], Presenter] = {}
"""the presenter a pooled kernel built while waiting, by its settings (at most one)"""


def _settings_from_environment() -> tuple[str, str, str, bool]:
    """(case, language, theme, large type) from `mootcourt present`'s environment and the
    page's `?lang=` (present only once the visitor's request has arrived)."""
    from ..present import DEFAULT_CASE, ENV_CASE, ENV_LANG, ENV_LARGE, ENV_THEME

    query = parse_qs(os.environ.get("QUERY_STRING", ""))
    lang = query.get("lang", [os.environ.get(ENV_LANG, "en")])[0]
    theme = os.environ.get(ENV_THEME, "light")
    return (
        os.environ.get(ENV_CASE, DEFAULT_CASE),
        lang if lang in LANGUAGES else "en",
        theme if theme in THEMES else "light",
        os.environ.get(ENV_LARGE) == "1",
    )
