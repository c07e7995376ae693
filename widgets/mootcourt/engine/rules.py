"""Which statute articles each reasoning step rests on (after Catala: the rule beside the law).

A rule slot names one kind of step; its default ids are the law in force today, declared by
the case's dispute pack (`packs/<id>/pack.yaml`, `rule_slots:`) over the few the engine's own
steps use (`CORE_SLOTS`). A case decided under earlier law overrides slots in its case
file's `rules:` section, and one court's own reading overrides a slot under that level's
`rules:` (level > case > pack).

Ids may point into an article (`cc-1165(1)`: paragraph 1; `evidence-10(1)(4)`: item 4 of
paragraph 1); the statute book checks that the paragraph or item exists. A step cites only
the ids of its slot that are in force on the dates it judges (`temporal.in_force`); where none
is, it cites the slot's `.earlier` alternative and speaks that law's terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..case import Case

CORE_SLOTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # the appeal's disposition: dismissed and affirmed, or reversed for an error of law or
        # fact (a case decided under an earlier numbering names none it cannot cite); civil
        # procedure, the same whatever the dispute (a pack may still override them)
        "disposition.dismissed": ("cpl-177(1)(1)",),
        "disposition.allowed": ("cpl-177(1)(2)",),
    }
)
"""the slots every pack has: the steps the engine itself takes (an appeal's disposition)"""


@lru_cache(maxsize=4096)
def rules_for(case: Case, level: str | None, slot: str) -> tuple[str, ...]:
    """The ids a step of this slot cites at one level of one case: the level's own override
    (one court may cite an article the others do not), else the case's, else the pack's.
    `level` None asks for the case-wide ids. (A case is immutable: looked up once per case,
    level and slot; the issue tests ask on every run.)"""
    for layer in case.layers(level):
        ids = layer.rules.get(slot)
        if ids is not None:
            return tuple(ids)
    return case.pack.rule_slots[slot]


@lru_cache(maxsize=4096)
def has_slot(case: Case, level: str | None, slot: str) -> bool:
    """Does this slot exist at this level: in the pack, or named by the case or the level?
    (An `.earlier` alternative exists only where someone wrote one.)"""
    return slot in case.pack.rule_slots or any(slot in layer.rules for layer in case.layers(level))
