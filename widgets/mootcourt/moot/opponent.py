"""The other side: the engine drafts the opposing side's strongest points for the same court.

Why: one student can then moot alone, answering a reply that is the court's own reasoning
rather than a straw man. The other side's strongest points are the issues the court, on the
record and its own doctrine, decides its way: for the plaintiff, every issue made out
(established or presumed); for a defendant, every issue not made out. Each point carries the
step's rules and the evidence it weighed that is in the record; the words are left to the
students (in class, two teams exchange briefs instead).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.steps import Result
from .brief import Brief, Point, opposite_sides
from .reasoning import court

if TYPE_CHECKING:
    from ..case import Case


def opposing_brief(case: Case, brief: Brief) -> Brief:
    """The opposing side's strongest points (for a plaintiff's brief against several
    defendants: the first defendant it argues against; `opposing_briefs` gives each)."""
    return opposing_briefs(case, brief)[0]


def opposing_briefs(case: Case, brief: Brief) -> tuple[Brief, ...]:
    """One opposing brief per side that answers this one (a judgment has none but the
    plaintiff's and each defendant's own: judge mode compares instead)."""
    here = court(case, brief.court)
    found = []
    for side in opposite_sides(brief, case):
        if side == case.plaintiff:
            defendants = (brief.side,) if brief.side in case.defendants else tuple(case.defendants)
        else:
            defendants = (side,)
        points = []
        for defendant in defendants:
            for issue in case.pack.issues:
                step = here.step(issue, defendant)
                if step.result in (Result.NOT_REACHED, Result.UNCERTAIN):
                    continue
                plaintiff_wins = step.result.carries_on
                if plaintiff_wins != (side == case.plaintiff):
                    continue
                points.append(
                    Point(
                        issue=issue,
                        claim=step.result.value,
                        against=defendant
                        if side == case.plaintiff and len(case.defendants) > 1
                        else None,
                        rules=step.rules,
                        evidence=tuple(e for e in step.evidence if here.world[e]),
                    )
                )
        found.append(
            Brief(
                case=case.id,
                side=side,
                court=brief.court,
                lang=brief.lang,
                points=tuple(points),
            )
        )
    return tuple(found)
