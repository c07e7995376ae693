"""The explorer's state on its own: one evaluation per input, none for language or reading,
and what changed between two judgments."""

from __future__ import annotations

import asyncio

import pytest

from mootcourt import Case, WorldError, evaluate
from mootcourt.engine import counting
from mootcourt.ui import ExplorerState
from mootcourt.ui.changes import changed

from .threads import in_a_fresh_thread


def test_one_input_one_evaluation_and_none_for_presentation(liu: Case) -> None:
    state = ExplorerState(liu, lang="en")
    assert state.evaluations == 1
    assert (state.selected_issue, state.defendant) == ("attribution", "platform")
    state.set_toggle("fraud_calls", False)  # cascades: three toggles, one evaluation
    assert state.evaluations == 2
    assert not state.world["callers_named_platform"]
    state.lang = "zh-CN"
    state.select("fault")
    assert state.evaluations == 2
    state.apply_scenario(1)
    assert state.evaluations == 3 and state.scenario == 1
    state.set_doctrine("first_instance", "attribution", "field_level")
    assert state.scenario == -1, "any other input leaves the prepared hypothetical"
    assert state.doctrine == {"first_instance": {"attribution": "field_level"}}
    state.as_decided("first_instance")
    assert state.doctrine == {}
    assert repr(state).startswith("<ExplorerState liu-v-platform-2024 lang=zh-CN")


def test_a_blocked_toggle_is_refused_and_the_state_kept(liu: Case) -> None:
    state = ExplorerState(liu)
    state.set_toggle("fraud_calls", False)
    world, evaluations = state.world, state.evaluations
    with pytest.raises(WorldError):
        state.set_toggle("callers_named_platform", True)
    assert state.world == world and state.evaluations == evaluations


def test_changed_names_only_what_differs(liu: Case) -> None:
    record = evaluate(liu, liu.record_world())
    assert changed(None, record) == frozenset()
    assert changed(record, evaluate(liu, liu.record_world())) == frozenset()
    alias_off = evaluate(liu, liu.record_world().with_toggles(alias_on_waybills=False))
    keys = changed(record, alias_off)
    assert ("outcome", "second_instance") in keys
    assert ("outcome", "first_instance") not in keys
    assert ("step", "second_instance", "platform", "attribution") in keys
    assert ("step", "first_instance", "platform", "processor") not in keys
    assert ("matrix",) in keys, "without the alias logistics may hold the real name"
    assert ("divergence",) in keys


def test_the_counters_are_the_engines(liu: Case) -> None:
    """The state's counters come from the engine's hook, so they include the What-if's runs;
    asking for the What-if computes nothing until the loop's next turn (`settle`)."""
    state = ExplorerState(liu)
    with counting() as runs:
        state.set_toggle("fraud_calls", False)
    assert (runs.judgments, runs.levels) == (1, len(liu.levels))
    assert state.evaluations == 2 and state.level_runs == 2 * len(liu.levels)
    with counting() as runs:
        state.request_whatif()
    assert runs.levels == 0 and state.whatif is None and state.whatif_pending
    with counting() as runs:
        state.settle()
    assert state.whatif is not None and not state.whatif_pending
    assert runs.levels == state.whatif_runs > 0
    assert state.level_runs == 2 * len(liu.levels) + state.whatif_runs
    assert state.evaluations == 2, "the analysis is not an input"


def test_in_a_running_loop_the_whatif_follows_the_courts(pang: Case) -> None:
    """Inside an event loop (the kernel's), an input leaves the What-if stale and the next
    turn of the loop brings it, for the new world."""

    async def clicks() -> None:
        state = ExplorerState(pang)
        state.request_whatif()
        assert state.whatif is None
        await asyncio.sleep(0)
        assert state.whatif is not None and state.whatif.facts == dict(state.world)
        toggle = next(t for t in pang.toggles if not state.world.blocked_by(t))
        state.set_toggle(toggle, not state.world[toggle])
        assert state.whatif is None and state.whatif_pending
        await asyncio.sleep(0)
        assert state.whatif is not None and state.whatif.facts == dict(state.world)

    # in a thread of its own: the browser tests' Playwright keeps a loop in the main thread
    in_a_fresh_thread(lambda: asyncio.run(clicks()))
