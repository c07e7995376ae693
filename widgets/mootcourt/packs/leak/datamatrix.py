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

Holding every leaked field is necessary, never sufficient (a model rule of ours, not a rule of
law: courts weigh the evidence as a whole, and fraudsters combine sources). A party that
`possibly` holds a field keeps doubt alive about the others, but only a defendant shown (by
evidence or a labelled assumption) to hold every leaked field can be found the source to a
high probability (`held_by`). Elimination rests on a closed world (only the listed parties
could be the source): the attribution step states that premise with every exclusion it
drives, and names every exclusion or holding that rests on an assumption.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from ...casefile import Evidence, FieldRule
from ...engine.context import Context
from ...engine.rules import rules_for
from ...engine.temporal import in_force

if TYPE_CHECKING:
    from ...case import Case

HELD = "held"
POSSIBLY = "possibly"
ABSENT = "absent"
_RANK = {ABSENT: 0, POSSIBLY: 1, HELD: 2}


def _raise(states: dict[str, str], field: str, state: str) -> None:
    """Keep the stronger of two states for a field (held > possibly > absent)."""
    if _RANK[state] > _RANK[states[field]]:
        states[field] = state


def _assumed(ctx: Context, rule: FieldRule) -> bool:
    """Does this holding rest on an assumption (ours, or one the judgment presupposes)?"""
    evidence = ctx.case.evidence
    return rule.basis == "inferred" or any(
        t in evidence and evidence[t].kind == "assumption" and ctx.on(t) for t in rule.when
    )


def _apply(
    ctx: Context,
    rules: Sequence[FieldRule],
    states: dict[str, str],
    assumed: dict[str, bool] | None = None,
) -> None:
    for rule in rules:
        if not all(shown(ctx, t) for t in rule.when):
            continue
        if rule.unless and ctx.all_on(rule.unless):
            continue
        state = POSSIBLY if rule.possibly else HELD
        for f in rule.fields:
            before = states[f]
            _raise(states, f, state)
            if assumed is not None and state == HELD:
                # held on evidence wins over held on an assumption
                fresh = before != HELD
                assumed[f] = _assumed(ctx, rule) if fresh else assumed[f] and _assumed(ctx, rule)


def stand_ins(ctx: Context, toggle_id: str) -> list[str]:
    """Refusals to produce a document that, where the court accepts the applicant's account
    of its content (`withheld_document: content_accepted`), count as that document. A refusal
    whose preconditions failed (`preconditions`: e.g. no timely written application by the
    party bearing the burden, so no order) has no such effect."""
    refusals = refusals_in(ctx.case).get(toggle_id)
    if not refusals:
        return []
    found = [e.id for e in refusals if ctx.on(e.id) and ctx.all_on(e.preconditions)]
    if found and ctx.param("withheld_document") == "content_accepted":
        return found
    return []


def refusals_declined(ctx: Context) -> list[str]:
    """Refusals whose preconditions hold but whose content the court declines to accept
    (`withheld_document: not_accepted`): the court must still say so, and why."""
    if ctx.param("withheld_document") != "not_accepted":
        return []
    return [
        e.id for e in refusals_in(ctx.case)[None] if ctx.on(e.id) and ctx.all_on(e.preconditions)
    ]


@lru_cache(maxsize=32)
def refusals_in(case: Case) -> Mapping[str | None, tuple[Evidence, ...]]:
    """document id -> the refusals to produce it, and None -> every refusal, in case-file
    order (built once per case: `shown` asks for every item that is out, on every run)."""
    found: dict[str | None, list[Evidence]] = {None: []}
    for e in case.file.evidence:
        if e.stands_for is not None:
            found.setdefault(e.stands_for, []).append(e)
            found[None].append(e)
    return MappingProxyType({k: tuple(v) for k, v in found.items()})


def shown(ctx: Context, toggle_id: str) -> bool:
    """Is this item in, or does a refusal to produce it count as if it were?"""
    return ctx.on(toggle_id) or bool(stand_ins(ctx, toggle_id))


