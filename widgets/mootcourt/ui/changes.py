"""What an input changed: the cells, banners and source lists whose content differs between
the judgment before and after it, so the views can mark them (`mc-changed`).

Pure functions of two judgments. Only what a student can see counts: a step's result,
burden, standard, rules, evidence and reasoning; a banner's verdicts, remedies and whether it
matches the real judgment; a level's possible sources; the data matrix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import Judgment, LevelJudgment, Step

Key = tuple[str, ...]
"""("step", level, defendant, issue) | ("outcome", level) | ("sources", level) | ("matrix",)
| ("divergence",)"""


def step_key(step: Step) -> Key:
    return ("step", step.level, step.defendant, step.issue)


def _visible(step: Step) -> tuple[object, ...]:
    return (
        step.result,
        step.burden_on,
        step.standard,
        step.rules,
        step.evidence,
        step.messages,
    )


def _outcome(level: LevelJudgment) -> tuple[object, ...]:
    per_defendant = tuple(
        (d.id, d.liable, d.remedies, tuple(d.awarded.items()), d.jointly_with)
        for d in level.defendants.values()
    )
    return (level.liable, level.remedies, per_defendant, level.matches_record)


def _sources(level: LevelJudgment) -> tuple[object, ...]:
    flow = level.sources
    if flow is None:  # a pack without a data-flow hook has nothing to compare
        return ()
    folded = tuple((d, ps) for d, ps in flow.folded.items() if ps)
    return (flow.rule, flow.sources, flow.excluded, folded)


def _matrix(judgment: Judgment) -> tuple[object, ...]:
    flows = [level.sources for level in judgment.levels]
    return tuple(
        (flow.leaked, tuple((p, tuple(flow.holdings[p].items())) for p in flow.parties))
        for flow in flows
        if flow is not None
    )


def _divergence(judgment: Judgment) -> tuple[object, ...]:
    return tuple((d.issue, d.levels, d.defendant, d.results) for d in judgment.divergences)


def changed(before: Judgment | None, after: Judgment) -> frozenset[Key]:
    """Every view key whose content differs from `before` to `after` (none on the first)."""
    if before is None:
        return frozenset()
    keys: set[Key] = set()
    for old, new in zip(before.levels, after.levels, strict=True):
        for a, b in zip(old.steps, new.steps, strict=True):
            if _visible(a) != _visible(b):
                keys.add(step_key(b))
        if _outcome(old) != _outcome(new):
            keys.add(("outcome", new.id))
        if _sources(old) != _sources(new):
            keys.add(("sources", new.id))
    if _matrix(before) != _matrix(after):
        keys.add(("matrix",))
    if _divergence(before) != _divergence(after):
        keys.add(("divergence",))
    return frozenset(keys)
