"""Run a pure function of toggles once per branch of what it reads: the exploration itself.

The function (an issue test, or a whole level) is handed a read hook instead of a world.
When it reads a toggle nobody has decided yet, the hook decides it (off first) and notes the
choice. After the run, every noted choice is also explored the other way, with the choices
before it kept. A deterministic function therefore runs exactly once per leaf of its
decision tree, and the leaves are disjoint and cover every world.

Branches that break a `requires` are cut as soon as they do: no valid world lies below them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from ..world import Toggle

T = TypeVar("T")

Read = Callable[[str], bool]


class Invalid(Exception):
    """The branch being read breaks a `requires`: no valid world lies below it."""


def branches(
    toggles: Mapping[str, Toggle],
    run: Callable[[Read], T],
    given: Mapping[str, bool] | None = None,
) -> Iterator[tuple[dict[str, bool], T]]:
    """Yield (path, value) for every leaf: `path` holds the toggles `run` read beyond `given`,
    in the order it read them, with their values on this branch."""
    needed_by = {t: tuple(u for u in toggles if t in toggles[u].requires) for t in toggles}
    base = dict(given or {})
    stack: list[dict[str, bool]] = [base]
    while stack:
        fixed = stack.pop()
        assigned = dict(fixed)
        chosen: list[str] = []

        def read(toggle: str, assigned: dict[str, bool] = assigned, chosen=chosen) -> bool:
            value = assigned.get(toggle)
            if value is None:
                value = assigned[toggle] = False
                chosen.append(toggle)
                if any(assigned.get(u) for u in needed_by[toggle]):
                    raise Invalid(toggle)
            return value

        try:
            value = run(read)
        except Invalid:
            pass
        else:
            yield {t: v for t, v in assigned.items() if t not in base}, value
        for k, toggle in enumerate(chosen):
            other = {**fixed, **dict.fromkeys(chosen[:k], False), toggle: True}
            if not any(other.get(need) is False for need in toggles[toggle].requires):
                stack.append(other)
