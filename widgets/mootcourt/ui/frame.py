"""What every view draws from: one judgment, one language, what the last input changed and
which issue is being read. Views are functions of a frame; they keep no law of their own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .changes import Key
from .words import Words

if TYPE_CHECKING:
    from ..case import Case
    from ..engine import Judgment


@dataclass(frozen=True, slots=True)
class Frame:
    judgment: Judgment
    words: Words
    changed: frozenset[Key] = frozenset()
    defendant: str = ""
    issue: str = ""
    flips: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """toggle id -> levels whose result flipping it would change (from the what-if panel)"""

    @property
    def case(self) -> Case:
        return self.judgment.case

    @property
    def lang(self) -> str:
        return self.words.lang
