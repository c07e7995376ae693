"""The presenter's step-through: reveal order, bounds, and the split announced when reached."""

from __future__ import annotations

from mootcourt import evaluate
from mootcourt.ui.stepthrough import OUTCOME, StepThrough, reveal_order


def test_each_court_in_the_order_it_reasoned_then_its_outcome(liu) -> None:
    judgment = evaluate(liu, liu.record_world())
    order = reveal_order(judgment)
    second = [issue for level, issue in order if level == "second_instance"]
    reported = list(
        dict.fromkeys(s.issue for s in judgment.level("second_instance").steps_in_reported_order())
    )
    assert second == [*reported, OUTCOME]
    assert order[0][0] == "first_instance"
    assert len(order) == sum(len(lv.reported_order) + 1 for lv in judgment.levels)


def test_next_and_previous_stay_in_bounds(liu) -> None:
    steps = StepThrough(evaluate(liu, liu.record_world()))
    steps.previous()
    assert steps.position == 0 and not steps.revealed
    for _ in range(100):
        steps.next()
    assert steps.finished and len(steps.revealed) == len(steps.order)
    steps.previous()
    assert not steps.finished


def test_the_split_is_announced_when_its_cell_is_revealed(liu) -> None:
    judgment = evaluate(liu, liu.record_world())
    split = judgment.divergence
    assert split is not None
    steps = StepThrough(judgment)
    announced_at = []
    while not steps.finished:
        steps.next()
        if steps.announcement >= 0:
            announced_at.append(tuple(steps.order[steps.position - 1]))
    assert announced_at == [(split.levels[1], split.issue)]


def test_no_split_no_announcement(liu) -> None:
    """A world where the courts agree (no alias: neither court can exclude logistics)."""
    judgment = evaluate(liu, liu.record_world().with_toggles(alias_on_waybills=False))
    steps = StepThrough(judgment)
    steps.reveal_all()
    assert judgment.divergence is None or steps.announcement in (-1, 0)
    seen = set()
    steps.cover_all()
    while not steps.finished:
        steps.next()
        seen.add(steps.announcement)
    assert seen == ({-1} if judgment.divergence is None else {-1, 0})


def test_a_new_judgment_keeps_the_position(liu) -> None:
    steps = StepThrough(evaluate(liu, liu.record_world()))
    for _ in range(4):
        steps.next()
    steps.follow(evaluate(liu, liu.record_world().with_toggles(alias_on_waybills=False)))
    assert steps.position == 4


def test_assumptions_have_no_id_tooltip(liu) -> None:
    """Issue 19: an assumption is read by its text; its id never reaches a person."""
    from mootcourt.ui import Explorer

    judgment = evaluate(liu, liu.record_world())
    step = next((s for lv in judgment.levels for s in lv.steps if s.assumptions), None)
    if step is None:
        return
    x = Explorer(liu)
    x.state.select(step.issue, step.defendant)
    column = x.reading.columns[step.level].value
    assert "title=" not in column
    assert not any(a in column for a in step.assumptions)
