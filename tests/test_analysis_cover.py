"""The cover read off a diagram (`analysis.cover`) is exact and irredundant, agrees with
sympy's Quine-McCluskey on Guo's condition, and is what lets Guo's What-if open in about a
second (its blocks of 10 and 11 toggles took 3 s and 12 s by Quine-McCluskey)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mootcourt import load_case
from mootcourt.analysis import conditions
from mootcourt.analysis.bdd import BDD, FALSE
from mootcourt.analysis.compile import compile_level
from mootcourt.analysis.cover import irredundant_cover, table_diagram
from mootcourt.analysis.worlds import every_world

NAMES = tuple(f"t{i}" for i in range(9))
GUO = "guo-v-hangzhou-wildlife-world-2021"


def _union(bdd: BDD, products: list[dict[str, bool]]) -> int:
    found = FALSE
    for product in products:
        found = bdd.OR(found, bdd.cube(product))
    return found


@st.composite
def tables(draw):
    n = draw(st.integers(1, len(NAMES)))
    rows = draw(st.sets(st.integers(0, (1 << n) - 1)))
    return NAMES[:n], rows


@settings(max_examples=80)
@given(tables())
def test_the_cover_is_exact_and_nothing_in_it_is_idle(drawn) -> None:
    names, table = drawn
    bdd = BDD(names)
    target = table_diagram(bdd, names, table)
    cover = irredundant_cover(bdd, target)
    assert _union(bdd, cover) == target
    for i, product in enumerate(cover):
        others = cover[:i] + cover[i + 1 :]
        assert _union(bdd, others) != target, f"product {product} is redundant"
        for literal in product:
            shorter = {t: v for t, v in product.items() if t != literal}
            assert _union(bdd, [*others, shorter]) != target, f"{literal} idle in {product}"


def test_a_block_past_quine_mccluskeys_reach_is_covered_from_the_diagram(monkeypatch) -> None:
    """Guo's blocks exceed `EXACT_UP_TO`: they go through the cover, never through sympy, and
    the condition is the one Quine-McCluskey finds (checked exactly against the engine by
    `minimal_condition` itself)."""
    case = load_case(GUO)
    level = "second_instance"
    tree = compile_level(case, level, case.doctrine(level))
    counts = every_world(tree)
    by_cover = conditions._minimal(tree, counts)
    assert max(len(t) for t in _blocks(by_cover)) > conditions.EXACT_UP_TO
    calls: list[int] = []
    real = conditions._sop_form

    def counted(toggles, table):
        calls.append(len(toggles))
        return real(toggles, table)

    monkeypatch.setattr(conditions, "_sop_form", counted)
    conditions._minimal(tree, counts)
    assert all(n <= conditions.EXACT_UP_TO for n in calls)
    monkeypatch.setattr(conditions, "EXACT_UP_TO", 64)  # every block by Quine-McCluskey
    by_sympy = conditions._minimal(tree, counts)
    assert by_cover.terms == by_sympy.terms


def _blocks(condition: conditions.Condition) -> list[set[str]]:
    return [{t for term in factor for t in term} for factor in condition.factors]
