"""Temporal applicability: is a cited rule in force on the dates it judges?

Dates are intervals: a report saying "late November 2021" gives 2021-11-21 to 2021-11-30, and
an unknown bound stays open. Toggles (e.g. a hypothetical that the orders predate a law)
replace intervals through the case timeline's `changes`. A substantive rule must be in force
at some date of the facts; a rule of procedure when the court decided. Which date decides
whether a new statute reaches the facts (the leak pack's `temporal_anchor`) is a pack's law,
not the engine's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..casefile import Interval
from .context import Context

if TYPE_CHECKING:
    from ..case import Case


@dataclass(frozen=True, slots=True)
class Dates:
    collected: Interval
    first_harm: Interval
    last_harm: Interval


def dates(ctx: Context) -> Dates:
    """The case's timeline in this world, after the changes whose toggles are on.

    Each change's toggles are read through the accessor in order, every time (the step must
    record them); what the readings give is computed once per case and combination."""
    return _dates(ctx.case, _changes_on(ctx))


def _changes_on(ctx: Context) -> tuple[bool, ...]:
    """Which of the timeline's changes apply (read once per run, recorded for every step)."""
    return ctx.remembered("timeline", lambda: _read_changes(ctx))


def _read_changes(ctx: Context) -> tuple[bool, ...]:
    timeline = ctx.case.file.timeline
    return tuple(ctx.all_on(change.when) for change in timeline.changes) if timeline else ()


@lru_cache(maxsize=256)
def _dates(case: Case, on: tuple[bool, ...]) -> Dates:
    timeline = case.file.timeline
    if timeline is None:  # a case with no timeline: every date unknown (open)
        return Dates(Interval(), Interval(), Interval())
    current = {
        "collected": timeline.collected,
        "first_harm": timeline.first_harm,
        "last_harm": timeline.last_harm,
    }
    for change, applies_here in zip(timeline.changes, on, strict=True):
        if applies_here:
            for name in current:
                replacement = getattr(change, name)
                if replacement is not None:
                    current[name] = replacement
    return Dates(**current)


def on_or_after(interval: Interval, start: dt.date) -> bool | None:
    """Is the date this interval stands for on or after `start`? None: the interval straddles."""
    if interval.start is not None and interval.start >= start:
        return True
    if interval.end is not None and interval.end < start:
        return False
    return None


# --- Law in force for every rule a step cites -------------------------------------------------
#
# A substantive rule must be in force at some date of the facts it judges (from the collection
# of the leaked data to the last harmful contact); a rule of procedure or evidence must be in
# force when the court decided (程序从新). Laws whose rules are procedural are listed here; the
# transitional rules (which law applies in time) are judged at the decision too.
PROCEDURAL_LAWS = frozenset(
    {
        "cpl",
        "cpl-2012",
        "cpl-interp",
        "cpl-interp-2015",
        "evidence",
        "evidence-2001",
        "legislation-law",
    }
)
TRANSITIONAL_LAWS = frozenset({"legislation-law", "cc-time"})


def facts_window(ctx: Context) -> Interval:
    """The dates of the facts in this world: collection of the leaked data to the last harm
    (storage after the last harm caused no harm, so it does not extend the window)."""
    return _facts_window(ctx.case, _changes_on(ctx))


@lru_cache(maxsize=256)
def _facts_window(case: Case, on: tuple[bool, ...]) -> Interval:
    when = _dates(case, on)
    return Interval(start=when.collected.start, end=when.last_harm.end)


def decided_window(ctx: Context) -> Interval:
    """When this level decided (an open interval where the date was not published)."""
    return ctx.case.levels[ctx.level].decided or Interval()


def in_force_during(ctx: Context, article_id: str, window: Interval) -> bool:
    """False only where the article is known not to be in force on any date of `window`:
    it took effect after the window ends, or its law was repealed before the window starts."""
    return _in_force_during(ctx.case, article_id, window.start, window.end)


@lru_cache(maxsize=4096)
def _in_force_during(
    case: Case, article_id: str, first: dt.date | None, last: dt.date | None
) -> bool:
    law = case.law
    article = law.article(article_id)
    start = law.in_force(article.id)
    repealed = law.laws[article.law].repealed
    if start is not None and last is not None and start > last:
        return False
    return not (repealed is not None and first is not None and repealed <= first)


def judged_window(ctx: Context, article_id: str) -> Interval:
    """The dates a cited rule must be in force on: the decision for procedure and transitional
    rules, the facts for everything else."""
    if _procedural(ctx.case, article_id):
        return decided_window(ctx)
    return facts_window(ctx)


@lru_cache(maxsize=4096)
def _procedural(case: Case, article_id: str) -> bool:
    law_id = case.law.article(article_id).law
    return law_id in PROCEDURAL_LAWS or law_id in TRANSITIONAL_LAWS


def in_force(ctx: Context, ids: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of `ids` in force on the dates they judge, in order (once per run of a level:
    the steps cite the same slots again and again)."""
    ids = tuple(ids)
    return ctx.remembered(("in_force", ids), lambda: _in_force_now(ctx, ids))


def _in_force_now(ctx: Context, ids: tuple[str, ...]) -> tuple[str, ...]:
    """`in_force` worked out: each window read once (the facts' window reads the timeline's
    toggles, recorded for the step whichever id asked first)."""
    case = ctx.case
    facts: Interval | None = None
    found = []
    for i in ids:
        if _procedural(case, i):
            window = decided_window(ctx)
        else:
            if facts is None:
                facts = facts_window(ctx)
            window = facts
        if _in_force_during(case, i, window.start, window.end):
            found.append(i)
    return tuple(found)