def _detail(ctx: Context, party_id: str) -> tuple[dict[str, str], dict[str, bool]]:
    """A party's holdings and which rest on an assumption: worked out once per run of a
    level (every defendant's steps ask), and handed out as copies the caller may change."""
    states, assumed = ctx.remembered(("holdings", party_id), lambda: _detail_now(ctx, party_id))
    return dict(states), dict(assumed)


def _detail_now(ctx: Context, party_id: str) -> tuple[dict[str, str], dict[str, bool]]:
    party = ctx.case.parties[party_id]
    assumed = dict.fromkeys(ctx.case.field_ids, False)
    if not all(shown(ctx, t) for t in party.holds.known_through):
        return dict.fromkeys(ctx.case.field_ids, POSSIBLY), assumed
    states = dict.fromkeys(ctx.case.field_ids, ABSENT)
    _apply(ctx, party.holds.rules, states, assumed)
    return states, assumed


def holdings(ctx: Context, party_id: str) -> dict[str, str]:
    """Each of the plaintiff's fields -> held / possibly / absent, for one party."""
    return _detail(ctx, party_id)[0]


def assumed_holdings(ctx: Context, party_id: str) -> tuple[str, ...]:
    """The fields a party holds only on an assumption (ours, or one the judgment presupposes)."""
    states, assumed = _detail(ctx, party_id)
    return tuple(f for f in ctx.case.field_ids if states[f] == HELD and assumed[f])


def leaked_fields(ctx: Context) -> tuple[str, ...]:
    """The fields the outsiders knew, in the case's field order (once per run of a level)."""
    return ctx.remembered("leaked_fields", lambda: _leaked_fields(ctx))


def _leaked_fields(ctx: Context) -> tuple[str, ...]:
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
    held_by: tuple[str, ...] = ()
    """sources shown to hold every leaked field (under `party_level`: every source)"""
    assumed: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """party -> leaked fields whose holding by it rests on an assumption"""
    excluded_on_assumption: tuple[str, ...] = ()
    """excluded parties whose holdings list is itself our assumption"""
    stood_in: tuple[str, ...] = ()
    """refusals to produce a document that counted as the document"""

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

    Read once per run of a level (each defendant's steps ask again, and record the same
    reads: `Context.remembered`).
    """
    return ctx.remembered("possible_sources", lambda: _possible_sources(ctx))


def _possible_sources(ctx: Context) -> SourceAnalysis:
    case = ctx.case
    rule = ctx.param("attribution")
    present = [*case.defendants, *(h for h in case.handlers if ctx.on(h))]
    entrusted = [
        p
        for p in present
        if case.role(p, ctx.level).processing == "entrusted"
        and case.role(p, ctx.level).entrusted_by in case.defendants
    ]
    folded: dict[str, list[str]] = {d: [] for d in case.defendants}
    if entrusted and ctx.param("entrusted_channels") == "within_platform":
        for p in entrusted:
            folded[case.role(p, ctx.level).entrusted_by].append(p)  # type: ignore[index]
    # a present handler processing jointly with a defendant is inside that joint processing
    # (PIPL 20(2)), whatever the rule on entrusted channels; not before PIPL reaches the facts
    joint = {
        p: [d for d in case.joint_partners(p, ctx.level) if d in folded]
        for p in present
        if p in case.handlers and p not in entrusted
    }
    joint = {p: ds for p, ds in joint.items() if ds}
    if joint and joint_processing_applies(ctx):  # the dates are read only where it matters
        for p, partners in joint.items():
            folded[partners[0]].append(p)
    inside = {p for ps in folded.values() for p in ps}
    parties = [p for p in present if p not in inside]
    matrix: dict[str, dict[str, str]] = {}
    assumed: dict[str, tuple[str, ...]] = {}
    leaked: tuple[str, ...] = ()
    stood_in: list[str] = []
    if rule == "field_level":
        leaked = leaked_fields(ctx)
        for p in parties:
            matrix[p], flags = _detail(ctx, p)
            for q in folded.get(p, ()):
                states, more = _detail(ctx, q)
                for f, state in states.items():
                    if state == HELD and matrix[p][f] != HELD:
                        flags[f] = more[f]
                    _raise(matrix[p], f, state)
            assumed[p] = tuple(f for f in leaked if matrix[p][f] == HELD and flags[f])
            holds = case.parties[p].holds
            needed = [*holds.known_through, *(t for r in holds.rules for t in r.when)]
            for t in needed:
                if not ctx.on(t):
                    stood_in += [s for s in stand_ins(ctx, t) if s not in stood_in]
        sources = [p for p in parties if all(matrix[p][f] != ABSENT for f in leaked)]
        held_by = [p for p in sources if all(matrix[p][f] == HELD for f in leaked)]
    else:
        sources = [p for p in parties if _handles_data(case.parties[p])]
        held_by = list(sources)
    excluded = tuple(p for p in parties if p not in sources)
    return SourceAnalysis(
        rule=rule,
        leaked=leaked,
        folded={d: tuple(ps) for d, ps in folded.items()},
        holdings=matrix,
        sources=tuple(sources),
        excluded=excluded,
        held_by=tuple(held_by),
        assumed=MappingProxyType(assumed),
        excluded_on_assumption=tuple(
            p for p in excluded if case.parties[p].holds.basis == "inferred"
        ),
        stood_in=tuple(stood_in),
    )


def joint_processing_applies(ctx: Context) -> bool:
    """Does the rule on joint processing (PIPL 20(2)) reach these facts in time?"""
    return bool(in_force(ctx, rules_for(ctx.case, ctx.level, "attribution.joint_processing")))


def _handles_data(party) -> bool:
    """Does the case file give this party any of the plaintiff's data (or unknown holdings)?"""
    return bool(party.holds.rules or party.holds.known_through)


