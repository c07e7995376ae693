"""An irredundant sum of products read off a decision diagram (Minato-Morreale).

Quine-McCluskey (sympy's `SOPform`, what `conditions` uses for small tables) lists every
prime implicant of a table before it chooses a cover: the work grows with the number of
assignments, and it explodes past about ten toggles (Guo's 11-toggle block took 12 s, the
whole condition 16 s). Minato and Morreale's ISOP instead recurses down the diagram: at each
toggle it keeps the products that need the toggle off, those that need it on, and covers what
is left with products that do not mention it. The cover it returns is irredundant (dropping
any product, or any literal of one, changes the set) and every product is a prime implicant,
so it reads as a legal condition should: no clause is idle. It is not guaranteed to be the
shortest cover (neither is `SOPform`'s greedy pass); the caller checks it against the engine
exactly, as it checks every condition.

The work grows with the diagram's nodes, not with the worlds (Minato, "Fast generation of
prime-irredundant covers from binary decision diagrams", 1993).
"""

from __future__ import annotations

from collections.abc import Sequence

from .bdd import BDD, FALSE, TRUE

Product = dict[str, bool]
"""toggle id -> on (True) or off (False): every literal must hold"""


def table_diagram(bdd: BDD, toggles: Sequence[str], table: set[int]) -> int:
    """The set of assignments `table` (bit k: toggles[k] on) as a node of `bdd`."""
    found = FALSE
    for assignment in table:
        facts = {t: bool(assignment >> k & 1) for k, t in enumerate(toggles)}
        found = bdd.OR(found, bdd.cube(facts))
    return found


def irredundant_cover(bdd: BDD, lower: int, upper: int | None = None) -> list[Product]:
    """Products whose union lies between `lower` and `upper` (by default exactly `lower`):
    every world of `lower` is covered, none outside `upper` is."""
    memo: dict[tuple[int, int], tuple[list[Product], int]] = {}
    return _isop(bdd, lower, lower if upper is None else upper, memo)[0]


def _isop(
    bdd: BDD, lower: int, upper: int, memo: dict[tuple[int, int], tuple[list[Product], int]]
) -> tuple[list[Product], int]:
    """(the cover, the set it covers) for the interval [lower, upper]."""
    if lower == FALSE:
        return [], FALSE
    if upper == TRUE:
        return [{}], TRUE
    found = memo.get((lower, upper))
    if found is not None:
        return found
    level = min(bdd._level[lower], bdd._level[upper])
    name = bdd.names[level]
    lower_off, lower_on = _cofactors(bdd, lower, level)
    upper_off, upper_on = _cofactors(bdd, upper, level)
    # products that need the toggle off: what only the off side may cover
    off, covered_off = _isop(bdd, bdd.AND(lower_off, bdd.NOT(upper_on)), upper_off, memo)
    # products that need it on
    on, covered_on = _isop(bdd, bdd.AND(lower_on, bdd.NOT(upper_off)), upper_on, memo)
    # what is left, with products that do not mention it
    rest = bdd.OR(bdd.AND(lower_off, bdd.NOT(covered_off)), bdd.AND(lower_on, bdd.NOT(covered_on)))
    either, covered_either = _isop(bdd, rest, bdd.AND(upper_off, upper_on), memo)
    cover = [
        *({**p, name: False} for p in off),
        *({**p, name: True} for p in on),
        *either,
    ]
    covered = bdd.OR(
        bdd.OR(
            bdd.AND(bdd.var(name, False), covered_off), bdd.AND(bdd.var(name, True), covered_on)
        ),
        covered_either,
    )
    memo[(lower, upper)] = (cover, covered)
    return cover, covered


def _cofactors(bdd: BDD, u: int, level: int) -> tuple[int, int]:
    """`u` with the toggle at `level` off, and on (itself twice if it does not ask it)."""
    if bdd._level[u] != level:
        return u, u
    return bdd._lo[u], bdd._hi[u]
