"""The stable CSS hooks of UI.md section 4, named in one place, and the one way to set them.

Browser tests and lessons select on these classes, never on visible words ("not liable"
contains "liable"). ipywidgets puts added classes on a widget's outer element, so a toggle's
class sits on the element holding its checkbox.
"""

from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets

ROOT = "mc-explorer"
CHANGED = "mc-changed"
DIVERGENT = "mc-divergent"
LIABLE = "mc-liable"
NOT_LIABLE = "mc-not-liable"
LANG = "mc-lang"
SCENARIOS = "mc-scenarios"
RESET = "mc-reset"
RELOAD = "mc-reload"
RELOAD_ERROR = "mc-reload-error"


def toggle(toggle_id: str) -> str:
    return f"mc-toggle-{toggle_id}"


def doctrine(level: str, param: str) -> str:
    return f"mc-doctrine-{level}-{param}"


def level(level_id: str) -> str:
    return f"mc-level-{level_id}"


def outcome(level_id: str) -> str:
    return f"mc-outcome-{level_id}"


def step(level_id: str, defendant: str, issue: str) -> str:
    return f"mc-step-{level_id}-{defendant}-{issue}"


def step_short(level_id: str, issue: str) -> str:
    """UI.md's defendant-less form, kept for the first (or only) defendant."""
    return f"mc-step-{level_id}-{issue}"


def result(name: str) -> str:
    return f"mc-result-{name}"


def sources(level_id: str) -> str:
    return f"mc-sources-{level_id}"


def as_decided(level_id: str) -> str:
    return f"mc-as-decided-{level_id}"


def set_classes(widget: widgets.DOMWidget, classes: Iterable[str]) -> None:
    """Give a widget exactly these classes (in a stable order); unchanged sets send nothing."""
    wanted = tuple(dict.fromkeys(classes))
    if tuple(widget._dom_classes) != wanted:
        widget._dom_classes = wanted
