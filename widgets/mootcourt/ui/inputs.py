"""What a student's click does: one input to the state, and a refusal shown, never raised.

The explorer and the presenter take the same inputs (toggles, doctrine values, "as decided",
prepared hypotheticals, the record). Each goes to `ExplorerState`, which evaluates once; a
world or doctrine the engine refuses (a stale click on a toggle whose requirement went off)
appears as a line of text on the page instead of a traceback in front of the room.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..errors import DoctrineError, WorldError
from .state import ExplorerState
from .words import e


class Inputs:
    """The inputs of one view over one state, with the line where refusals appear."""

    def __init__(self, state: ExplorerState, on_refused: Callable[[], None] | None = None):
        self.state = state
        self.error = widgets.HTML()
        self.error.layout.display = "none"
        self._on_refused = on_refused

    def __repr__(self) -> str:
        return f"<Inputs {self.state.case.id}>"

    def _safely(self, action: Callable[..., None], *args: object) -> None:
        try:
            action(*args)
        except (WorldError, DoctrineError) as exc:
            self.error.value = f'<span class="mc-blocked">{e(str(exc))}</span>'
            self.error.layout.display = None
            if self._on_refused is not None:
                self._on_refused()  # put the refused control back as the state has it
        else:
            self.error.layout.display = "none"

    def toggle(self, toggle_id: str, value: bool) -> None:
        self._safely(self.state.set_toggle, toggle_id, value)

    def set_doctrine(self, level_id: str, param: str, value: str) -> None:
        self._safely(self.state.set_doctrine, level_id, param, value)

    def as_decided(self, level_id: str) -> None:
        self._safely(self.state.as_decided, level_id)

    def choose_scenario(self, index: int) -> None:
        self._safely(self.state.apply_scenario, index)

    def reset(self) -> None:
        self._safely(self.state.reset)
