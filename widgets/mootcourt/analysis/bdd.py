"""Reduced ordered binary decision diagrams: sets of worlds whose cost grows with the law.

A set of worlds used to be the bits of one integer with a bit per world (2^n bits for n
toggles): exact, but every toggle a case adds doubles the work. Here a set of worlds is a
node of a reduced ordered binary decision diagram over the case's toggles, in the case's
order. Two equal sets are the same node (so "is this condition exactly liability?" is one
comparison), and every operation (and, or, not, a toggle forced, a toggle forgotten, a count)
costs time in proportion to the diagrams' nodes, which grow with the rules a level applies,
not with the number of worlds they apply to.

The manager is pure Python and has no dependency (the `dd` package was not needed for
diagrams of a few dozen nodes; it was not measured against it): nodes are ints, 0 is the
empty set and 1 every world; a node never dies, so memo tables keyed by node ids stay valid
for the manager's life (one manager per case, see `space`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

FALSE = 0
TRUE = 1


class BDD:
    """One variable order (toggle ids) and every node built over it."""

    __slots__ = (
        "_and",
        "_count",
        "_hi",
        "_level",
        "_lo",
        "_not",
        "_or",
        "_unique",
        "_xor",
        "level",
        "names",
    )

    def __init__(self, names: Sequence[str]) -> None:
        self.names: tuple[str, ...] = tuple(names)
        self.level: dict[str, int] = {n: i for i, n in enumerate(self.names)}
        n = len(self.names)
        self._level: list[int] = [n, n]
        self._lo: list[int] = [FALSE, TRUE]
        self._hi: list[int] = [FALSE, TRUE]
        self._unique: dict[tuple[int, int, int], int] = {}
        self._and: dict[tuple[int, int], int] = {}
        self._or: dict[tuple[int, int], int] = {}
        self._xor: dict[tuple[int, int], int] = {}
        self._not: dict[int, int] = {FALSE: TRUE, TRUE: FALSE}
        self._count: dict[int, int] = {FALSE: 0, TRUE: 1}

    def __len__(self) -> int:
        """The number of nodes built so far (for benchmarks)."""
        return len(self._level)

    # building

    def node(self, level: int, lo: int, hi: int) -> int:
        """The node that asks the variable at `level`: `lo` when off, `hi` when on."""
        if lo == hi:
            return lo
        key = (level, lo, hi)
        found = self._unique.get(key)
        if found is None:
            found = len(self._level)
            self._level.append(level)
            self._lo.append(lo)
            self._hi.append(hi)
            self._unique[key] = found
        return found

    def var(self, name: str, value: bool = True) -> int:
        """The worlds in which toggle `name` is `value`."""
        level = self.level[name]
        return self.node(level, FALSE, TRUE) if value else self.node(level, TRUE, FALSE)

    def cube(self, facts: Mapping[str, bool | None]) -> int:
        """The worlds that agree with every known fact (unknown and foreign ids ignored)."""
        known = sorted(
            (self.level[t], v) for t, v in facts.items() if v is not None and t in self.level
        )
        found = TRUE
        for level, value in reversed(known):
            found = self.node(level, FALSE, found) if value else self.node(level, found, FALSE)
        return found

    def choose(self, name: str, on: int, off: int) -> int:
        """`on` where toggle `name` is on, `off` where it is off."""
        v = self.var(name)
        return self.OR(self.AND(v, on), self.AND(self._negate(v), off))

    # the operations (each memoised for the manager's life)

    def _negate(self, u: int) -> int:
        found = self._not.get(u)
        if found is None:
            found = self.node(self._level[u], self._negate(self._lo[u]), self._negate(self._hi[u]))
            self._not[u] = found
        return found

    def NOT(self, u: int) -> int:
        return self._negate(u)

    def AND(self, u: int, v: int) -> int:
        if u == FALSE or v == FALSE:
            return FALSE
        if u in (TRUE, v):
            return v
        if v == TRUE:
            return u
        return self._memo_split(self._and, self.AND, u, v)

    def OR(self, u: int, v: int) -> int:
        if u == TRUE or v == TRUE:
            return TRUE
        if u in (FALSE, v):
            return v
        if v == FALSE:
            return u
        return self._memo_split(self._or, self.OR, u, v)

    def XOR(self, u: int, v: int) -> int:
        if u == v:
            return FALSE
        if u == FALSE:
            return v
        if v == FALSE:
            return u
        if u == TRUE:
            return self._negate(v)
        if v == TRUE:
            return self._negate(u)
        return self._memo_split(self._xor, self.XOR, u, v)

    def _memo_split(
        self, memo: dict[tuple[int, int], int], op: Callable[[int, int], int], u: int, v: int
    ) -> int:
        """`op(u, v)` for a commutative `op` past its terminal cases, memoised in `memo`."""
        if u > v:
            u, v = v, u
        key = (u, v)
        found = memo.get(key)
        if found is None:
            found = self._split(op, u, v)
            memo[key] = found
        return found

    def _split(self, op: Callable[[int, int], int], u: int, v: int) -> int:
        lu, lv = self._level[u], self._level[v]
        if lu == lv:
            return self.node(lu, op(self._lo[u], self._lo[v]), op(self._hi[u], self._hi[v]))
        if lu < lv:
            return self.node(lu, op(self._lo[u], v), op(self._hi[u], v))
        return self.node(lv, op(u, self._lo[v]), op(u, self._hi[v]))

    def restrict(self, u: int, values: Mapping[str, bool]) -> int:
        """The set read with some toggles forced: world `w` is in the result when `w` with
        those toggles set to `values` is in `u` (a cofactor, for every world at once)."""
        forced = {self.level[t]: v for t, v in values.items()}
        if not forced:
            return u
        deepest = max(forced)
        memo: dict[int, int] = {}

        def go(x: int) -> int:
            level = self._level[x]
            if level > deepest:
                return x
            found = memo.get(x)
            if found is None:
                value = forced.get(level)
                if value is None:
                    found = self.node(level, go(self._lo[x]), go(self._hi[x]))
                else:
                    found = go(self._hi[x] if value else self._lo[x])
                memo[x] = found
            return found

        return go(u)

    def exists(self, u: int, names: Iterable[str]) -> int:
        """The worlds that some values of `names` (the rest kept) bring into `u`."""
        gone = {self.level[t] for t in names}
        if not gone:
            return u
        deepest = max(gone)
        memo: dict[int, int] = {}

        def go(x: int) -> int:
            level = self._level[x]
            if level > deepest:
                return x
            found = memo.get(x)
            if found is None:
                lo, hi = go(self._lo[x]), go(self._hi[x])
                found = self.OR(lo, hi) if level in gone else self.node(level, lo, hi)
                memo[x] = found
            return found

        return go(u)

    # reading

    def count(self, u: int) -> int:
        """How many worlds (assignments of every variable) the set holds."""
        return self._below(u) << self._level[u]

    def _below(self, u: int) -> int:
        """Assignments of the variables from `u`'s level down that lead to true."""
        found = self._count.get(u)
        if found is None:
            level = self._level[u]
            lo, hi = self._lo[u], self._hi[u]
            found = (self._below(lo) << (self._level[lo] - level - 1)) + (
                self._below(hi) << (self._level[hi] - level - 1)
            )
            self._count[u] = found
        return found

    def holds(self, u: int, read: Callable[[str], bool]) -> bool:
        """Is the world `read` answers for in the set? (One walk down.)"""
        names, levels, lo, hi = self.names, self._level, self._lo, self._hi
        while u > TRUE:
            u = hi[u] if read(names[levels[u]]) else lo[u]
        return u == TRUE

    def support(self, u: int) -> set[str]:
        """The toggles the set depends on."""
        seen: set[int] = set()
        levels: set[int] = set()
        todo = [u]
        while todo:
            x = todo.pop()
            if x <= TRUE or x in seen:
                continue
            seen.add(x)
            levels.add(self._level[x])
            todo += [self._lo[x], self._hi[x]]
        return {self.names[i] for i in levels}

    def size(self, u: int) -> int:
        """The number of nodes below `u`, terminals included (for benchmarks)."""
        seen: set[int] = set()
        todo = [u]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            if x > TRUE:
                todo += [self._lo[x], self._hi[x]]
        return len(seen)

    def assignments(self, u: int, names: Sequence[str]) -> Iterator[int]:
        """Every assignment of `names` (bit k: names[k] on) in the set, where `u` depends
        on no other toggle: as many steps as assignments, never 2^n."""
        bit = {self.level[t]: k for k, t in enumerate(names)}
        order = sorted(bit)

        def go(x: int, i: int, acc: int) -> Iterator[int]:
            if x == FALSE:
                return
            if i == len(order):
                if x != TRUE:
                    raise ValueError("the set depends on a toggle outside `names`")
                yield acc
                return
            level = order[i]
            if self._level[x] == level:
                yield from go(self._lo[x], i + 1, acc)
                yield from go(self._hi[x], i + 1, acc | 1 << bit[level])
            elif self._level[x] > level:
                yield from go(x, i + 1, acc)
                yield from go(x, i + 1, acc | 1 << bit[level])
            else:
                raise ValueError("the set depends on a toggle outside `names`")

        return go(u, 0, 0)

    def sample(self, u: int, rng: random.Random) -> dict[str, bool]:
        """One world drawn uniformly from a non-empty set (for tests and benchmarks)."""
        if u == FALSE:
            raise ValueError("no world to draw from the empty set")
        world: dict[str, bool] = {}
        level = 0
        x = u
        while True:
            top = self._level[x]
            for skipped in range(level, top):  # free on every path through here
                world[self.names[skipped]] = rng.random() < 0.5
            if x == TRUE:
                return world
            lo, hi = self._lo[x], self._hi[x]
            weight_lo = self._below(lo) << (self._level[lo] - top - 1)
            weight_hi = self._below(hi) << (self._level[hi] - top - 1)
            on = rng.randrange(weight_lo + weight_hi) >= weight_lo
            world[self.names[top]] = on
            x, level = (hi if on else lo), top + 1


__all__ = ["BDD", "FALSE", "TRUE"]
