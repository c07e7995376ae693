"""Minimal conditions: exactly when a level finds liability, as a short sum of products.

Relevance first, minimisation second. Over every toggle of the record case a minimiser does
not finish in minutes; over the toggles that matter to a level (`worlds.every_world`) it
takes milliseconds to seconds, and less again once the table is split:

1. facts every liable world shares are factored out (`common`);
2. the rest is split into factors over disjoint sets of toggles, when liability is their
   conjunction (typically one factor per contested issue: who could have leaked, and what
   answers the presumption of fault); a split is only used once checked exactly;
3. each factor is minimised on its own: up to `EXACT_UP_TO` toggles by sympy's `SOPform`
   (Quine-McCluskey with a redundancy pass), above that by an irredundant prime cover read
   off a decision diagram (`cover`), since Quine-McCluskey's work explodes past about ten
   toggles. With disjoint toggles the product of the factors' covers covers the whole.

Assignments that no valid world has are marked false rather than "don't care" (measured at
6.8 s against 64 ms on the 18-toggle record case; it changes nothing in any valid world).
The result is checked against the engine's set of liable worlds before it is returned, so a
wrong condition can never be shown to a student. sympy is imported only when a condition is
first asked for: a kernel that never opens the What-if tab never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

from .bdd import BDD
from .compile import LevelTree
from .cover import irredundant_cover, table_diagram
from .worlds import LevelWorlds, depends_only_on

Term = dict[str, bool]
"""One product: toggle id -> on (True) or off (False); all must hold."""

Factor = tuple[Term, ...]
"""A sum of products over some toggles: one of the terms holds."""


@dataclass(frozen=True, slots=True)
class Condition:
    level: str
    toggles: tuple[str, ...]
    """the toggles the condition is written over (those relevant to the level)"""
    common: Term
    """facts every liable valid world has"""
    factors: tuple[Factor, ...]
    """given `common`, liability holds exactly when every factor does"""
    never: bool = False
    """the level finds liability in no valid world"""

    @property
    def terms(self) -> tuple[Term, ...]:
        """The condition as one sum of products: () = never, ({},) = every valid world."""
        if self.never:
            return ()
        found = []
        for choice in product(*self.factors):
            term = dict(self.common)
            for part in choice:
                term.update(part)
            found.append(term)
        return tuple(found)


def minimal_condition(tree: LevelTree, counts: LevelWorlds) -> Condition:
    """Liability at this level as a minimal sum of products over its relevant toggles (kept
    with the tree: it does not depend on the current world)."""
    found = tree.cache.get("condition")
    if isinstance(found, Condition):
        return found
    found = _minimal(tree, counts)
    tree.cache["condition"] = found
    return found


def _minimal(tree: LevelTree, counts: LevelWorlds) -> Condition:
    space = tree.space
    bdd = space.bdd
    toggles = tuple(t for t in counts.relevant if t in tree.ids)
    if not depends_only_on(tree, toggles):  # constraints can couple toggles: stay exact
        toggles = tree.ids
    liable = bdd.AND(tree.liable, space.valid)
    if not liable:
        return Condition(tree.level, toggles, {}, (), never=True)
    common: Term = {}
    for t in toggles:
        if bdd.AND(liable, space.on(t)) == liable:
            common[t] = True
        elif bdd.AND(liable, space.off(t)) == liable:
            common[t] = False
    free = tuple(t for t in toggles if t not in common)
    table = _table(tree, free)
    order = space.ids
    condition = Condition(
        tree.level, toggles, common, tuple(_minimise(b, t, order) for b, t in _split(free, table))
    )
    if bdd.AND(_holds_in(condition, tree), space.valid) != liable:  # the valid worlds couple
        whole = _table(tree, toggles)
        condition = Condition(tree.level, toggles, {}, (_minimise(toggles, whole, order),))
    if bdd.AND(_holds_in(condition, tree), space.valid) != liable:
        raise AssertionError(f"minimal condition for {tree.level} disagrees with the engine")
    return condition


def _table(tree: LevelTree, toggles: Sequence[str]) -> set[int]:
    """The assignments of `toggles` (bit k: toggles[k] on) under which some valid world is
    liable: liability projected onto them (read off the diagram, one step per assignment)."""
    space = tree.space
    liable = space.bdd.AND(tree.liable, space.valid)
    reachable = space.exists(liable, [t for t in space.ids if t not in toggles])
    return set(space.bdd.assignments(reachable, toggles))


def _split(toggles: tuple[str, ...], table: set[int]) -> list[tuple[tuple[str, ...], set[int]]]:
    """The table as a conjunction of tables over disjoint blocks of toggles, where it is one.

    Two toggles are put in one block when, for some values of the others, the four cells of
    their 2x2 table are not a product (the classic sign of interaction); the blocks found
    are then checked exactly (the conjunction must rebuild the table), else one block."""
    n = len(toggles)
    if n <= 1:
        return [(toggles, table)]
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x in range(n):
        for y in range(x + 1, n):
            if root(x) == root(y):
                continue
            bx, by = 1 << x, 1 << y
            for rest in range(1 << n):
                if rest & (bx | by):
                    continue
                diagonal = (rest in table) and (rest | bx | by in table)
                anti = (rest | bx in table) and (rest | by in table)
                if diagonal != anti:
                    parent[root(x)] = root(y)
                    break
    blocks: dict[int, list[int]] = {}
    for i in range(n):
        blocks.setdefault(root(i), []).append(i)
    if len(blocks) == 1:
        return [(toggles, table)]
    parts = []
    for members in blocks.values():
        mask = sum(1 << i for i in members)
        projected = {m & mask for m in table}
        local = {_compact(m, members) for m in projected}
        parts.append((tuple(toggles[i] for i in members), local, projected))
    size = 1
    for _, _, projected in parts:
        size *= len(projected)
    if size != len(table):  # the table is always inside the product; equal sizes: equal
        return [(toggles, table)]
    return [(names, local) for names, local, _ in parts]


def _compact(assignment: int, members: list[int]) -> int:
    return sum(1 << k for k, i in enumerate(members) if assignment >> i & 1)


EXACT_UP_TO = 8
"""the most toggles a block is minimised over by Quine-McCluskey (sympy's `SOPform`): Liu's
largest block has 8 (0.4 s); Guo's 10 and 11 took 3 s and 12 s. Larger blocks take the
irredundant cover read off a diagram (`cover`: milliseconds, at times a product longer)."""


def _minimise(toggles: tuple[str, ...], table: set[int], order: tuple[str, ...]) -> Factor:
    if not table:
        return ()
    if len(table) == 1 << len(toggles):
        return ({},)
    rank = {t: i for i, t in enumerate(order)}
    if len(toggles) > EXACT_UP_TO:
        bdd = BDD(sorted(toggles, key=rank.__getitem__))
        found = irredundant_cover(bdd, table_diagram(bdd, toggles, table))
    else:
        found = _sop_form(toggles, table)
    terms = [dict(sorted(term.items(), key=lambda kv: rank[kv[0]])) for term in found]
    terms.sort(key=lambda term: (len(term), [(rank[t], not v) for t, v in term.items()]))
    return tuple(terms)


def _sop_form(toggles: tuple[str, ...], table: set[int]) -> list[Term]:
    """The table minimised by Quine-McCluskey with a redundancy pass (sympy, imported here:
    only a kernel that shows a condition pays for it)."""
    from sympy import And, Not, Or, Symbol
    from sympy.logic import SOPform

    symbols = [Symbol(t) for t in toggles]
    minterms = [[i >> k & 1 for k in range(len(toggles))] for i in sorted(table)]
    expr = SOPform(symbols, minterms)
    products = expr.args if isinstance(expr, Or) else (expr,)
    terms = []
    for term_expr in products:
        literals = term_expr.args if isinstance(term_expr, And) else (term_expr,)
        term: Term = {}
        for lit in literals:
            if isinstance(lit, Not):
                term[str(lit.args[0])] = False
            else:
                term[str(lit)] = True
        terms.append(term)
    return terms


def _holds_in(condition: Condition, tree: LevelTree) -> int:
    """The set of worlds in which the condition holds."""
    space = tree.space
    bdd = space.bdd
    found = space.cube(condition.common) if not condition.never else 0
    for factor in condition.factors:
        either = 0
        for term in factor:
            either = bdd.OR(either, space.cube(term))
        found = bdd.AND(found, either)
    return found


holds_in = _holds_in
