"""What `evaluate` returns: each level's steps and outcome, and where consecutive levels part.

Plain immutable objects. Prose is rendered on demand (`step.text(lang)`,
`divergence.reason(lang)`), so one evaluation serves both languages. `to_dict` gives the
`evaluate --json` shape, checked against `schemas/judgment.schema.json` by the tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..doctrine import Doctrine
from ..world import World
from .context import Context
from .disposition import disposition
from .steps import Result, Step
from .texts import Ids, Term, join, msg, render

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True, slots=True)
class DefendantJudgment:
    id: str
    liable: bool
    remedies: tuple[str, ...]
    steps: tuple[Step, ...]
    awarded: Mapping[str, float | None] = field(default_factory=dict)
    """granted money claims -> the sum in yuan (None: for the court to set, PIPL 69(2))"""
    jointly_with: tuple[str, ...] = ()
    """the defendants with which this one owes the money jointly and severally"""

    def outcome(self, only: tuple[str, ...] | None = None) -> Outcome:
        """Liable or not, the claims granted, the sums and who owes them jointly (`only`: the
        sums of these claims alone)."""
        sums = self.awarded if only is None else {c: self.awarded.get(c) for c in only}
        return Outcome(self.liable, self.remedies, dict(sums), self.jointly_with)

    def step(self, issue: str) -> Step:
        for s in self.steps:
            if s.issue == issue:
                return s
        valid = ", ".join(s.issue for s in self.steps)
        raise KeyError(f"unknown issue '{issue}'; valid: {valid}")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One defendant's outcome at one level: liable or not, and the claims granted."""

    liable: bool
    remedies: tuple[str, ...]
    awarded: Mapping[str, float | None] = field(default_factory=dict)
    """money claims -> sum in yuan (as decided: only the sums the case file declares)"""
    jointly_with: tuple[str, ...] = ()
    """the defendants it owes the money with, jointly and severally"""

    def to_dict(self) -> dict[str, Any]:
        return {
            "liable": self.liable,
            "remedies": list(self.remedies),
            "awarded": dict(self.awarded),
            "jointly_with": list(self.jointly_with),
        }

    def same_as(self, other: Outcome) -> bool:
        """The same outcome, whatever the order of remedies and co-debtors."""
        return (
            self.liable == other.liable
            and set(self.remedies) == set(other.remedies)
            and dict(self.awarded) == dict(other.awarded)
            and set(self.jointly_with) == set(other.jointly_with)
        )

    def describe(self) -> str:
        """'liable, remedies [apology, damages], damages RMB 2300, jointly with courier'."""
        parts = [("liable" if self.liable else "not liable")]
        if self.remedies:
            parts.append(f"remedies [{', '.join(sorted(self.remedies))}]")
        for claim, amount in sorted(self.awarded.items()):
            parts.append(f"{claim} {'unassessed' if amount is None else f'RMB {amount:g}'}")
        if self.jointly_with:
            parts.append(f"jointly with {', '.join(self.jointly_with)}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class RecordDifference:
    """A defendant whose outcome in this world is not what the court decided."""

    defendant: str
    expected: Outcome
    """what the court decided (`as_decided`)"""
    found: Outcome
    """what the engine found in this world"""

    @property
    def liability_differs(self) -> bool:
        """Liable against not liable (else only the remedies differ)."""
        return self.expected.liable != self.found.liable

    def to_dict(self) -> dict[str, Any]:
        return {
            "defendant": self.defendant,
            "expected": self.expected.to_dict(),
            "found": self.found.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class LevelJudgment:
    """One court's reasoning over one world."""

    id: str
    doctrine: Doctrine
    defendants: Mapping[str, DefendantJudgment]
    steps: tuple[Step, ...]
    """every step, issue by issue, each defendant in case order within an issue"""
    reported_order: tuple[str, ...]
    liable: bool
    remedies: tuple[str, ...]
    case: Case = field(repr=False, compare=False)
    world: World = field(repr=False, compare=False)

    def step(self, issue: str, defendant: str | None = None) -> Step:
        """The step for one issue, for the named defendant; the defendant may be left out
        only where the case has one (raising rather than silently picking the first)."""
        if defendant is None:
            if len(self.defendants) > 1:
                raise ValueError(
                    f"this case has several defendants ({', '.join(self.defendants)}): "
                    f"name one, step('{issue}', defendant)"
                )
            defendant = next(iter(self.defendants))
        if defendant not in self.defendants:
            raise KeyError(f"unknown defendant '{defendant}'; valid: {', '.join(self.defendants)}")
        return self.defendants[defendant].step(issue)

    @property
    def sources(self) -> Any:
        """What the case's pack says of the data in this world at this level (who holds
        what, what the level's rule leaves as possible sources), for the parties panel; None
        where the pack says nothing (no `hooks.data_flow`). Computed on demand: evaluating
        never pays for it."""
        flow = self.case.pack.hook("data_flow")
        if flow is None:
            return None
        return flow(Context(self.case, self.id, self.doctrine, self.world), self.world)

    def had(self, toggle_id: str) -> bool:
        """Was this item before this court in this world (whether or not it is in)? Every
        item is, unless the case file or a procedural hypothesis confines it to some courts
        (`Context.before_court`): the evidence board says which court had what."""
        return Context(self.case, self.id, self.doctrine, self.world).before_court(toggle_id)

    def record_difference(self, defendant: str) -> RecordDifference | None:
        """None if this defendant's outcome (liable, remedies) is what the court decided
        (`as_decided`), else what was decided beside what the engine found.

        The one comparison of the engine with the record: the outcome banners, the terminal,
        `--json` and `mootcourt check` all read it, so they cannot disagree.
        """
        decided = self.case.levels[self.id].as_decided.defendants[defendant]
        expected = Outcome(
            decided.liable,
            tuple(decided.remedies),
            dict(decided.awarded),
            tuple(decided.jointly_with),
        )
        # sums are compared only where the case file declares them (a report may give none)
        found = self.defendants[defendant].outcome(only=tuple(decided.awarded))
        return None if expected.same_as(found) else RecordDifference(defendant, expected, found)

    def record_differences(self) -> tuple[RecordDifference, ...]:
        """Every defendant whose outcome differs from what the court decided, in case order."""
        found = (self.record_difference(d) for d in self.defendants)
        return tuple(d for d in found if d is not None)

    def defendant_matches_record(self, defendant: str) -> bool:
        """Does this defendant's outcome (liable, remedies) equal what the court decided?"""
        return self.record_difference(defendant) is None

    @property
    def matches_record(self) -> bool:
        """Is this level's outcome, for every defendant, what the court actually decided?"""
        return not self.record_differences()

    def steps_in_reported_order(self) -> tuple[Step, ...]:
        """The steps in the order the court's reasoning was reported."""
        rank = {issue: i for i, issue in enumerate(self.reported_order)}
        return tuple(sorted(self.steps, key=lambda s: rank[s.issue]))


@dataclass(frozen=True, slots=True)
class Divergence:
    """The first issue on which two consecutive levels reach different results, and why."""

    issue: str
    levels: tuple[str, str]
    defendant: str
    results: tuple[Result, Result]
    parameters: tuple[tuple[str, tuple[str, str], tuple[str, str]], ...]
    """(doctrine parameter, (value, basis) at the first level, (value, basis) at the second),
    for the parameters the step read that differ"""
    case: Case
    evidence: tuple[tuple[str, str], ...] = ()
    """(item, level it was before) for items the steps read that were before one of the two
    courts only (a procedural hypothesis): a difference in evidence, not in doctrine"""

    def reason(self, lang: str = "en") -> str:
        """Why the levels differ, naming each doctrine value with its basis (reported or our
        inference), so the divergence never passes an inference off as a holding."""
        a, b = self.levels
        t = self.case.pack.messages(lang)
        left, right = ("（", "）") if lang == "zh-CN" else (" (", ")")

        def value(v: str, basis: str) -> str:
            return f"{t(f'value.{v}')} [{t(f'basis.{basis}')}]"

        params = join(
            [
                f"{t(f'param.{p}')}{left}{value(va, ba)} → {value(vb, bb)}{right}"
                for p, (va, ba), (vb, bb) in self.parameters
            ],
            lang,
            long=True,
        )
        text = render(
            self.case,
            msg(
                "divergence",
                level_a=Ids((a,)),
                level_b=Ids((b,)),
                result_a=Term("result", self.results[0]),
                result_b=Term("result", self.results[1]),
                parameters=params,
            ),
            lang,
        )
        if not self.evidence:
            return text
        sep = "" if lang == "zh-CN" else " "
        extra = [
            render(
                self.case,
                msg(_difference_key(self.case, item), evidence=[item], level=[level]),
                lang,
            )
            for item, level in self.evidence
        ]
        return sep.join([text, *extra])


@dataclass(frozen=True, slots=True)
class Judgment:
    """Every level of one case, for one world."""

    case: Case
    world: World
    levels: tuple[LevelJudgment, ...]

    def level(self, level_id: str) -> LevelJudgment:
        for lv in self.levels:
            if lv.id == level_id:
                return lv
        raise KeyError(f"unknown level '{level_id}'; valid: {', '.join(self.level_ids)}")

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(lv.id for lv in self.levels)

    @property
    def divergences(self) -> tuple[Divergence, ...]:
        """For each pair of consecutive levels that differ, the first issue where they do."""
        found = []
        for first, second in zip(self.levels, self.levels[1:], strict=False):
            d = _first_difference(self.case, first, second, self.world)
            if d is not None:
                found.append(d)
        return tuple(found)

    @property
    def divergence(self) -> Divergence | None:
        """None, or the first issue where consecutive levels differ, and why."""
        found = self.divergences
        return found[0] if found else None

    def disposition(self, level_id: str, lang: str = "en") -> str | None:
        """What an appeal level orders, in the court's idiom (None for the first level)."""
        return disposition(self, level_id, lang)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The `evaluate --json` object (schema: `schemas/judgment.schema.json`).

        `divergences` has one entry per pair of consecutive levels that differ;
        `divergence` repeats the first of them (or None), as earlier versions gave it.
        """
        divergences = [_divergence_dict(d, lang) for d in self.divergences]
        return {
            "case": self.case.id,
            "pack": self.case.pack.id,
            "lang": lang,
            "world": dict(self.world),
            "assumptions": [
                {"id": a.id, "text": a.text(lang), "concerns": list(a.concerns)}
                for a in self.case.file.assumptions
            ],
            "levels": [
                {**_level_dict(self.case, lv, lang), "disposition": self.disposition(lv.id, lang)}
                for lv in self.levels
            ],
            "divergence": divergences[0] if divergences else None,
            "divergences": divergences,
        }


def _divergence_dict(d: Divergence, lang: str) -> dict[str, Any]:
    return {
        "issue": d.issue,
        "levels": list(d.levels),
        "defendant": d.defendant,
        "results": [str(r) for r in d.results],
        "parameters": [
            {"parameter": p, "values": [va, vb], "bases": [ba, bb]}
            for p, (va, ba), (vb, bb) in d.parameters
        ],
        "evidence": [{"item": item, "before": level} for item, level in d.evidence],
        "reason": d.reason(lang),
    }


def _first_difference(
    case: Case, a: LevelJudgment, b: LevelJudgment, world: World | None = None
) -> Divergence | None:
    for issue in case.pack.issues:
        for defendant in case.defendants:
            sa, sb = a.step(issue, defendant), b.step(issue, defendant)
            if sa.result != sb.result:
                read = [p for p in a.doctrine.values if p in sa.doctrine_reads | sb.doctrine_reads]
                params = tuple(
                    (p, (a.doctrine[p], a.doctrine.basis[p]), (b.doctrine[p], b.doctrine.basis[p]))
                    for p in read
                    if a.doctrine[p] != b.doctrine[p]
                )
                return Divergence(
                    issue,
                    (a.id, b.id),
                    defendant,
                    (sa.result, sb.result),
                    params,
                    case,
                    _evidence_difference(case, world, a, b, sa.reads | sb.reads),
                )
    return None


def _difference_key(case: Case, item: str) -> str:
    """How a difference in what was before each court reads: an item of evidence before one
    court only, or an assumption that is one judgment's premise only (never 'evidence')."""
    return (
        "divergence.premise" if case.evidence[item].kind == "assumption" else "divergence.evidence"
    )


def _evidence_difference(
    case: Case, world: World | None, a: LevelJudgment, b: LevelJudgment, reads: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """Items read by the diverging steps, in the world, that were before one court only."""
    if world is None:
        return ()
    ctx_a = Context(case, a.id, a.doctrine, world)
    ctx_b = Context(case, b.id, b.doctrine, world)
    found = []
    for item in sorted(reads):
        if item in case.evidence and world[item]:
            before_a, before_b = ctx_a.before_court(item), ctx_b.before_court(item)
            if before_a != before_b:
                found.append((item, a.id if before_a else b.id))
    return tuple(found)


def _level_dict(case: Case, lv: LevelJudgment, lang: str) -> dict[str, Any]:
    level = case.levels[lv.id]
    differences = lv.record_differences()
    return {
        "id": lv.id,
        "label": level.label(lang),
        "court": level.court(lang),
        "liable": lv.liable,
        "remedies": list(lv.remedies),
        "defendants": {d.id: d.outcome().to_dict() for d in lv.defendants.values()},
        "doctrine": {
            p: {"value": v, "basis": lv.doctrine.basis[p]} for p, v in lv.doctrine.values.items()
        },
        "record": {"matches": not differences, "differences": [d.to_dict() for d in differences]},
        "reasoning_order": list(lv.reported_order),
        "steps": [
            {
                "issue": s.issue,
                "defendant": s.defendant,
                "result": str(s.result),
                "burden_on": s.burden_on,
                "standard": s.standard,
                "rules": list(s.rules),
                "see_also": list(s.see_also),
                "basis": s.basis,
                "evidence": list(s.evidence),
                "text": s.text(lang),
                "reads": sorted(s.reads),
                "doctrine_reads": sorted(s.doctrine_reads),
                "assumptions": list(s.assumptions),
            }
            for s in lv.steps
        ],
    }
