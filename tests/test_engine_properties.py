"""Properties of the engine over arbitrary valid worlds and doctrines (hypothesis).

They hold for any case file of any pack, so every real case is exercised; the CI profile in conftest
keeps the runs derandomised and bounded.
"""

from __future__ import annotations

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from mootcourt import Case, World, evaluate, load_case
from mootcourt.engine import Result
from mootcourt.schemas import committed

from .conftest import CASE_IDS

CASES = {case_id: load_case(case_id) for case_id in CASE_IDS}
VALID_RESULTS = set(Result)


@st.composite
def setups(draw):
    case = CASES[draw(st.sampled_from(CASE_IDS))]
    values = {t: draw(st.booleans()) for t in case.toggles}
    params = case.pack.parameters  # the doctrine of the case's own pack
    doctrine = {
        level: {p: draw(st.sampled_from(params[p].values)) for p in params} for level in case.levels
    }
    return case, case.record_world().with_toggles(values).repaired(), doctrine


@given(setups())
def test_every_valid_world_evaluates_to_a_well_formed_judgment(setup) -> None:
    case, world, doctrine = setup
    judgment = evaluate(case, world, doctrine)
    assert [lv.id for lv in judgment.levels] == list(case.levels)
    for lv in judgment.levels:
        for defendant in case.defendants:
            steps = lv.defendants[defendant].steps
            assert [s.issue for s in steps] == list(case.pack.issues)
            chain = case.pack.walk == "chain"  # else every issue is decided on its own rules
            stopped = False
            for step in steps:
                assert step.result in VALID_RESULTS
                if chain:
                    assert (step.result is Result.NOT_REACHED) == stopped, (lv.id, step.issue)
                stopped = stopped or not step.result.carries_on
                assert step.text("en") and step.text("zh-CN")
                assert all(r in case.law for r in step.rules)
            remedy_granted = steps[-1].result is Result.ESTABLISHED
            assert lv.defendants[defendant].liable is remedy_granted
        assert lv.liable is any(d.liable for d in lv.defendants.values())


def _liable(case: Case, world: World, doctrine) -> dict[str, bool]:
    return {lv.id: lv.liable for lv in evaluate(case, world, doctrine).levels}


def _can_turn_on(world: World, toggle: str) -> bool:
    return not world[toggle] and world.with_toggles({toggle: True}).is_valid


@given(setups())
def test_more_defence_evidence_never_makes_a_defendant_liable(setup) -> None:
    case, world, doctrine = setup
    before = _liable(case, world, doctrine)
    for e in case.evidence.values():
        is_defence = e.defeats and any(p in case.defendants for p in e.offered_by)
        if is_defence and _can_turn_on(world, e.id):
            after = _liable(case, world.with_toggles({e.id: True}), doctrine)
            for level, liable in before.items():
                assert liable or not after[level], (e.id, level)


@given(setups())
def test_another_possible_source_never_makes_a_defendant_liable(setup) -> None:
    case, world, doctrine = setup
    before = _liable(case, world, doctrine)
    for party in case.handlers:
        if _can_turn_on(world, party):
            after = _liable(case, world.with_toggles({party: True}), doctrine)
            for level, liable in before.items():
                assert liable or not after[level], (party, level)


VALIDATOR = jsonschema.Draft202012Validator(committed("judgment"))


@given(setups(), st.sampled_from(["en", "zh-CN"]))
def test_json_output_follows_the_committed_schema(setup, lang: str) -> None:
    case, world, doctrine = setup
    VALIDATOR.validate(evaluate(case, world, doctrine).to_dict(lang))
