"""Source attribution over the data matrix: who holds which of the plaintiff's fields.

A party's holding of a field is `held`, `possibly` (it cannot be excluded: the record does
not settle it) or `absent`. Where a party's holdings are known only through an item of
evidence (a carrier's, through the defendant's own account of its data flows) and that item
is out, every field is `possibly` held. The possible sources of a leak are then read under the
level's `attribution` rule:

- `party_level`: every present party that handles any of the plaintiff's data;
- `field_level`: only a party that holds (or possibly holds) every leaked field.

Under `entrusted_channels: within_platform` a party processing on a defendant's behalf is
folded into that defendant (PIPL 21, 59): its holdings count as the defendant's and it is no
separate source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..casefile import FieldRule
from .context import Context

HELD = "held"
POSSIBLY = "possibly"
ABSENT = "absent"
_RANK = {ABSENT: 0, POSSIBLY: 1, HELD: 2}


def _raise(states: dict[str, str], field: str, state: str) -> None:
    """Keep the stronger of two states for a field (held > possibly > absent)."""
    if _RANK[state] > _RANK[states[field]]:
        states[field] = state


def _apply(ctx: Context, rules: Sequence[FieldRule], states: dict[str, str]) -> None:
    for rule in rules:
        if not ctx.all_on(rule.when):
            continue
        if rule.unless and ctx.all_on(rule.unless):
            continue
        state = POSSIBLY if rule.possibly else HELD
        for f in rule.fields:
            _raise(states, f, state)


def holdings(ctx: Context, party_id: str) -> dict[str, str]:
    """Each of the plaintiff's fields -> held / possibly / absent, for one party."""
    party = ctx.case.parties[party_id]
    if not ctx.all_on(party.holds.known_through):
        return dict.fromkeys(ctx.case.field_ids, POSSIBLY)
    states = dict.fromkeys(ctx.case.field_ids, ABSENT)
    _apply(ctx, party.holds.rules, states)
    return states


def leaked_fields(ctx: Context) -> tuple[str, ...]:
    """The fields the outsiders knew, in the case's field order."""
    states = dict.fromkeys(ctx.case.field_ids, ABSENT)
    _apply(ctx, ctx.case.file.leak.fields, states)
    return tuple(f for f in ctx.case.field_ids if states[f] != ABSENT)


@dataclass(frozen=True, slots=True)
class SourceAnalysis:
    """Who could have leaked, under one level's attribution rule."""

    rule: str
    leaked: tuple[str, ...]
    folded: Mapping[str, tuple[str, ...]]
    """defendant -> entrusted parties folded into it"""
    holdings: Mapping[str, Mapping[str, str]]
    """party (after folding) -> field -> state; read under `field_level` only"""
    sources: tuple[str, ...]
    excluded: tuple[str, ...]

    def missing(self, party: str) -> tuple[str, ...]:
        """The leaked fields a party is shown not to hold (none known under `party_level`,
        where holdings are not read)."""
        row = self.holdings.get(party, {})
        return tuple(f for f in self.leaked if row.get(f) == ABSENT)


def possible_sources(ctx: Context) -> SourceAnalysis:
    """The data matrix of this world read under the level's attribution rule.

    Under `party_level` only presence matters (a party that handles any of the plaintiff's
    data keeps doubt alive), so the holdings are not read at all: the step then depends on
    no evidence about who holds what, as with a court that never looked at it.
    """
    case = ctx.case
    rule = ctx.param("attribution")
    present = [*case.defendants, *(h for h in case.handlers if ctx.on(h))]
    entrusted = [
        p
        for p in present
        if case.parties[p].processing == "entrusted"
        and case.parties[p].entrusted_by in case.defendants
    ]
    folded: dict[str, list[str]] = {d: [] for d in case.defendants}
    if entrusted and ctx.param("entrusted_channels") == "within_platform":
        for p in entrusted:
            folded[case.parties[p].entrusted_by].append(p)  # type: ignore[index]
    inside = {p for ps in folded.values() for p in ps}
    parties = [p for p in present if p not in inside]
    matrix: dict[str, dict[str, str]] = {}
    leaked: tuple[str, ...] = ()
    if rule == "field_level":
        leaked = leaked_fields(ctx)
        for p in parties:
            matrix[p] = holdings(ctx, p)
            for q in folded.get(p, ()):
                for f, state in holdings(ctx, q).items():
                    _raise(matrix[p], f, state)
        sources = [p for p in parties if all(matrix[p][f] != ABSENT for f in leaked)]
    else:
        sources = [p for p in parties if _handles_data(case.parties[p])]
    return SourceAnalysis(
        rule=rule,
        leaked=leaked,
        folded={d: tuple(ps) for d, ps in folded.items()},
        holdings=matrix,
        sources=tuple(sources),
        excluded=tuple(p for p in parties if p not in sources),
    )


def _handles_data(party) -> bool:
    """Does the case file give this party any of the plaintiff's data (or unknown holdings)?"""
    return bool(party.holds.rules or party.holds.known_through)
