"""Evaluate every level of a case for one world: the engine's single entry point.

Each level is the same issue tests (the case's pack's, in the pack's order) read under that
level's doctrine (Carneades: one argument structure, several audiences). A defendant's walk
stops at the first issue that is not made out; later issues are `not_reached` (unless the
pack says `walk: independent`: then every issue is decided and says itself what it needs).
The engine names no issue, parameter or remedy: it reads them from `case.pack`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import WorldError
from .context import Context, issue_key
from .counting import ran_judgment, ran_level
from .judgment import DefendantJudgment, Judgment, LevelJudgment
from .steps import AssumptionIndex, IssueTest, Result, Step
from .texts import Message, Term, msg

if TYPE_CHECKING:
    from ..case import Case
    from ..doctrine import Doctrine
    from ..world import World


def _not_reached(failed: str) -> tuple[Message, ...]:
    """Why an issue is not reached: it names the issue that was not decided for the
    plaintiff (after a failed attribution, the fault and remedy rows say so)."""
    return (msg("not_reached", issue=Term("issue", failed)),)


DoctrineOverrides = Mapping[str, Mapping[str, str]]
"""level id -> {parameter: value}: what `--doctrine LEVEL.PARAM=VALUE` sets"""


def evaluate(case: Case, world: World, doctrine: DoctrineOverrides | None = None) -> Judgment:
    """Every level of `case` in `world`; raise `WorldError` if the world is not valid."""
    if set(world) != set(case.toggles):
        raise WorldError(f"this world does not belong to case '{case.id}'")
    world.check()
    doctrine = case.doctrine_overrides(doctrine)
    ran_judgment()
    levels = []
    for level_id in case.levels:
        preset = case.doctrine(level_id)
        if level_id in doctrine:
            preset = preset.with_values(doctrine[level_id])
        levels.append(_level(case, level_id, Context(case, level_id, preset, world), world))
    return Judgment(case, world, tuple(levels))


def _level(
    case: Case,
    level_id: str,
    ctx: Context,
    world: World,
    tests: Mapping[str, IssueTest] | None = None,
) -> LevelJudgment:
    ran_level()
    issues = case.pack.issues
    tests = tests or case.pack.tests
    per_defendant: dict[str, DefendantJudgment] = {}
    reported = case.levels[level_id].reported_issues
    assumptions = AssumptionIndex.of(case)
    independent = case.pack.walk == "independent"  # every issue decided, none stops the walk
    record_basis = case.record_basis
    for defendant in case.defendants:
        steps: list[Step] = []
        granted: tuple[str, ...] = ()
        awarded: dict[str, float | None] = {}
        carry_on = True
        failed = ""
        for issue in issues:
            if not carry_on:
                steps.append(
                    Step(
                        issue,
                        defendant,
                        Result.NOT_REACHED,
                        None,
                        None,
                        (),
                        (),
                        _not_reached(failed),
                        level=level_id,
                        basis=case.record_basis,
                        case=case,
                    )
                )
                continue
            ctx.begin()
            found = tests[issue](ctx, defendant)
            unreported = reported is not None and issue not in reported
            messages = _as_ours(case, found.messages) if unreported else tuple(found.messages)
            reads = frozenset(ctx.reads)
            doctrine_reads = frozenset(ctx.doctrine_reads)
            # a later rule that reads this result gets it as taken here, with these reads
            ctx.settle(issue_key(issue, defendant), found.result, reads, doctrine_reads)
            evidence = tuple(dict.fromkeys(found.evidence))
            reached = found.result is not Result.NOT_REACHED
            steps.append(
                Step(  # positional, in the order of Step's fields: one step per issue and run
                    issue,
                    defendant,
                    found.result,
                    found.burden_on,
                    found.standard if reached else None,
                    tuple(dict.fromkeys(found.rules)),
                    evidence,
                    messages,
                    level_id,
                    reads,
                    doctrine_reads,
                    "inferred" if unreported or found.basis == "inferred" else record_basis,
                    tuple(r for r in dict.fromkeys(found.see_also) if r not in found.rules)
                    if found.see_also
                    else (),
                    assumptions.resting(level_id, defendant, reads, evidence, messages)
                    if reached
                    else (),
                    case,
                )
            )
            carry_on = found.result.carries_on or independent
            failed = issue
            if found.remedies:  # the issue(s) that grant claims
                granted = (*granted, *found.remedies)
                awarded.update(found.awarded)
        per_defendant[defendant] = DefendantJudgment(
            defendant, bool(granted), granted, tuple(steps), awarded=MappingProxyType(awarded)
        )
    whole_level = case.pack.hook("whole_level")
    if whole_level is not None:  # what only the whole level can say (e.g. joint liability)
        per_defendant = whole_level(case, ctx, per_defendant)
    ordered = tuple(per_defendant[d].steps[i] for i in range(len(issues)) for d in case.defendants)
    level = case.levels[level_id]
    return LevelJudgment(
        id=level_id,
        doctrine=ctx.doctrine,
        defendants=per_defendant,
        steps=ordered,
        reported_order=tuple(level.reasoning_order or issues),
        liable=any(d.liable for d in per_defendant.values()),
        remedies=tuple(dict.fromkeys(r for d in per_defendant.values() for r in d.remedies)),
        case=case,
        world=world,
    )


def evaluate_level(
    case: Case,
    level_id: str,
    doctrine: Doctrine,
    read: Callable[[str], bool],
    *,
    tests: Mapping[str, IssueTest] | None = None,
) -> LevelJudgment:
    """One level under `doctrine`, reading each toggle through `read` as the tests ask.

    The analysis's door into the engine: `read` may choose a toggle's value when it is first
    read (to explore both branches) or refuse (raise) to cut a branch short. `tests` may stand
    in for the issue tests: the analysis passes each test compiled to a decision diagram,
    which reads its toggles through the same accessor and decides the same result. Nothing
    here checks a world's validity; the caller that chooses the values answers for that.
    """
    if level_id not in case.levels:
        raise KeyError(f"unknown level '{level_id}'; valid: {', '.join(case.levels)}")
    ctx = Context(case, level_id, doctrine, read=read)
    # no whole world here: the judgment's `world` is None
    return _level(case, level_id, ctx, ctx.world, tests)  # type: ignore[arg-type]


def _as_ours(case: Case, messages: list[Message]) -> tuple[Message, ...]:
    """A step on an issue the court is not reported to have decided: opened by a label that
    says so, each court-voice sentence swapped for its `.ours` form (the same content, stated
    as our reading), so a dismissing court never 'holds' elements it did not decide."""
    keys = case.pack.template_keys
    swapped = [
        Message(f"{m.key}.ours", m.params) if f"{m.key}.ours" in keys else m for m in messages
    ]
    return (msg("note.unreported"), *swapped)
