"""What the analysis reports is what the engine does: minimal conditions evaluated back,
settled results under every completion of the unknowns, one-flip sensitivity against
`evaluate` with the `requires` cascade, influence counts, and the doctrine decomposition."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mootcourt import Case, WorldError, evaluate, load_case
from mootcourt.analysis import explain
from mootcourt.analysis.compile import compile_level, space_of
from mootcourt.analysis.conditions import minimal_condition
from mootcourt.analysis.worlds import every_world

from .conftest import CASE_IDS

CASES = {case_id: load_case(case_id) for case_id in CASE_IDS}


def test_conditions_reproduce_the_engine(case: Case) -> None:
    """Each term is read back as plain Python: against `evaluate` in every valid world of
    Pang and in a uniform sample of the record case's, and against the compiled diagram
    (which `test_analysis_compile` checks equals `evaluate`) in a larger sample."""
    space = space_of(case)
    record = case.record_world()
    total = space.count(space.valid)
    every = list(space.members(space.valid)) if total <= 20_000 else None
    small = every if every is not None and total <= 1000 else space.sample(space.valid, 300, 11)
    large = every if every is not None else space.sample(space.valid, 20_000, 12)
    for level in case.levels:
        tree = compile_level(case, level, case.doctrine(level))
        condition = minimal_condition(tree, every_world(tree))
        assert set(condition.toggles) <= set(case.toggles)

        def holds(world, terms=condition.terms) -> bool:
            return any(all(world[t] == v for t, v in term.items()) for term in terms)

        for values in small:
            world = record.with_toggles(values)
            assert holds(world) == evaluate(case, world).level(level).liable, (level, world)
        for values in large:
            assert holds(values) == tree.outcome(values)[0], (level, values)


def test_conditions_use_only_relevant_toggles(case: Case) -> None:
    for level in case.levels:
        tree = compile_level(case, level, case.doctrine(level))
        counts = every_world(tree)
        condition = minimal_condition(tree, counts)
        used = {t for term in condition.terms for t in term}
        assert used <= set(counts.relevant), level


def test_pang_influence_equals_brute_force(pang: Case) -> None:
    """Influence counts the flips a student can make (off cascades through `requires`; on
    needs what it requires), world by world, here with the explorer's own cascade."""
    space = space_of(pang)
    trees = {lv: compile_level(pang, lv, pang.doctrine(lv)) for lv in pang.levels}
    counts = {lv: every_world(tree) for lv, tree in trees.items()}
    expected = {lv: dict.fromkeys(pang.toggles, 0) for lv in pang.levels}
    liable = dict.fromkeys(pang.levels, 0)
    valid = 0
    record = pang.record_world()
    for values in itertools.product((False, True), repeat=len(space.ids)):
        world = record.with_toggles(dict(zip(space.ids, values, strict=True)))
        if not world.is_valid:
            continue
        valid += 1
        for lv, tree in trees.items():
            before = tree.outcome(world)[0]
            liable[lv] += before
            for t in pang.toggles:
                if world.blocked_by(t):
                    continue
                flipped = world.with_toggles({t: not world[t]}, cascade=True)
                expected[lv][t] += tree.outcome(flipped)[0] != before
    for lv in pang.levels:
        assert counts[lv].valid == valid
        assert counts[lv].liable == liable[lv]
        assert counts[lv].influence == expected[lv], lv


def test_valid_world_counts(case: Case) -> None:
    """The count of valid worlds, checked independently: enumerate only the toggles that take
    part in a `requires` (the rest are free, each doubling the count)."""
    bound = {t for t in case.toggles if case.toggles[t].requires} | {
        need for t in case.toggles.values() for need in t.requires
    }
    ordered = sorted(bound)
    allowed = sum(
        all(
            not values[t] or all(values[need] for need in case.toggles[t].requires) for t in ordered
        )
        for values in (
            dict(zip(ordered, combo, strict=True))
            for combo in itertools.product((False, True), repeat=len(ordered))
        )
    )
    expected = allowed << (len(case.toggles) - len(ordered))
    report = explain(case, conditions=False)
    for counts in report.counts.values():
        assert counts.valid == expected


@st.composite
def partial_worlds(draw):
    case = CASES[draw(st.sampled_from(CASE_IDS))]
    record = case.record_world()
    values = {t: draw(st.booleans()) for t in case.toggles}
    world = record.with_toggles(values).repaired()
    unknown = draw(st.lists(st.sampled_from(list(case.toggles)), max_size=5, unique=True))
    facts = {t: (None if t in unknown else world[t]) for t in case.toggles}
    return case, facts


