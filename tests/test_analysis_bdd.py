"""The decision diagrams the analysis counts with are exact, and so is the analysis built on
them at 30 toggles.

1. The manager (`analysis.bdd`) against truth tables: random functions of up to ten
   toggles, every operation the analysis uses (and, or, xor, not, a toggle forced, toggles
   forgotten, counting, listing, drawing), compared with the brute-force answer.
2. The record case with five more hypothetical parties (30 toggles, hundreds of millions of
   valid worlds): each level compiled below random known facts with a few left unknown, and
   its counts, its settled result and the outcome of sampled worlds compared with plain
   `evaluate` over every completion of the unknowns.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mootcourt import Case, evaluate, load_case
from mootcourt.analysis.bdd import BDD, FALSE, TRUE
from mootcourt.analysis.compile import compile_level, space_of
from mootcourt.analysis.sensitivity import settled
from tests.benchmarks.bench_analysis import with_extra_parties

NAMES = tuple(f"t{i}" for i in range(10))


def _from_table(bdd: BDD, names: tuple[str, ...], table: list[bool]) -> int:
    """The set of assignments whose row (bit k: names[k] on) is true, one minterm at a time."""
    found = FALSE
    for row, value in enumerate(table):
        if value:
            cube = {t: bool(row >> k & 1) for k, t in enumerate(names)}
            found = bdd.OR(found, bdd.cube(cube))
    return found


@st.composite
def tables(draw):
    n = draw(st.integers(1, 8))
    rows = 1 << n
    left = draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
    right = draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
    forced = draw(st.dictionaries(st.sampled_from(NAMES[:n]), st.booleans(), max_size=3))
    gone = draw(st.lists(st.sampled_from(NAMES[:n]), max_size=3, unique=True))
    return n, left, right, forced, gone


@settings(max_examples=60)
@given(tables())
def test_the_manager_agrees_with_truth_tables(setup) -> None:
    n, left, right, forced, gone = setup
    names = NAMES[:n]
    bdd = BDD(NAMES)  # more variables than used: counts are over all ten
    f, g = _from_table(bdd, names, left), _from_table(bdd, names, right)
    scale = 1 << (len(NAMES) - n)
    rows = range(1 << n)

    def row_world(row: int) -> dict[str, bool]:
        return {t: bool(row >> k & 1) for k, t in enumerate(NAMES)}

    pairs = list(zip(left, right, strict=True))
    assert bdd.count(f) == sum(left) * scale
    assert bdd.count(bdd.AND(f, g)) == sum(a and b for a, b in pairs) * scale
    assert bdd.count(bdd.OR(f, g)) == sum(a or b for a, b in pairs) * scale
    assert bdd.count(bdd.XOR(f, g)) == sum(a != b for a, b in pairs) * scale
    assert bdd.NOT(bdd.NOT(f)) == f and bdd.OR(f, bdd.NOT(f)) == TRUE
    assert (f == g) == (left == right), "equal sets are the same node"
    assert sorted(bdd.assignments(f, names)) == [r for r in rows if left[r]]
    restricted = bdd.restrict(f, forced)
    forgotten = bdd.exists(f, gone)
    for row in rows:
        world = row_world(row)
        assert bdd.holds(f, world.__getitem__) == left[row]
        pinned = {**world, **forced}
        pinned_row = sum(1 << k for k, t in enumerate(names) if pinned[t])
        assert bdd.holds(restricted, world.__getitem__) == left[pinned_row]
        some = any(
            left[sum(1 << k for k, t in enumerate(names) if {**world, **dict(v)}[t])]
            for v in itertools.product(*[[(t, False), (t, True)] for t in gone])
        )
        assert bdd.holds(forgotten, world.__getitem__) == some
    assert bdd.support(f) <= set(names)
    if f != FALSE:
        drawn = bdd.sample(f, random.Random(n))
        assert bdd.holds(f, drawn.__getitem__) and set(drawn) == set(NAMES)


@pytest.fixture(scope="module")
def thirty(tmp_path_factory: pytest.TempPathFactory) -> Case:
    folder = with_extra_parties(Path(tmp_path_factory.mktemp("growth")), 5)
    case = load_case(folder)
    assert len(case.toggles) == 30
    return case


@st.composite
def partial_worlds(draw, toggles: tuple[str, ...]):
    values = {t: draw(st.booleans()) for t in toggles}
    unknown = draw(st.lists(st.sampled_from(toggles), min_size=1, max_size=6, unique=True))
    return values, unknown


@settings(max_examples=8)
@given(data=st.data())
def test_the_analysis_at_thirty_toggles_agrees_with_evaluate(thirty: Case, data) -> None:
    case = thirty
    values, unknown = data.draw(partial_worlds(tuple(case.toggles)))
    world = case.record_world().with_toggles(values).repaired()
    facts: dict[str, bool | None] = {t: (None if t in unknown else world[t]) for t in world}
    known = {t: v for t, v in facts.items() if v is not None}
    space = space_of(case)
    bdd = space.bdd
    completions = []
    for combo in itertools.product((False, True), repeat=len(unknown)):
        candidate = world.with_toggles(dict(zip(unknown, combo, strict=True)))
        if candidate.is_valid:
            completions.append(candidate)
    assert bdd.count(bdd.AND(space.valid, space.cube(known))) == len(completions)
    judgments = [evaluate(case, w) for w in completions]
    for level in case.levels:
        tree = compile_level(case, level, case.doctrine(level), known)
        liable = bdd.AND(bdd.AND(tree.liable, space.valid), space.cube(known))
        expected = [j.level(level).liable for j in judgments]
        assert bdd.count(liable) == sum(expected), level
        found = settled(tree, facts)
        if found.settled:
            assert set(expected) == {found.result}, level
        else:
            assert set(expected) == {False, True}, level
        for w, j in zip(completions, judgments, strict=True):
            assert tree.outcome(w)[0] == j.level(level).liable, (level, w)
