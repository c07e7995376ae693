"""The doctrine panel: per court, each parameter as a choice, the court's own value marked
reported or our reading, and an "as decided" reset per court.

The choices report to the state; the state drops a choice equal to the court's own value, so
the panel never shows an override that changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from . import hooks
from .frame import Frame
from .words import e


class ParameterChoice(widgets.VBox):
    """One parameter of one court: its name, a dropdown of values, what the value means."""

    def __init__(self, level_id: str, param: str, on_change: Callable[[str, str, str], None]):
        self.level_id, self.param = level_id, param
        self.name = widgets.HTML()
        self.name.add_class("mc-param-label")
        self.choice = widgets.Dropdown(layout=widgets.Layout(width="100%"))
        self.choice.add_class(hooks.doctrine(level_id, param))
        self.choice.add_class("mc-named")  # a description for screen readers, hidden on screen
        self.note = widgets.HTML()
        self.note.add_class("mc-param-note")
        self._on_change = on_change
        self._quiet = False
        self.choice.observe(self._chosen, "value")
        super().__init__([self.name, self.choice, self.note])

    def __repr__(self) -> str:
        return f"<ParameterChoice {self.level_id}.{self.param}={self.choice.value}>"

    def _chosen(self, change: dict) -> None:
        if not self._quiet and change["new"] is not None:
            self._on_change(self.level_id, self.param, change["new"])

    def show(self, frame: Frame) -> None:
        w = frame.words
        case = frame.case
        preset = case.doctrine(self.level_id)
        held, basis = preset[self.param], preset.basis[self.param]
        current = frame.judgment.level(self.level_id).doctrine
        value = current[self.param]
        options = []
        for v in case.pack.parameters[self.param].values:
            label = w.t(f"value.{v}")
            if v == held:
                label = w.raw("ui.doctrine.preset", value=label, basis=w.t(f"basis.{basis}"))
            options.append((label, v))
        self._quiet = True
        try:
            if list(self.choice.options) != options:
                self.choice.options = options
            self.choice.value = value
            self.choice.description_allow_html = False
        finally:
            self._quiet = False
        self.name.value = e(w.t(f"param.{self.param}"))
        court = frame.case.levels[self.level_id].label(w.lang)
        self.choice.description = f"{court}{w.colon()}{w.t(f'param.{self.param}')}"
        lines = [e(case.pack.parameters[self.param].meaning[value][w.lang])]
        if current.basis[self.param] == "override":
            held_text = w(
                "ui.doctrine.held", value=w.t(f"value.{held}"), basis=w.t(f"basis.{basis}")
            )
            lines.insert(0, f"<b>{w('ui.doctrine.changed')}</b> · {held_text}")
        self.note.value = "<br>".join(lines)
        changed = current.basis[self.param] == "override"
        hooks.set_classes(self, ["mc-param"] + ([hooks.CHANGED] if changed else []))


class LevelDoctrine(widgets.VBox):
    """One court's parameters and its "as decided" button."""

    def __init__(
        self,
        level_id: str,
        params: tuple[str, ...],
        on_change: Callable[[str, str, str], None],
        on_reset: Callable[[str], None],
    ) -> None:
        self.level_id = level_id
        self.head = widgets.HTML()
        self.reset = widgets.Button()
        self.reset.add_class(hooks.as_decided(level_id))
        self.reset.on_click(lambda _: on_reset(level_id))
        self.choices = [ParameterChoice(level_id, p, on_change) for p in params]
        super().__init__([self.head, *self.choices, self.reset])
        self.add_class("mc-doctrine-level")
        self.add_class(hooks.level(level_id))

    def __repr__(self) -> str:
        return f"<LevelDoctrine {self.level_id}: {len(self.choices)} parameters>"

    def show(self, frame: Frame) -> None:
        w = frame.words
        level = frame.case.levels[self.level_id]
        self.head.value = f"<b>{e(level.label(w.lang))}</b> · {e(level.court(w.lang))}"
        self.reset.description = w.raw("ui.doctrine.as_decided")
        self.reset.tooltip = w.raw(frame.case.record_key("ui.doctrine.as_decided.help"))
        basis = frame.judgment.level(self.level_id).doctrine.basis
        self.reset.disabled = "override" not in basis.values()
        for choice in self.choices:
            choice.show(frame)


class DoctrinePanel(widgets.VBox):
    """Every court's doctrine, one box per court."""

    def __init__(
        self,
        frame: Frame,
        on_change: Callable[[str, str, str], None],
        on_reset: Callable[[str], None],
    ) -> None:
        defendants = len(frame.case.defendants)
        params = tuple(
            p
            for p in frame.judgment.levels[0].doctrine.values
            if frame.case.pack.applies(p, defendants)
        )
        self.levels = [
            LevelDoctrine(level_id, params, on_change, on_reset) for level_id in frame.case.levels
        ]
        super().__init__(self.levels)
        self.add_class("mc-doctrine")
        self.show(frame)

    def __repr__(self) -> str:
        return f"<DoctrinePanel levels={[lv.level_id for lv in self.levels]}>"

    def show(self, frame: Frame) -> None:
        for level in self.levels:
            level.show(frame)
