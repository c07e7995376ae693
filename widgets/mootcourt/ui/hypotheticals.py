"""Prepared hypotheticals: the case's own scenarios by title, each applying its toggles and
doctrine and showing its `why`; and "back to the record", which resets everything.

The dropdown's first entry is a prompt, not a scenario, so choosing the same scenario again
after changing a toggle still applies it.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from . import hooks
from .frame import Frame
from .state import NO_SCENARIO

PROMPT = NO_SCENARIO
"""the dropdown's first entry, which stands for 'no prepared hypothetical on show'"""


class ScenarioBar(widgets.VBox):
    """A dropdown of prepared hypotheticals, the reset button, and the chosen one's `why`."""

    def __init__(
        self,
        frame: Frame,
        on_choose: Callable[[int], None],
        on_reset: Callable[[], None],
    ) -> None:
        self.count = len(frame.case.scenarios)
        self.choice = widgets.Dropdown(layout=widgets.Layout(width="auto"))
        self.choice.add_class(hooks.SCENARIOS)
        self.choice.add_class("mc-named")  # a description for screen readers, hidden on screen
        self.reset = widgets.Button()
        self.reset.add_class(hooks.RESET)
        self.reset.on_click(lambda _: on_reset())
        self.why = widgets.HTML()
        self.why.add_class("mc-why")
        self._on_choose = on_choose
        self._quiet = False
        self.choice.observe(self._chosen, "value")
        row = widgets.HBox([self.choice, self.reset])
        row.add_class("mc-scenario-box")
        row.layout.flex_flow = "row wrap"
        super().__init__([row, self.why])
        self.add_class("mc-scenario-bar")
        self.active = PROMPT
        self.show(frame, PROMPT)
        if not self.count:
            self.choice.layout.display = "none"

    def __repr__(self) -> str:
        return f"<ScenarioBar {self.count} scenarios, showing {self.active}>"

    def _chosen(self, change: dict) -> None:
        if self._quiet or change["new"] is None:
            return
        if change["new"] == PROMPT:  # the prompt is no choice: show what is on show
            self._quiet = True
            try:
                self.choice.value = self.active
            finally:
                self._quiet = False
            return
        self._on_choose(change["new"])

    def show(self, frame: Frame, active: int) -> None:
        """Re-label in the frame's language; `active` is the scenario on show, or -1."""
        w = frame.words
        self.active = active
        options = [(w.raw("ui.scenarios.choose"), PROMPT)]
        options += [(s.title(w.lang), i) for i, s in enumerate(frame.case.scenarios)]
        self._quiet = True
        try:
            if list(self.choice.options) != options:
                self.choice.options = options
            self.choice.value = active
        finally:
            self._quiet = False
        self.choice.description = w.raw("ui.scenarios.label")
        self.reset.description = w.raw("ui.reset")
        self.reset.tooltip = w.raw("ui.reset.help")
        if active == PROMPT:
            self.why.value = ""
            return
        scenario = frame.case.scenarios[active]
        self.why.value = w("ui.scenarios.why", text=scenario.why(w.lang))
