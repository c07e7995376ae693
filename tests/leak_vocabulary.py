"""The leak pack's vocabulary, for tests written before packs: the names they imported from
the engine (`ISSUES`, `PARAMETERS`, `RULE_SLOTS`, ...), now read from the pack that owns them."""

from __future__ import annotations

from collections.abc import Mapping

from mootcourt.packs import find_pack

LEAK = find_pack("leak")
ISSUES: tuple[str, ...] = LEAK.issues
PARAMETERS = LEAK.parameters
RULE_SLOTS: Mapping[str, tuple[str, ...]] = LEAK.rule_slots
TEMPLATE_KEYS: frozenset[str] = LEAK.template_keys
MONEY_REMEDIES: tuple[str, ...] = LEAK.money_remedies
REMEDIES: tuple[str, ...] = tuple(LEAK.remedies)
FACTS: tuple[str, ...] = LEAK.facts


def templates(lang: str) -> Mapping[str, str]:
    """Every template a leak case's step may use (the engine's own and the pack's)."""
    return LEAK.templates(lang)


def applies(param: str, defendants: int) -> bool:
    return LEAK.applies(param, defendants)
