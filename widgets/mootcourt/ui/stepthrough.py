"""The presenter's step-through: which issues of which court the room has seen so far.

An instructor reveals the reasoning one issue at a time, each court in the order its
reasoning was reported (`LevelJudgment.steps_in_reported_order()`: the appeal court in Liu
dealt with Art. 69 before the platform's other-channels defence), each court's outcome after
its last issue. When the reveal reaches the issue where consecutive courts part ways, the
split is announced. This is state only (traitlets); the presenter draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import traitlets

if TYPE_CHECKING:
    from ..engine import Judgment

OUTCOME = "outcome"
"""the pseudo-issue revealed after a court's last issue: its outcome banner"""

Reveal = tuple[str, str]
"""(level id, issue id or OUTCOME)"""


def reveal_order(judgment: Judgment) -> tuple[Reveal, ...]:
    """Every court in turn, its issues in the order it reasoned, then its outcome."""
    order: list[Reveal] = []
    for level in judgment.levels:
        issues = dict.fromkeys(step.issue for step in level.steps_in_reported_order())
        order += [(level.id, issue) for issue in issues]
        order.append((level.id, OUTCOME))
    return tuple(order)


def split_points(judgment: Judgment) -> dict[Reveal, int]:
    """Where each divergence becomes visible: the later court's cell for the issue on which
    the two courts part ways (index into `judgment.divergences`)."""
    return {(d.levels[1], d.issue): i for i, d in enumerate(judgment.divergences)}


class StepThrough(traitlets.HasTraits):
    """How far the room has got. `position` counts the reveals shown (0: all covered)."""

    order = traitlets.List()
    position = traitlets.Int(0)
    announcement = traitlets.Int(-1)
    """index of the divergence announced at the current position, or -1"""

    def __init__(self, judgment: Judgment) -> None:
        super().__init__()
        self.follow(judgment)

    def follow(self, judgment: Judgment) -> None:
        """A new judgment (a hypothetical, the record again): keep the position where the
        same reveal still exists, so flipping a fact mid-lecture does not restart it."""
        self._splits = split_points(judgment)
        order = list(reveal_order(judgment))
        seen = self.order[: self.position]
        with self.hold_trait_notifications():
            self.order = order
            self.position = len([r for r in order if r in seen]) if seen else 0
            self._announce()

    @property
    def revealed(self) -> frozenset[Reveal]:
        return frozenset(map(tuple, self.order[: self.position]))

    @property
    def finished(self) -> bool:
        return self.position >= len(self.order)

    def next(self) -> None:
        self._move_to(min(self.position + 1, len(self.order)))

    def previous(self) -> None:
        self._move_to(max(self.position - 1, 0))

    def reveal_all(self) -> None:
        self._move_to(len(self.order))

    def cover_all(self) -> None:
        self._move_to(0)

    def _move_to(self, position: int) -> None:
        """Move and announce in one change, so an observer of `position` sees both."""
        with self.hold_trait_notifications():
            self.position = position
            self._announce()

    def _announce(self) -> None:
        """Announce a split while its reveal is the latest one shown."""
        latest = tuple(self.order[self.position - 1]) if self.position else None
        self.announcement = self._splits.get(latest, -1) if latest else -1