@dataclass(frozen=True, slots=True)
class DataFlow:
    """Who holds which of the plaintiff's fields in this world, and what one level's
    attribution rule left of them: what the parties panel shows, so no view rebuilds a
    `Context`.

    `holdings` is the matrix the case file gives for every present party whatever the rule
    (under `party_level` the court never read it, which is itself the teaching point);
    `sources` and `excluded` are the attribution rule's answer (`possible_sources`).
    """

    rule: str
    parties: tuple[str, ...]
    """the defendants and every present handler, in case order"""
    fields: tuple[str, ...]
    holdings: Mapping[str, Mapping[str, str]]
    """party -> field -> `held` / `possibly` / `absent`"""
    leaked: tuple[str, ...]
    """the fields the outsiders knew"""
    analysis: SourceAnalysis
    """`possible_sources` as the level read it"""

    @property
    def sources(self) -> tuple[str, ...]:
        return self.analysis.sources

    @property
    def matrix_read(self) -> bool:
        """Did the level's rule read who holds which field? (Judging party by party, it
        never does: itself the teaching point the parties panel makes.)"""
        return self.rule != "party_level"

    @property
    def excluded(self) -> tuple[str, ...]:
        return self.analysis.excluded

    @property
    def folded(self) -> Mapping[str, tuple[str, ...]]:
        """defendant -> parties processing on its behalf, folded into it by the rule"""
        return self.analysis.folded


def data_flow(ctx: Context, world: Mapping[str, bool]) -> DataFlow:
    """The data matrix of this world and the possible sources this level's rule leaves (the
    pack's `hooks.data_flow`, read by `LevelJudgment.sources`)."""
    case = ctx.case
    analysis = possible_sources(ctx)
    parties = tuple(
        p for p in case.parties if p in case.defendants or (p in case.handlers and world[p])
    )
    return DataFlow(
        rule=analysis.rule,
        parties=parties,
        fields=case.field_ids,
        holdings={p: holdings(ctx, p) for p in parties},
        leaked=leaked_fields(ctx),
        analysis=analysis,
    )
