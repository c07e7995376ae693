"""Hot reload: an edited case file taken up by an open explorer, with the student's work kept.

An instructor writing a case keeps the explorer open beside the editor. Pressing "reload"
reads `case.yaml` and `scenarios.yaml` again and carries what the student (or the author,
testing a hypothetical) had set over to the new case:

- a toggle the student changed from the record keeps that value if its id still exists;
  every other toggle takes the new case's default (an edit to the record shows at once);
  toggles the edit removed drop; then the `requires` cascade turns off whatever is left on
  without what it needs, so the world is always valid;
- a doctrine override stays only where its level still exists and its value is still valid
  (and still differs from the court's own, now perhaps edited, value).

A broken edit raises `CaseError` (every `path:line: field: message` found) from `reread`;
the caller keeps the last good case. Nothing here draws: the state commits a `Carried`, the
views show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..case import load_case
from ..errors import DoctrineError
from ..world import World

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True, slots=True)
class Carried:
    """A world and doctrine moved onto a reloaded case, and what the move did to them."""

    case: Case
    world: World
    doctrine: dict[str, dict[str, str]]
    kept: tuple[str, ...] = ()
    """toggles the student had changed from the record whose value survived the reload"""
    added: tuple[str, ...] = ()
    """toggles the edit added (at their default)"""
    dropped: tuple[str, ...] = ()
    """toggles the edit removed"""
    switched_off: tuple[str, ...] = ()
    """toggles the `requires` cascade turned off because what they need is now off"""
    doctrine_dropped: tuple[tuple[str, str], ...] = ()
    """(level, parameter) overrides dropped: their level is gone or their value no longer valid"""

    def __repr__(self) -> str:
        return (
            f"<Carried {self.case.id}: kept={list(self.kept)} added={list(self.added)} "
            f"dropped={list(self.dropped)} switched_off={list(self.switched_off)} "
            f"doctrine_dropped={list(self.doctrine_dropped)}>"
        )


def reread(case: Case) -> Case:
    """The case as its files now say, scenarios included; raises `CaseError` on a broken edit.

    `load_case` caches on both files' stamps, so an edit to either is read again. The
    scenarios are read here, not when first shown, so a broken `scenarios.yaml` is a reload
    error rather than a traceback in the page.
    """
    fresh = load_case(case.path)
    fresh.scenarios  # noqa: B018 - read now, so a broken scenarios.yaml raises here
    return fresh


def carry_over(
    old: Case, world: World, doctrine: Mapping[str, Mapping[str, str]], new: Case
) -> Carried:
    """Move a world and doctrine overrides from `old` onto `new` (see the module docstring).

    Never raises: whatever no longer fits is dropped and reported in the result."""
    changes = world.changed_from(old.record_world())
    kept_changes = {t: v for t, v in changes.items() if t in new.toggles}
    base = new.record_world()
    asked = World(new.toggles, {**dict(base), **kept_changes})
    valid = asked.repaired()
    switched_off = tuple(t for t in new.toggles if asked[t] and not valid[t])
    overrides, dropped_doctrine = _carry_doctrine(doctrine, new)
    return Carried(
        case=new,
        world=valid,
        doctrine=overrides,
        kept=tuple(t for t, v in kept_changes.items() if valid[t] == v),
        added=tuple(t for t in new.toggles if t not in old.toggles),
        dropped=tuple(t for t in old.toggles if t not in new.toggles),
        switched_off=switched_off,
        doctrine_dropped=dropped_doctrine,
    )


def _carry_doctrine(
    doctrine: Mapping[str, Mapping[str, str]], new: Case
) -> tuple[dict[str, dict[str, str]], tuple[tuple[str, str], ...]]:
    kept: dict[str, dict[str, str]] = {}
    dropped: list[tuple[str, str]] = []
    for level_id, params in doctrine.items():
        for param, value in params.items():
            try:
                new.check_level(level_id)
                new.pack.check_value(param, value)  # an unknown parameter or value raises too
            except DoctrineError:
                dropped.append((level_id, param))
            else:
                kept.setdefault(level_id, {})[param] = value
    # values now equal to the (perhaps edited) court's own are no override: not "dropped"
    return new.doctrine_overrides(kept), tuple(dropped)


__all__ = ["Carried", "carry_over", "reread"]
