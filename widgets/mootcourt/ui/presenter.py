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
from .courts import CourtsGrid
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

CSS = """
.mc-presenter.mc-explorer { font-size: 20px; line-height: 1.35; padding: 6px 10px; }
.mc-presenter.mc-large { font-size: 26px; }
.mc-presenter .mc-title .widget-html-content { font-size: 1.25em; }
.mc-presenter .jupyter-button, .mc-presenter .widget-toggle-button {
  font-size: 0.85em; height: auto; min-height: 1.9em; line-height: 1.25; padding: 2px 12px; }
.mc-presenter .mc-present-body { gap: 14px; align-items: flex-start; }
.mc-presenter .mc-present-grid { flex: 3 1 560px; min-width: 0; }
.mc-presenter .mc-present-side { flex: 2 1 380px; min-width: 0; }
.mc-presenter .mc-cell .mc-meta { display: none; }
.mc-presenter .mc-cell, .mc-presenter .mc-rowhead { padding: 4px 6px; }
.mc-presenter .mc-rowhead .jupyter-button { font-size: 1em; white-space: normal; height: auto;
  line-height: 1.2; overflow: visible; text-overflow: clip; }
.mc-presenter .mc-present-controls .jupyter-button { width: auto; white-space: nowrap; }
.mc-presenter .mc-present-bar .jupyter-button { height: auto; }
.mc-presenter .mc-banner .mc-verdict { font-size: 1em; }
.mc-presenter .mc-banner .mc-record { font-size: 0.72em; }
.mc-presenter .mc-covered .widget-html-content, .mc-presenter .mc-covered {
  color: var(--mc-fg-dim); }
.mc-presenter .mc-covered { background: repeating-linear-gradient(135deg,
  transparent 0 8px, color-mix(in srgb, var(--mc-line) 45%, transparent) 8px 16px); }
.mc-presenter .mc-cover { font-style: italic; font-size: 0.8em; }
.mc-presenter .mc-present-reading .widget-html-content { border: 2px solid var(--mc-line-strong);
  border-radius: 6px; padding: 8px 12px; }
.mc-presenter .mc-present-reading h4 { font-size: 0.75em; }
.mc-presenter .mc-present-reading p { margin: 4px 0; }
.mc-presenter .mc-present-reading .mc-chips { font-size: 0.75em; }
.mc-presenter .mc-announce .widget-html-content { font-size: 0.95em; font-weight: 650;
  padding: 8px 12px; border-left: 6px solid var(--mc-warn);
  background: color-mix(in srgb, var(--mc-warn) 14%, transparent); }
.mc-presenter .mc-header { flex-flow: row nowrap; gap: 10px; }
.mc-presenter .mc-header .mc-title { flex: 1 1 auto; }
/* the controls keep their size and their words on one line; the title takes what is left */
.mc-presenter .mc-header > :not(.mc-title) { flex: 0 0 auto; }
.mc-presenter .mc-header button { white-space: nowrap; width: auto; }
.mc-presenter .mc-lang .widget-toggle-buttons { flex-flow: row nowrap; }
.mc-presenter .mc-bar-title .widget-html-content { font-size: 0.7em; margin-top: 6px; }
.mc-presenter .mc-present-bar { gap: 4px; align-items: center; flex-flow: row wrap; }
.mc-presenter .mc-present-bar .jupyter-button { max-width: 100%; white-space: normal;
  font-size: 0.62em; min-height: 1.6em; padding: 1px 8px; margin: 0; }
.mc-presenter .mc-present-bar .mc-active { box-shadow: inset 0 -4px 0 var(--mc-brand);
  font-weight: 700; }
.mc-presenter .mc-present-controls { gap: 10px; align-items: center; }
.mc-presenter .mc-position .widget-html-content { color: var(--mc-fg-dim); }
.mc-presenter .mc-why .widget-html-content { font-size: 0.8em; }
.mc-presenter .mc-present-inputs { margin-top: 14px; font-size: 0.8em; }
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
        self.grid = CourtsGrid(frame, self._select)
        self.announce = widgets.HTML()
        self.announce.add_class("mc-announce")
        self.reading = widgets.HTML()
        self.reading.add_class("mc-present-reading")
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
        controls = widgets.HBox(
            [self.previous_button, self.next_button, self.position, self.all_button, self.arrows]
        )
        controls.add_class("mc-present-controls")
        self.reloader = ReloadControl(self.reload)
        self.reload_error = ReloadError()
        header = widgets.HBox([self.title, self.record, self.reloader, self.language])
        header.add_class("mc-header")
        side = widgets.VBox([self.announce, self.bar_title, bar, self.why, self.reading])
        side.add_class("mc-present-side")
        self.grid_box = grid_box = widgets.VBox([self.grid])
        grid_box.add_class("mc-present-grid")
        body = widgets.HBox([grid_box, side])
        body.add_class("mc-present-body")
        body.layout.flex_flow = "row wrap"
        self.error = self.actions.error
        # The explorer's inputs wait behind a button: a room sees the courts first, and a page
        # of a few hundred widgets fewer renders sooner for every student arriving at once.
        self.inputs: widgets.Tab | None = None
        self.open_inputs = widgets.ToggleButton(value=False)
        self.open_inputs.add_class("mc-open-inputs")
        self.open_inputs.observe(self._show_inputs, "value")
        self.drawer = widgets.VBox([self.open_inputs])
        self.drawer.add_class("mc-present-drawer")
        sheet = widgets.HTML(f"<style>{CSS}</style>")
        super().__init__(
            [style(), sheet, header, self.reload_error, controls, body, self.error, self.drawer]
        )
        for cls in (hooks.ROOT, PRESENTER, f"mc-theme-{theme}", f"mc-case-{case.id}"):
            self.add_class(cls)
        if large:
            self.add_class("mc-large")
        self.arrows.observe(lambda _: self.steps.next(), "next")
        self.arrows.observe(lambda _: self.steps.previous(), "previous")
        self.state.observe(self._judged, "judgment")
        self.state.observe(self._render, ["lang", "defendant"])
        self.steps.observe(self._render, ["position"])
        self.state.observe(self._reload_shown, ["reload_error", "last_reload"])
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
        for the request first (`voila.utils.wait_for_request`), then reads the settings from
        the environment and a `?lang=` in the page's URL, if any."""
        from ..case import load_case
        from ..present import DEFAULT_CASE, ENV_CASE, ENV_LANG, ENV_LARGE, ENV_THEME

        if os.environ.get("VOILA_PREHEAT") == "True":
            from voila.utils import wait_for_request

            wait_for_request()
        query = parse_qs(os.environ.get("QUERY_STRING", ""))
        lang = query.get("lang", [os.environ.get(ENV_LANG, "en")])[0]
        theme = os.environ.get(ENV_THEME, "light")
        return cls(
            load_case(os.environ.get(ENV_CASE, DEFAULT_CASE)),
            lang if lang in LANGUAGES else "en",
            theme=theme if theme in THEMES else "light",
            large=os.environ.get(ENV_LARGE) == "1",
        )

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
        self.open_inputs.description = w.raw(
            "ui.presenter.hide_inputs" if self.open_inputs.value else "ui.presenter.show_inputs"
        )
        if self.inputs is not None:
            for i, name in enumerate(("evidence", "parties", "doctrine")):
                self.inputs.set_title(i, w.raw(f"ui.tab.{name}"))
            self.evidence.show(frame)
            self.parties.show(frame)
            self.doctrine.show(frame)

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
        self.grid = CourtsGrid(frame, self._select)
        self.grid_box.children = [self.grid]
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

    def _grid_widgets(self) -> list[widgets.Widget]:
        heads = list(self.grid.issue_heads.values())
        shown = [
            *self.grid.cells.values(),
            *self.grid.banners.values(),
            *heads,
            *(h.split for h in heads),
            self.grid.divergence,
            self.announce,
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
        if index >= 0:
            split = frame.judgment.divergences[index]
            self.announce.value = (
                f'<div role="status" aria-live="polite">'
                f"{w('ui.presenter.split', issue=frame.case.issue_label(split.issue, w.lang))} "
                f"{e(split.reason(w.lang))}</div>"
            )
            self.announce.layout.display = None
        else:
            self.announce.value = ""
            self.announce.layout.display = "none"
        if latest is None:
            self.reading.value = f"<p>{w('ui.presenter.start')}</p>"
        elif latest[1] == OUTCOME:
            level = self.case.levels[latest[0]]
            self.reading.value = (
                f"<h4>{e(level.label(w.lang))} · {e(level.court(w.lang))}</h4>"
                f"<p>{w('ui.presenter.outcome_shown')}</p>"
            )
        else:
            self.reading.value = column_html(frame, latest[0])

    # inputs

    def _hypothetical_button(self, index: int) -> widgets.Button:
        button = widgets.Button(layout=widgets.Layout(width="auto"))
        button.on_click(lambda _: self.actions.choose_scenario(index))
        return button

    def _toggle(self, toggle_id: str, value: bool) -> None:
        self.actions.toggle(toggle_id, value)

    def _show_inputs(self, change: dict) -> None:
        """Build the evidence, parties and doctrine tabs the first time they are opened."""
        if change["new"] and self.inputs is None:
            frame = self._frame()
            self.evidence = EvidenceBoard(frame, self.actions.toggle)
            self.parties = PartiesPanel(frame, self.actions.toggle)
            self.doctrine = DoctrinePanel(frame, self.actions.set_doctrine, self.actions.as_decided)
            self.inputs = widgets.Tab([self.evidence, self.parties, self.doctrine])
            self.inputs.add_class("mc-tabs")
            self.inputs.add_class("mc-present-inputs")
            self.drawer.children = (self.open_inputs, self.inputs)
        if self.inputs is not None:
            self.inputs.layout.display = None if change["new"] else "none"
        self._render()

    def _reveal_or_cover(self) -> None:
        if self.steps.finished:
            self.steps.cover_all()
        else:
            self.steps.reveal_all()

    def _switch_language(self, lang: str) -> None:
        self.state.lang = lang

    def _select(self, issue: str, defendant: str) -> None:
        self.state.select(issue, defendant)