@settings(max_examples=20)
@given(partial_worlds())
def test_settled_means_the_same_in_every_completion(setup) -> None:
    case, facts = setup
    report = explain(case, facts, conditions=False)
    unknown = [t for t, v in facts.items() if v is None]
    record = case.record_world()
    results = {lv: set() for lv in case.levels}
    for values in itertools.product((False, True), repeat=len(unknown)):
        world = record.with_toggles({**facts, **dict(zip(unknown, values, strict=True))})
        if world.is_valid:
            judgment = evaluate(case, world)
            for lv in case.levels:
                results[lv].add(judgment.level(lv).liable)
    for lv in case.levels:
        found = report.settled[lv]
        if found.settled:
            assert results[lv] == {found.result}, lv
            assert found.depends_on == ()
        else:
            assert results[lv] == {False, True}, lv
            assert set(found.depends_on) <= set(unknown) and found.depends_on


def test_sensitivity_matches_evaluate_with_the_cascade(case: Case) -> None:
    rng = random.Random(5)
    record = case.record_world()
    worlds = [record] + [
        record.with_toggles({t: rng.random() < 0.5 for t in case.toggles}).repaired()
        for _ in range(15)
    ]
    for world in worlds:
        report = explain(case, dict(world), conditions=False)
        before = evaluate(case, world)
        for effect in report.sensitivity:
            blocked = world.blocked_by(effect.toggle) if not world[effect.toggle] else ()
            assert effect.unavailable == bool(blocked)
            if blocked:
                assert effect.flip.blocked_by == blocked and not effect.levels
                continue
            after = evaluate(
                case, world.with_toggles({effect.toggle: not world[effect.toggle]}, cascade=True)
            )
            for lv in case.levels:
                change = effect.levels[lv]
                assert change.before == before.level(lv).liable
                assert change.after == after.level(lv).liable
                if change.changes:
                    assert change.issue is not None


def test_unknown_toggles_cannot_be_flipped(liu: Case) -> None:
    report = explain(liu, {"data_flow_statement": None}, conditions=False)
    effect = next(e for e in report.sensitivity if e.toggle == "data_flow_statement")
    assert effect.flip is None and not effect.levels
    assert report.to_dict()["world"]["data_flow_statement"] == "unknown"


def test_record_reversal_needs_attribution(liu: Case) -> None:
    """In the record world the appeal's move to field-level attribution (reported) is
    necessary for the reversal; every move keeps its basis."""
    (found,) = explain(liu, conditions=False).decomposition
    assert found.reversal and found.start is False and found.target is True
    moves = {m.parameter: m for m in found.moves}
    assert moves["attribution"].necessary
    assert moves["attribution"].after == ("field_level", "reported")
    for move in found.moves:
        assert move.necessary == all(
            move.parameter in made for made, r in found.subsets if r == found.target
        )
        assert move.sufficient == (((move.parameter,), found.target) in found.subsets)
    assert sum(m.pivotal for m in found.moves) == len(found.paths)


def test_decomposition_with_unknowns_can_be_open(liu: Case) -> None:
    (found,) = explain(liu, {"fraud_calls": None, "callers_named_platform": None}).decomposition
    results = {r for _, r in found.subsets}
    assert results <= {True, False, None}


def test_known_facts_that_break_a_requirement_are_refused(liu: Case) -> None:
    with pytest.raises(WorldError, match="'callers_named_platform' requires 'fraud_calls'"):
        explain(liu, {"fraud_calls": False, "callers_named_platform": True})
    with pytest.raises(WorldError, match="unknown toggle 'nope'; valid: "):
        explain(liu, {"nope": True})


def test_sentences_in_both_languages_use_the_case_labels(liu: Case) -> None:
    report = explain(liu)
    en, zh = report.to_dict("en"), report.to_dict("zh-CN")
    assert en["condition_text"]["second_instance"].startswith(
        "Second instance (Beijing No. 4 Intermediate People's Court) finds the platform liable "
        "exactly when: "
    )
    assert "当且仅当：" in zh["condition_text"]["second_instance"]
    assert liu.label("fraud_calls", "zh-CN") in zh["condition_text"]["second_instance"]
    assert all("{" not in e["text"] for e in en["sensitivity"] + zh["sensitivity"])


def test_evaluating_the_neighbours_gives_the_compiled_answers(case: Case) -> None:
    """The What-if tab's first view evaluates the one-flip worlds instead of compiling: it
    must say exactly what the compiled analysis says."""
    rng = random.Random(8)
    record = case.record_world()
    worlds = [record] + [
        record.with_toggles({t: rng.random() < 0.5 for t in case.toggles}).repaired()
        for _ in range(6)
    ]
    for world in worlds:
        compiled = explain(case, dict(world), conditions=False)
        direct = explain(case, dict(world), conditions=False, compiled=False)
        assert direct.sensitivity == compiled.sensitivity
        assert direct.decomposition == compiled.decomposition
        assert {lv: s.result for lv, s in direct.settled.items()} == {
            lv: s.result for lv, s in compiled.settled.items()
        }
