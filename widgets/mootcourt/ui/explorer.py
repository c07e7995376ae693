"""The explorer: the case's inputs beside the courts' reasoning, on one state.

    Explorer(load_case("liu-v-platform-2024"), lang="en")

Composition only. The state (`ExplorerState`) evaluates once per input; this class turns
each new (judgment, language, selection) into a `Frame` and hands it to every view. Nothing
is printed (strict nbval), nothing is loaded from a CDN, and the What-if tab appears only
when `mootcourt.ui.whatif` is installed.

An author editing the case file presses "reload" (`Explorer.reload`), or opens the explorer
with `watch=True` to have it look for a saved edit every second or so: the state takes the
edited case, and the views built on the case's shape (its toggles, levels, scenarios) are
built again on the new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from . import hooks
from .aria import VOILA_MAIN, Semantics, grid_rules
from .courts import CourtsGrid
from .doctrine import DoctrinePanel
from .evidence import EvidenceBoard
from .frame import Frame
from .hypotheticals import ScenarioBar
from .inputs import Inputs
from .language import LanguageSwitch
from .parties import PartiesPanel
from .reading import ReadingPane
from .reload_control import ReloadControl, ReloadError, Reloading, close_all
from .state import ExplorerState
from .style import style
from .words import Words, e

if TYPE_CHECKING:
    from ..case import Case
    from ..engine import Judgment

TABS = ("evidence", "parties", "doctrine")


class Explorer(Reloading, widgets.VBox):
    """Toggle evidence, parties and doctrine; watch every court reason, side by side."""

    def __init__(
        self, case: Case, lang: str = "en", *, watch: bool = False, interval: float = 1.0
    ) -> None:
        self.case = case
        self.state = ExplorerState(case, lang)
        self.flips: dict[str, tuple[str, ...]] = {}
        self.title = widgets.HTML()
        self.title.add_class("mc-title")
        self.inputs = Inputs(self.state, on_refused=self._render)
        self.language = LanguageSwitch(lang, self._switch_language)
        self.reloader = ReloadControl(self.reload)
        self.reload_error = ReloadError()
        self.error = self.inputs.error
        self.tabs = widgets.Tab()
        self.tabs.add_class("mc-tabs")
        self.header = widgets.HBox()
        self.header.add_class("mc-header")
        self.header.layout.flex_flow = "row wrap"
        inputs = widgets.VBox([self.tabs])
        inputs.add_class("mc-inputs")
        self.courts_box = widgets.VBox()
        self.courts_box.add_class("mc-courts")
        body = widgets.HBox([inputs, self.courts_box])
        body.add_class("mc-body")
        body.layout.flex_flow = "row wrap"
        # a keyboard user reaches the courts in one Tab, not after every input
        self.skip = widgets.HTML()
        self.skip.add_class("mc-skip")
        self.semantics = Semantics()
        self.semantics.page_rules = VOILA_MAIN
        self._build()
        super().__init__(
            [style(), self.semantics, self.skip, self.header, self.reload_error, self.error, body]
        )
        self.add_class(hooks.ROOT)
        self.add_class(f"mc-case-{case.id}")
        self.state.observe(self._render, ["revision", "lang", "selected_issue", "defendant"])
        self.state.observe(self._reload_shown, ["reload_error", "last_reload"])
        self.state.observe(self._whatif_shown, ["whatif", "whatif_pending"])
        self.tabs.observe(self._tab_chosen, "selected_index")
        self._render()
        self.start_reloading(watch=watch, interval=interval)

    def __repr__(self) -> str:
        return f"<Explorer {self.case.id} lang={self.state.lang}>"

    def _build(self) -> None:
        """The views built on the case's shape (toggles, levels, defendants, scenarios): at
        the start, and again when a reload brings a case whose shape may differ."""
        old = [getattr(self, name, None) for name in _SHAPED]
        if old[-1] is not None:  # the last What-if panel's flips belong to the last case
            old[-1].unobserve(self._flips_changed, "flips")
        self.flips = {}
        frame = self.frame()
        self.whatif = _whatif_panel(self.case, self.state.lang)
        self.scenarios = ScenarioBar(frame, self.inputs.choose_scenario, self.inputs.reset)
        self.evidence = EvidenceBoard(frame, self.inputs.toggle)
        self.parties = PartiesPanel(frame, self.inputs.toggle)
        self.doctrine = DoctrinePanel(frame, self.inputs.set_doctrine, self.inputs.as_decided)
        self.courts = CourtsGrid(frame, self._select)
        self.reading = ReadingPane(frame)
        tabs: list[widgets.Widget] = [self.evidence, self.parties, self.doctrine]
        if self.whatif is not None:
            tabs.append(self.whatif)
            self.whatif.observe(self._flips_changed, "flips")
        self.tabs.children = tabs
        self.header.children = [self.title, self.scenarios, self.reloader, self.language]
        self.courts_box.children = [self.courts, self.reading]
        for widget in old:
            if widget is not None:
                close_all(widget)

    @property
    def judgment(self) -> Judgment:
        return self.state.judgment

    def frame(self) -> Frame:
        s = self.state
        return Frame(
            judgment=s.judgment,
            words=Words(self.case, s.lang),
            changed=s.changed,
            defendant=s.defendant,
            issue=s.selected_issue,
            flips=self.flips,
        )

    # every view re-renders from one frame; unchanged values send nothing

    def _render(self, _change: Any = None) -> None:
        if self.state.case is not self.case:  # a reload took an edited case
            self.case = self.state.case
            self._build()
            hooks.set_classes(
                self,
                [c for c in self._dom_classes if not c.startswith("mc-case-")]
                + [f"mc-case-{self.case.id}"],
            )
        frame = self.frame()
        w = frame.words
        self.title.value = f"<h2>{e(self.case.title(w.lang))}</h2>"
        self.skip.value = (
            f'<a class="mc-skip-link" href="#" data-target=".mc-courts">{w("ui.explorer.skip")}</a>'
        )
        self.semantics.rules = grid_rules(w.raw("ui.courts.table"))
        for i, name in enumerate(TABS):
            self.tabs.set_title(i, w.raw(f"ui.tab.{name}"))
        if self.whatif is not None:
            self.tabs.set_title(len(TABS), w.raw("ui.tab.whatif"))
        # the courts first: what a click is for reaches the page before the inputs' marks
        self.courts.show(frame)
        self.reading.show(frame)
        self.scenarios.show(frame, self.state.scenario)
        self.language.show(w.lang)
        self.evidence.show(frame)
        self.parties.show(frame)
        self.doctrine.show(frame)
        self._whatif_shown()
        self._reload_shown()

    def _whatif_shown(self, _change: Any = None) -> None:
        """Draw the state's What-if analysis (computed after the courts, never here); new
        flips then re-mark the toggles (`_flips_changed`)."""
        if self.whatif is not None:
            s = self.state
            self.whatif.show(s.judgment, s.lang, s.whatif, s.whatif_pending)

    def _tab_chosen(self, change: dict) -> None:
        """Opening the What-if tab asks the state for its analysis (from then on it follows
        every input, a turn of the event loop after the courts)."""
        if self.whatif is not None and change["new"] == len(TABS):
            self.state.request_whatif()

    def settle(self) -> None:
        """Compute what waits for the event loop's next turn (for scripts and tests)."""
        self.state.settle()

    def _reload_shown(self, _change: Any = None) -> None:
        w = Words(self.state.case, self.state.lang)  # the new case's labels: may run first
        self.reloader.show(w, self.state.last_reload)
        self.reload_error.show(w, self.state.reload_error)

    # inputs go through `self.inputs`: the state evaluates; a refusal is shown, never raised

    def _toggle(self, toggle_id: str, value: bool) -> None:
        self.inputs.toggle(toggle_id, value)

    def _switch_language(self, lang: str) -> None:
        self.state.lang = lang

    def _select(self, issue: str, defendant: str) -> None:
        self.state.select(issue, defendant)

    def _flips_changed(self, change: dict) -> None:
        self.flips = {k: tuple(v) for k, v in (change["new"] or {}).items()}
        self.evidence.show(self.frame())
        self.parties.show(self.frame())


_SHAPED = ("scenarios", "evidence", "parties", "doctrine", "courts", "reading", "whatif")
"""the views `_build` makes from the case's shape; the What-if panel last"""


def _whatif_panel(case: Case, lang: str) -> widgets.Widget | None:
    """The analysis's What-if panel, if that module is installed (else no tab). A module that
    is there but broken raises: a bug must show in the tests, not vanish as a missing tab."""
    try:
        from .whatif import WhatIfPanel  # type: ignore[import-not-found]
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.whatif":
            return None
        raise

    return WhatIfPanel(case, lang)
